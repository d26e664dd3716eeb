"""The reporter's key during a follow-up: derived from their code when they type it, then
held in the session's encrypted state under a fresh key whose only copy is a cookie of its
own (REPORTER_KEY_COOKIE_NAME: HttpOnly, SameSite=Lax, the browser session; __Host- and
Secure in production). The session row alone opens nothing; leaving deletes both.

A report sealed before reporters had keys has none: its answers and messages are still
under the site's key, and the follow-up reads them as before.
"""

from __future__ import annotations

import base64
import binascii
import logging

from django.conf import settings

from encryption import staffkeys
from reports.models import normalise_code
from reports.models.keys import reporter_private_key

logger = logging.getLogger("reports.follow_up")


def _context(report) -> bytes:
    return f"jedisstop reporter key held for {report.reference}".encode()


def hold(response, state: dict, report, code: str) -> None:
    """Derive the reporter's key from `code`, seal it into `state` (kept in the session) and
    give the cookie its only key, on `response`."""
    private = reporter_private_key(report, normalise_code(code))
    if private is None:
        return
    held, cookie_key = staffkeys.hold(private, context=_context(report))
    state["held"] = base64.b64encode(held).decode("ascii")
    response.set_cookie(
        settings.REPORTER_KEY_COOKIE_NAME, base64.urlsafe_b64encode(cookie_key).decode("ascii"),
        max_age=None, path="/", httponly=True, samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )  # fmt: skip


def released(request, state: dict, report) -> bytes | None:
    """The reporter's private key for this request, or None (none held, no cookie, or a
    cookie that does not open it: refused and logged)."""
    if report is None or not state.get("held"):
        return None
    cookie = request.COOKIES.get(settings.REPORTER_KEY_COOKIE_NAME)
    if not cookie:
        return None
    try:
        return staffkeys.release(
            base64.b64decode(state["held"]), base64.urlsafe_b64decode(cookie),
            context=_context(report),
        )  # fmt: skip
    except (staffkeys.Locked, binascii.Error, ValueError, TypeError):
        logger.warning("The reporter's key held for this session does not open: refused")
        return None


def forget(response) -> None:
    response.delete_cookie(settings.REPORTER_KEY_COOKIE_NAME, path="/", samesite="Lax")
