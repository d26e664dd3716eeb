"""Every staff page asks for a verified session, before any view runs.

For a signed-in staff member, on every page of the admin, of the staff app and of the
sign-in library's account pages:

- a session idle for longer than STAFF_IDLE_MINUTES ends;
- the admin keeps the language chosen with its switcher;
- a session without a second factor reaches nothing but enrolment (when the person has
  no authenticator yet) and signing out; the page asked for is kept for afterwards.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from staff.verification import (
    has_authenticator,
    has_passkey,
    is_verified,
    passkey_only,
    signed_in_with_passkey,
)

LAST_SEEN_KEY = "staff_last_seen"
NEXT_KEY = "staff_next"
POLICY_KEY = "staff_passkey_only"
LAST_SEEN_PRECISION = 60

# Namespaces whose every page is for verified staff only.
STAFF_NAMESPACES = {"admin", "staff"}
# The sign-in library's pages that a signed-in person without a second factor may reach:
# enrolment, and the way out.
ENROLMENT_URLS = {
    "mfa_index",
    "mfa_activate_totp",
    "mfa_add_webauthn",
    "mfa_view_recovery_codes",
    "mfa_download_recovery_codes",
    "account_reauthenticate",
}
ALWAYS_OPEN = {"account_logout", "account_login", "jsi18n"}


def safe_next(request, url: str | None) -> str | None:
    """`url` if it leads to a page of this site, else None."""
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return None


def _is_library_page(match) -> bool:
    name = match.url_name or ""
    return not match.namespace and name.startswith(("account_", "mfa_"))


class StaffAccessMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None:
            return None
        staff_page = match.app_name in STAFF_NAMESPACES
        if not (staff_page or _is_library_page(match)):
            return None
        user = request.user
        if not user.is_authenticated:
            return None  # the page's own login requirement answers
        if (expired := self._idle_timeout(request)) is not None:
            return expired
        if match.app_name == "admin" and (sticky := self._language_redirect(request)):
            return sticky
        if match.url_name in ALWAYS_OPEN:
            return None
        if not user.is_staff:
            return None  # not staff: the admin itself refuses them
        if is_verified(request):
            if not signed_in_with_passkey(request) and self._passkey_only(request):
                return self._passkey_required(request, match)
            return None
        if has_authenticator(user):
            # Signed in without the second factor it has (a session from before the
            # second factor was required, or a forced login): sign in again, properly.
            return self._to_login(request)
        if _is_library_page(match) and match.url_name in ENROLMENT_URLS:
            return None
        if request.method == "GET" and (target := safe_next(request, request.get_full_path())):
            request.session[NEXT_KEY] = target
        return redirect("mfa_activate_totp")

    @staticmethod
    def _passkey_only(request) -> bool:
        """Asked of the database once a minute per session, not on every page (a rule
        switched on reaches signed-in members within the minute)."""
        checked_at, value = request.session.get(POLICY_KEY, (0, False))
        now = time.time()
        if now - checked_at > LAST_SEEN_PRECISION:
            value = passkey_only(request.user)
            request.session[POLICY_KEY] = (now, value)
        return value

    def _passkey_required(self, request, match):
        """A member of a passkey-only group signed in with a password and a code: they may
        add their first passkey, nothing else; with one already, they sign in with it."""
        if has_passkey(request.user):
            logout(request)
            messages.warning(request, _("Your team signs in with a passkey only."))
            return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
        if match.url_name in {"mfa_add_webauthn", "mfa_index", "account_reauthenticate"}:
            return None
        messages.info(request, _("Your team signs in with a passkey only: add one now."))
        return redirect("mfa_add_webauthn")

    @staticmethod
    def _to_login(request):
        logout(request)
        return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)

    @staticmethod
    def _idle_timeout(request):
        now = time.time()
        last_seen = request.session.get(LAST_SEEN_KEY, now)
        if now - last_seen > settings.STAFF_IDLE_MINUTES * 60:
            logout(request)
            messages.info(request, _("You were logged out after a period without activity."))
            return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
        keepalive = getattr(request.resolver_match, "url_name", "") == "keepalive"
        if (
            keepalive
            or now - last_seen > LAST_SEEN_PRECISION
            or LAST_SEEN_KEY not in request.session
        ):
            # A minute's precision is plenty for a 30-minute idle limit, and spares a
            # session write on every admin page.
            request.session[LAST_SEEN_KEY] = last_seen = now
        # What the page's idle warning counts down from (staff-idle.js).
        request.staff_idle_seconds_left = int(settings.STAFF_IDLE_MINUTES * 60 - (now - last_seen))
        return None

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
