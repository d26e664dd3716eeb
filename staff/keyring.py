"""A team member's key from sign-in to sign-out.

- Who has one: every active staff member who may read reports (editors need none).
- At sign-in with a password, once the password is verified (never before, never from
  Django's stored hash), the private key is unwrapped, or made at the first sign-in, and
  held in the session under a key whose only copy goes to a cookie of its own
  (`STAFF_KEY_COOKIE_NAME`). It is read only once the person is signed in, so after their
  second factor: between the password and the code it is held and unusable.
- A password changed with the key unlocked wraps it again under the new password. A
  password set without it (a reset by email, a supervisor's reset) cannot: the old key is
  dropped (its wraps go with it) and a new pair is made at the next sign-in; the member then
  waits for a supervisor's grant (reports.access).
- A passkey whose authenticator has WebAuthn's PRF extension can hold a wrap of the same key
  under its PRF output (`add_passkey_unlock`, from a session with the key unlocked); a
  sign-in with it then unlocks the key with no password (`passkey_signed_in`).
- Signing out deletes the session's copy and the cookie.

Nothing here logs a key, a password or a cookie; a key that does not open is refused
(fail closed) and logged without any value.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import logging

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from encryption import holders, staffkeys
from staff import verification
from staff.models import StaffKey

logger = logging.getLogger("staff.keys")
SESSION_ENTRY = "_staff_key"


def needs_key(user) -> bool:
    return bool(
        user is not None and user.is_active and user.is_staff
        and user.has_perm("reports.view_report")
    )  # fmt: skip


def _params() -> staffkeys.Argon2Params:
    return staffkeys.Argon2Params(**settings.STAFF_KEY_ARGON2)


def _wrap_context(user) -> bytes:
    return f"jedisstop staff key of user {user.pk}".encode()


def _held_context(user) -> bytes:
    return f"jedisstop staff key held for user {user.pk}".encode()


def _wrapped(record: StaffKey) -> staffkeys.Wrapped:
    params = staffkeys.Argon2Params(record.memory_kib, record.iterations, record.lanes)
    return staffkeys.Wrapped(bytes(record.wrapped_private_key), bytes(record.salt), params)


def _store(user, private: bytes, password: str, *, replace: bool) -> None:
    """Write the wrapped key: over the account's own when `replace`, else as a new row (an
    IntegrityError when another sign-in made one first)."""
    wrapped = staffkeys.wrap(private, password, params=_params(), context=_wrap_context(user))
    fields = {
        "public_key": staffkeys.public_key_of(private),
        "wrapped_private_key": wrapped.wrapped, "salt": wrapped.salt,
        "memory_kib": wrapped.params.memory_kib, "iterations": wrapped.params.iterations,
        "lanes": wrapped.params.lanes, "wrapped_at": timezone.now(),
    }  # fmt: skip
    if replace:
        StaffKey.objects.update_or_create(user=user, defaults=fields)
    else:
        StaffKey.objects.create(user=user, **fields)


def _stored(user) -> StaffKey | None:
    return StaffKey.objects.filter(user=user).first()


def _unwrap_or_make(user, password: str) -> bytes:
    record = _stored(user)
    if record is not None:
        try:
            return staffkeys.unwrap(_wrapped(record), password, context=_wrap_context(user))
        except staffkeys.Locked:
            logger.warning(
                "A staff key did not open with a verified password (set without it): "
                "a new key pair is made"
            )
    private = staffkeys.new_private_key()
    try:
        with transaction.atomic():
            _store(user, private, password, replace=record is not None)
    except IntegrityError:
        # The same person's other sign-in made one at this very moment: use theirs.
        record = StaffKey.objects.get(user=user)
        return staffkeys.unwrap(_wrapped(record), password, context=_wrap_context(user))
    return private


def make_key(user, password: str) -> None:
    """A key for an account made with a password known here (the demo accounts): as their
    first sign-in would, so that reports sent before it are sealed to them too."""
    if needs_key(user):
        _unwrap_or_make(user, password)


def unlock_at_sign_in(request, user, password: str) -> None:
    """Called once the password is verified: unwrap (or make) the key and hold it. A key
    that cannot be opened is not held (refused and logged); the sign-in goes on."""
    if not needs_key(user) or not password:
        return
    try:
        private = _unwrap_or_make(user, password)
    except staffkeys.Locked:
        logger.warning("A staff key made at the same moment does not open: none is held")
        return
    _hold(request, user, private)


def _hold(request, user, private: bytes) -> None:
    held, cookie_key = staffkeys.hold(private, context=_held_context(user))
    request.session[SESSION_ENTRY] = {
        "user": user.pk, "held": base64.b64encode(held).decode("ascii"),
    }  # fmt: skip
    request._staff_key_cookie = base64.urlsafe_b64encode(cookie_key).decode("ascii")


# The salt every passkey is asked to derive its PRF output from (WebAuthn's prf extension):
# the same for the whole site, so that a passkey sign-in, before anyone is known, can ask.
PASSKEY_PRF_SALT = hashlib.sha256(b"jedisstop staff key prf salt v1").digest()


def prf_salt() -> str:
    """The salt, as the site's passkey script reads it (base64url)."""
    return base64.urlsafe_b64encode(PASSKEY_PRF_SALT).decode("ascii").rstrip("=")


def _passkey_context(user, credential_id: str) -> bytes:
    return f"jedisstop staff key of user {user.pk} under passkey {credential_id}".encode()


