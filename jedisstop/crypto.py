"""Encryption at rest for report content and photos.

Keys come from REPORT_ENCRYPTION_KEYS: a comma-separated list of Fernet keys, newest first.
Everything is encrypted with the newest and decrypted with any, so a key can be rotated:
add the new key in front, run `manage.py rotate_keys`, check with
`manage.py rotate_keys --check`, then drop the old one.
In the local run, without the variable, a key is derived from SECRET_KEY.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
from functools import cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


@cache
def _keys() -> tuple[Fernet, ...]:
    raw = getattr(settings, "REPORT_ENCRYPTION_KEYS", [])
    if not raw:
        if settings.PRODUCTION:
            raise ImproperlyConfigured("REPORT_ENCRYPTION_KEYS must be set in production.")
        digest = hashlib.sha256(b"jedisstop-report-key:" + settings.SECRET_KEY.encode()).digest()
        raw = [base64.urlsafe_b64encode(digest).decode()]
    try:
        return tuple(Fernet(key) for key in raw)
    except ValueError as error:
        raise ImproperlyConfigured(
            "REPORT_ENCRYPTION_KEYS must hold Fernet keys (Fernet.generate_key())."
        ) from error


@cache
def _fernet() -> MultiFernet:
    return MultiFernet(list(_keys()))


def reset_keys() -> None:
    """Forget the cached keys (tests and rotation change the setting)."""
    _keys.cache_clear()
    _fernet.cache_clear()


def encrypt_bytes(data: bytes) -> bytes:
    return _fernet().encrypt(data)


def decrypt_bytes(token: bytes) -> bytes:
    return _fernet().decrypt(token)


class DecryptionError(Exception):
    """A stored value does not decrypt with any of the keys: refuse, never read it as empty."""


logger = logging.getLogger("jedisstop.crypto")


def encrypt_json(value) -> str:
    return encrypt_bytes(json.dumps(value, ensure_ascii=False).encode()).decode("ascii")


def decrypt_json_strict(token: str):
    """The value of a token, or DecryptionError (logged, never with the token's content)."""
    try:
        return json.loads(decrypt_bytes(token.encode("ascii")))
    except (InvalidToken, UnicodeError, ValueError) as error:
        logger.error("A stored value does not decrypt with the current keys (fail closed).")
        raise DecryptionError from error


def decrypt_json(token: str, default=None):
    """For values that may be absent: an empty token gives `default`; a token that does not
    decrypt raises DecryptionError."""
    if not token:
        return default
    return decrypt_json_strict(token)


def readable_with_newest_key(token: bytes) -> bool:
    """Whether `token` decrypts with the newest key alone (`rotate_keys --check`)."""
    try:
        _keys()[0].decrypt(token)
    except InvalidToken:
        return False
    return True


def rotate(token: bytes) -> bytes:
    return _fernet().rotate(token)
