"""Two-factor authentication for everyone who can see reports: an authenticator app (TOTP)
plus ten single-use recovery codes. Also the staff login lockout and the idle timeout."""

from __future__ import annotations

import secrets
import time

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import logout
from django.contrib.auth.hashers import check_password, make_password
from django.db import transaction
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from reports import throttle, totp
from reports.hashers import FollowUpCodeHasher
from reports.models import CODE_ALPHABET, RecoveryCode, StaffDevice

SESSION_KEY = "two_factor_user"
LAST_SEEN_KEY = "staff_last_seen"
FAILURE_WINDOW = 15 * 60
LAST_SEEN_PRECISION = 60


class TwoFactorError(Exception):
    pass


def needs_two_factor(user) -> bool:
    return bool(
        user.is_authenticated
        and user.is_active
        and user.is_staff
        and (user.is_superuser or user.has_perm("reports.view_report"))
    )


def is_verified(request) -> bool:
    return request.session.get(SESSION_KEY) == request.user.pk


def has_device(user) -> bool:
    return StaffDevice.objects.filter(user=user, confirmed_at__isnull=False).exists()


def setup_device(user) -> StaffDevice:
    """The unconfirmed authenticator being set up (a new secret if none yet)."""
    device, created = StaffDevice.objects.get_or_create(
        user=user, defaults={"secret_encrypted": ""}
    )
    if created or not device.secret:
        device.secret = totp.new_secret()
        device.save(update_fields=["secret_encrypted"])
    return device


def new_recovery_codes(user) -> list[str]:
    codes = ["".join(secrets.choice(CODE_ALPHABET) for _ in range(12)) for _ in range(10)]
    with transaction.atomic():
        RecoveryCode.objects.filter(user=user).delete()
        RecoveryCode.objects.bulk_create(
            RecoveryCode(user=user, code_hash=make_password(c, hasher=FollowUpCodeHasher.algorithm))
            for c in codes
        )
    return [f"{c[:4]}-{c[4:8]}-{c[8:]}" for c in codes]


def confirm_device(user, code: str) -> list[str]:
    with transaction.atomic():
        device = StaffDevice.objects.select_for_update().get(user=user)
        counter = totp.match(device.secret, code, after_counter=device.last_counter)
        if counter is None:
            raise TwoFactorError(_("This code is not right. Type the 6 digits your app shows now."))
        device.last_counter = counter
        device.confirmed_at = timezone.now()
        device.save(update_fields=["last_counter", "confirmed_at"])
    return new_recovery_codes(user)


def _failure_key(user) -> str:
    return f"two-factor-failures:{user.pk}"


def check_code(user, code: str) -> bool:
    """A current authenticator code, or an unused recovery code (then used up)."""
    if throttle.count(_failure_key(user)) >= settings.STAFF_LOGIN_FAILURE_LIMIT:
        raise TwoFactorError(_("Too many wrong codes. Wait 15 minutes, then try again."))
    with transaction.atomic():
        device = StaffDevice.objects.select_for_update().get(user=user)
        counter = totp.match(device.secret, code, after_counter=device.last_counter)
        if counter is not None:
            device.last_counter = counter
            device.save(update_fields=["last_counter"])
            return True
        cleaned = "".join(ch for ch in code.upper() if ch.isalnum())
        if len(cleaned) == 12:
            for recovery in RecoveryCode.objects.filter(user=user, used_at__isnull=True):
                if check_password(cleaned, recovery.code_hash):
                    recovery.used_at = timezone.now()
                    recovery.save(update_fields=["used_at"])
                    return True
    throttle.bump(_failure_key(user), FAILURE_WINDOW)
    return False


def mark_verified(request) -> None:
    request.session.cycle_key()
    request.session[SESSION_KEY] = request.user.pk
    request.session[LAST_SEEN_KEY] = time.time()


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code"),
        max_length=20,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )


class StaffLoginForm(AdminAuthenticationForm):
    """The admin login, locked for a while after repeated failures for one name."""

    def clean(self):
        username = (self.cleaned_data.get("username") or "").lower()
        key = f"staff-login:{username}:{throttle.client_key(self.request)}"
        user_key = f"staff-login:{username}"
        limit = settings.STAFF_LOGIN_FAILURE_LIMIT
        if throttle.count(key) >= limit or throttle.count(user_key) >= limit * 4:
            raise forms.ValidationError(
                _("Too many failed attempts. For your security, wait 15 minutes and try again."),
                code="locked",
            )
        try:
            return super().clean()
        except forms.ValidationError:
            for k in (key, user_key):
                throttle.bump(k, FAILURE_WINDOW)
            raise


class StaffSessionMiddleware:
    """For staff in the admin: end an idle session, keep their language, ask for the
    second factor."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or match.app_name != "admin" or not request.user.is_authenticated:
            return None
        if not request.user.is_staff:
            return None
        now = time.time()
        last_seen = request.session.get(LAST_SEEN_KEY, now)
        if now - last_seen > settings.STAFF_IDLE_MINUTES * 60:
            logout(request)
            messages.info(request, _("You were logged out after a period without activity."))
            return redirect("admin:login")
        if now - last_seen > LAST_SEEN_PRECISION or LAST_SEEN_KEY not in request.session:
            # A minute's precision is plenty for a 30-minute idle limit, and spares a
            # session write on every admin page.
            request.session[LAST_SEEN_KEY] = now
        if (sticky := self._language_redirect(request)) is not None:
            return sticky
        if match.url_name in {"logout", "jsi18n"} or not needs_two_factor(request.user):
            return None
        if is_verified(request):
            return None
        target = "two-factor-verify" if has_device(request.user) else "two-factor-setup"
        return redirect(target)

    @staticmethod
    def _language_redirect(request):
        """The language chosen with the switcher (its cookie) sticks: an admin address in
        another language is redirected to the same page in the chosen one."""
        from django.urls import translate_url
        from django.utils import translation

        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        current = translation.get_language()
        languages = {code for code, _name in settings.LANGUAGES}
        if request.method != "GET" or chosen not in languages or chosen == current:
            return None
        target = translate_url(request.get_full_path(), chosen)
        return redirect(target) if target != request.get_full_path() else None
