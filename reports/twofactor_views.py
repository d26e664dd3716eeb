"""The pages where staff set up their authenticator and give their second factor."""

import segno
from django.contrib import admin
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from reports import totp
from reports.models import AuditEntry
from reports.services import audit
from reports.twofactor import (
    CodeForm,
    TwoFactorError,
    check_code,
    confirm_device,
    has_device,
    is_verified,
    mark_verified,
    needs_two_factor,
    setup_device,
)


def wrong_code_message() -> str:
    return _("This code is not right. Type the 6 digits your app shows now, or a recovery code.")


def _context(request, **extra):
    return {**admin.site.each_context(request), **extra}


@never_cache
@login_required(login_url="admin:login")
def setup(request):
    if not needs_two_factor(request.user) or has_device(request.user):
        return redirect("admin:index")
    device = setup_device(request.user)
    uri = totp.provisioning_uri(device.secret, request.user.get_username())
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            codes = confirm_device(request.user, form.cleaned_data["code"])
        except TwoFactorError as error:
            form.add_error("code", str(error))
        else:
            mark_verified(request)
            audit(request.user, AuditEntry.Action.LOGIN, detail="authenticator set up")
            return render(
                request, "reports/two_factor_codes.html",
                _context(request, title=_("Your recovery codes"), codes=codes),
            )  # fmt: skip
    # The QR code is drawn here, as SVG, by the site itself: no request leaves it.
    qr_svg = segno.make(uri, error="m").svg_inline(scale=5, dark="#000", light="#fff")
    context = _context(
        request,
        title=_("Set up two-step verification"),
        form=form,
        qr_svg=mark_safe(qr_svg),
        secret=" ".join(device.secret[i : i + 4] for i in range(0, len(device.secret), 4)),
    )
    return render(request, "reports/two_factor_setup.html", context)


@never_cache
@login_required(login_url="admin:login")
def verify(request):
    if not needs_two_factor(request.user) or is_verified(request):
        return redirect("admin:index")
    if not has_device(request.user):
        return redirect("two-factor-setup")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            ok = check_code(request.user, form.cleaned_data["code"])
        except TwoFactorError as error:
            form.add_error("code", str(error))
        else:
            if ok:
                mark_verified(request)
                audit(request.user, AuditEntry.Action.LOGIN, detail="second factor")
                return redirect(request.GET.get("next") or "admin:index")
            audit(request.user, AuditEntry.Action.LOGIN_FAILED, detail="second factor")
            form.add_error("code", wrong_code_message())
    return render(
        request, "reports/two_factor_verify.html",
        _context(request, title=_("Two-step verification"), form=form),
    )  # fmt: skip