def add_passkey_unlock(request, credential_id: str, prf_output: bytes) -> bool:
    """Wrap the member's key, unlocked in this session, under a passkey's PRF output: their
    next sign-in with that passkey unlocks it with no password. False if the key is not
    unlocked here (nothing is changed)."""
    user = request.user
    private = unlocked_key(request)
    record = _stored(user)
    if private is None or record is None or not credential_id:
        return False
    wrapped = staffkeys.wrap_for_passkey(
        private, prf_output, context=_passkey_context(user, credential_id)
    )
    record.passkey_wraps = {
        **record.passkey_wraps, credential_id: base64.b64encode(wrapped).decode("ascii"),
    }  # fmt: skip
    record.save(update_fields=["passkey_wraps"])
    return True


def passkey_unlocks(user, credential_id: str) -> bool:
    record = _stored(user)
    return bool(record and credential_id in record.passkey_wraps)


def unlock_with_passkey(request, user, credential_id: str, prf_output: bytes) -> bool:
    """A passkey sign-in whose authenticator gave its PRF output: unwrap the key with it and
    hold it, as a password sign-in does. False (nothing held, logged) when this passkey
    wraps no key or the output does not open it: the member then types their password once."""
    if not needs_key(user):
        return False
    record = _stored(user)
    wrapped = record.passkey_wraps.get(credential_id) if record else None
    if not wrapped:
        return False
    try:
        private = staffkeys.unwrap_with_passkey(
            base64.b64decode(wrapped), prf_output, context=_passkey_context(user, credential_id)
        )
    except (staffkeys.Locked, binascii.Error, ValueError):
        logger.warning("A passkey's PRF output does not open the staff key: none is held")
        return False
    if staffkeys.public_key_of(private) != bytes(record.public_key):
        logger.warning("A passkey opened a key that is not the member's: none is held")
        return False
    _hold(request, user, private)
    return True


def prf_from_request(request) -> tuple[str, bytes] | None:
    """(credential id, PRF output) a passkey form posted (the site's own passkey script puts
    the output beside the credential), or None."""
    import json

    raw = request.POST.get("prf", "") if request is not None else ""
    try:
        credential_id = json.loads(request.POST.get("credential", "") or "{}").get("id", "")
        output = base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4)) if raw else b""
    except (ValueError, AttributeError, TypeError, binascii.Error):
        return None
    if not credential_id or len(output) < 32 or not isinstance(credential_id, str):
        return None
    return credential_id[:200], output[:64]


def passkey_signed_in(sender, request=None, user=None, **kwargs) -> None:
    """user_logged_in: a passkey sign-in that brought its PRF output unlocks the key."""
    if request is None or request.method != "POST":
        return
    if (prf := prf_from_request(request)) is not None:
        unlock_with_passkey(request, user, *prf)


def unlocked_key(request) -> bytes | None:
    """The signed-in member's private key for this request, or None: not signed in, not
    past the second factor, no key held, no cookie, or a cookie that does not open it
    (refused and logged)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not verification.is_verified(request):
        return None  # not signed in, or not past the second factor yet
    entry = request.session.get(SESSION_ENTRY)
    cookie = request.COOKIES.get(settings.STAFF_KEY_COOKIE_NAME)
    if not entry or entry.get("user") != user.pk or not cookie:
        return None
    try:
        held = base64.b64decode(entry["held"])
        cookie_key = base64.urlsafe_b64decode(cookie)
        return staffkeys.release(held, cookie_key, context=_held_context(user))
    except (staffkeys.Locked, binascii.Error, ValueError, KeyError, TypeError):
        logger.warning("The key held for this session does not open with its cookie: refused")
        return None


def password_set(request, user, password: str) -> None:
    """A new password: wrap the key again under it if this request holds it unlocked, else
    drop the key (a new pair at the next sign-in)."""
    if not StaffKey.objects.filter(user=user).exists():
        return
    private = unlocked_key(request) if request is not None else None
    if private is not None and getattr(request.user, "pk", None) == user.pk:
        _store(user, private, password, replace=True)
        return
    StaffKey.objects.filter(user=user).delete()
    logger.info("A staff key was dropped: its password was set while it was locked")


def forget(sender=None, request=None, user=None, **kwargs) -> None:
    """Signing out (user_logged_out): the session is flushed; the cookie goes too."""
    if request is not None:
        request.session.pop(SESSION_ENTRY, None)
        request._staff_key_forget = True


class StaffKeyCookieMiddleware:
    """Makes the signed-in member the holder of sealed values for this request (their key is
    released only if a sealed value is opened), and sets the cookie that holds the only copy
    of the session's key, or deletes it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        def load():
            return getattr(request.user, "pk", None), unlocked_key(request)

        with holders.holding(holders.member(load=load)):
            response = self.get_response(request)
        name = settings.STAFF_KEY_COOKIE_NAME
        if getattr(request, "_staff_key_forget", False):
            response.delete_cookie(name, path="/", samesite="Lax")
        elif value := getattr(request, "_staff_key_cookie", None):
            response.set_cookie(
                name, value, max_age=None, path="/", httponly=True, samesite="Lax",
                secure=settings.SESSION_COOKIE_SECURE,
            )  # fmt: skip
        return response

    def process_exception(self, request, exception):
        """A sealed value this request cannot open: refused (403), never a server error. A
        member whose key is locked (a passkey sign-in) types their password once; one whose
        key opens nothing of it waits for access."""
        if not isinstance(exception, staffkeys.Locked):
            return None
        logger.info("A sealed value was refused: this request holds no key that opens it")
        return refused(request)


def refused(request):
    from django.shortcuts import redirect, render
    from django.urls import reverse
    from django.utils.http import urlencode

    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and needs_key(user):
        if verification.is_verified(request) and unlocked_key(request) is None:
            query = urlencode({"next": request.get_full_path()})
            return redirect(f"{reverse('staff:unlock')}?{query}")
        from django.contrib import admin

        return render(
            request, "staff/access_pending.html", admin.site.each_context(request), status=403
        )
    return render(request, "errors/403.html", status=403)
