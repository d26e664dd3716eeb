"""The key of what a browser is sending: the photos of a form not sent yet and the receipt
kept for ten minutes after it. It is random, made at the first photo or sending, and its
only copy is a cookie of its own (FORM_KEY_COOKIE_NAME: HttpOnly, SameSite=Lax, for the
browser session; __Host- and Secure in production). The server keeps these only sealed
under it: a copy of the disk, the database or the environment reads none of them, and they
are deleted anyway after PENDING_UPLOAD_HOURS (photos) and RECEIPT_SECONDS (the receipt).

The middleware makes the request's key at hand to the services that store and attach
photos (`current()`), which do not see the request; a key made during the request is given
to the browser with the response. Outside a request (a management command, a test), a key
of the running thread is used.

A photo that does not open with the browser's key (its cookie was deleted) is refused, and
logged without anything of it: the form says which photos to add again.
"""

from __future__ import annotations

import base64
import binascii
import logging
from contextvars import ContextVar
from dataclasses import dataclass

from django.conf import settings

from encryption import sealing

logger = logging.getLogger("reports.intake")


@dataclass
class _FormKey:
    cookie: str | None = None
    key: bytes | None = None
    made: bool = False

    def get(self) -> bytes:
        if self.key is None:
            self.key = _from_cookie(self.cookie)
            if self.key is None:
                self.key, self.made = sealing.new_key(), True
        return self.key


_current: ContextVar[_FormKey | None] = ContextVar("jedisstop_form_key", default=None)


def _from_cookie(value: str | None) -> bytes | None:
    if not value:
        return None
    try:
        key = base64.urlsafe_b64decode(value.encode("ascii"))
    except (binascii.Error, ValueError, UnicodeEncodeError):
        return None
    return key if len(key) == sealing.KEY_BYTES else None


def current() -> bytes:
    """The key of the browser this request comes from (made if it has none yet)."""
    state = _current.get()
    if state is None:  # outside a request: the thread's own
        state = _FormKey()
        _current.set(state)
    return state.get()


def of(request) -> bytes | None:
    """The key a request's cookie carries, without making one (None without a cookie)."""
    state = getattr(request, "_form_key", None)
    if state is not None and state.key is not None:
        return state.key
    return _from_cookie(request.COOKIES.get(settings.FORM_KEY_COOKIE_NAME))


def seal(data: bytes, *, context: str) -> bytes:
    return sealing.seal_file(current(), data, context=f"jedisstop form|{context}".encode())


def open_sealed(data: bytes, *, context: str, key: bytes | None = None) -> bytes:
    """Raises sealing.Locked for a file of another browser (or one whose cookie went)."""
    key = current() if key is None else key
    return sealing.open_file(key, data, context=f"jedisstop form|{context}".encode())


def seal_value(value, *, context: str, key: bytes | None = None) -> str:
    key = current() if key is None else key
    return sealing.seal_value(key, value, context=f"jedisstop form|{context}".encode())


def open_value(token: str, *, context: str, key: bytes | None = None):
    key = current() if key is None else key
    return sealing.open_value(key, token, context=f"jedisstop form|{context}".encode())


class FormKeyMiddleware:
    """Makes the browser's form key at hand for this request; gives a new one's cookie."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        state = _FormKey(cookie=request.COOKIES.get(settings.FORM_KEY_COOKIE_NAME))
        request._form_key = state
        token = _current.set(state)
        try:
            response = self.get_response(request)
        finally:
            _current.reset(token)
        if state.made:
            response.set_cookie(
                settings.FORM_KEY_COOKIE_NAME,
                base64.urlsafe_b64encode(state.key).decode("ascii"), max_age=None, path="/",
                httponly=True, samesite="Lax", secure=settings.SESSION_COOKIE_SECURE,
            )  # fmt: skip
        return response
