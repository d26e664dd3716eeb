import base64

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import SetPasswordForm
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.encoding import force_str
from django.utils.http import urlencode, urlsafe_base64_decode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from limits import throttle
from staff import keyring, verification
from staff.access import NEXT_KEY, safe_next
from staff.invitations import invite_tokens


@never_cache
def continue_to_next(request):
    """After enrolling a second factor: on to the page that was asked for (this site only)."""
    target = safe_next(request, request.session.pop(NEXT_KEY, None))
    return redirect(target or "admin:index")


@never_cache
@sensitive_post_parameters("new_password1", "new_password2")
def welcome(request, uidb64: str, token: str):
    """An invited member chooses their password from the emailed link (once). A link that
    is wrong, used or expired gets the same page, whatever the account."""
    account = None
    try:
        pk = int(force_str(urlsafe_base64_decode(uidb64)))
        account = get_user_model().objects.filter(pk=pk, is_active=True, is_staff=True).first()
    except (ValueError, TypeError, OverflowError):
        account = None
    if account is None or not invite_tokens.check_token(account, token):
        return render(request, "staff/welcome_invalid.html", status=404)
    form = SetPasswordForm(account, request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(
            request, _("Your password is set. Sign in, then set up your second factor.")
        )
        return redirect("account_login")
    return render(request, "staff/welcome.html", {"form": form, "account": account})


@never_cache
def keepalive(request):
    """The idle warning's "Stay signed in": a request, nothing more (staff.access counts it).
    A session that has ended already answers 401, and the page keeps what was typed."""
    if not (request.user.is_authenticated and request.user.is_staff):
        return HttpResponse(status=401)
    return HttpResponse(status=204)


class UnlockForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"), strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password", "autofocus": True}),
    )  # fmt: skip


UNLOCK_WINDOW = 15 * 60


@never_cache
@sensitive_post_parameters("password")
def unlock(request):
    """Reports are sealed to the team's keys. A member signed in without their password (a
    passkey) types it once here, and their key is unlocked for the session; then on to the
    page they asked for (this site only). Failures count against the sign-in's limit."""
    user = request.user
    if not (user.is_authenticated and user.is_staff and verification.is_verified(request)):
        return redirect("account_login")
    target = safe_next(request, request.POST.get("next") or request.GET.get("next"))
    if not keyring.needs_key(user) or keyring.unlocked_key(request) is not None:
        return redirect(target or "admin:index")
    form = UnlockForm(request.POST or None)
    limit = settings.STAFF_LOGIN_FAILURE_LIMIT
    status = 200
    if request.method == "POST" and form.is_valid():
        attempt = throttle.take_key(
            throttle.keyed("staff-unlock", str(user.pk)), limit, UNLOCK_WINDOW
        )
        if not attempt:
            form.add_error(None, _("Too many attempts: wait 15 minutes, then try again."))
            status = 429
        elif user.check_password(form.cleaned_data["password"]):
            attempt.give_back()
            keyring.unlock_at_sign_in(request, user, form.cleaned_data["password"])
            return redirect(target or "admin:index")
        else:
            form.add_error("password", _("This is not your password."))
    context = {"form": form, "next": target or ""}
    return render(request, "staff/unlock.html", context, status=status)


@never_cache
@sensitive_post_parameters("prf")
def passkey_unlock(request):
    """Let a passkey open the reports: the member's key, unlocked in this session, is wrapped
    under the passkey's PRF output (the site's script asks the passkey for it, a second
    prompt), so that a sign-in with that passkey unlocks it with no password."""
    from allauth.mfa.models import Authenticator

    user = request.user
    if not (user.is_authenticated and user.is_staff and verification.is_verified(request)):
        return redirect("account_login")
    if not keyring.needs_key(user):
        return redirect("admin:index")
    if keyring.unlocked_key(request) is None:
        query = urlencode({"next": request.get_full_path()})
        return redirect(f"{reverse('staff:unlock')}?{query}")
    passkeys = list(Authenticator.objects.filter(user=user, type=Authenticator.Type.WEBAUTHN))
    if request.method == "POST":
        prf = keyring.prf_from_request(request)
        # Only one of the member's own passkeys, compared as the page wrote their ids.
        if prf and prf[0] in _passkey_ids(passkeys) and keyring.add_passkey_unlock(request, *prf):
            messages.success(request, _("This passkey now opens the reports when you sign in."))
        else:
            messages.error(request, _(
                "This passkey could not be set to open the reports: your browser or passkey "
                "may not support it. Your password still opens them."))  # fmt: skip
        return redirect("staff:passkey-unlock")
    rows = [
        {"name": passkey.wrap().name, "id": encoded,
         "opens": keyring.passkey_unlocks(user, encoded)}
        for passkey, encoded in zip(passkeys, _passkey_ids(passkeys), strict=True)
    ]  # fmt: skip
    context = {
        "passkeys": rows, "prf_salt": keyring.prf_salt(),
        "rp_id": request.get_host().partition(":")[0],
    }  # fmt: skip
    return render(request, "staff/passkey_unlock.html", context)


def _passkey_ids(passkeys) -> list[str]:
    """Each passkey's credential id as WebAuthn's scripts write it (base64url, unpadded)."""
    return [
        base64.urlsafe_b64encode(p.wrap().authenticator_data.credential_data.credential_id)
        .decode("ascii").rstrip("=")
        for p in passkeys
    ]  # fmt: skip
