"""Encryption at rest for report content and photos.

Keys come from REPORT_ENCRYPTION_KEYS: a comma-separated list of Fernet keys, newest first.
Everything is encrypted with the newest and decrypted with any, so a key can be rotated:
add the new key in front, run `manage.py rotate_report_keys`, then drop the old one.
In the local run, without the variable, a key is derived from SECRET_KEY.
"""

from __future__ import annotations

import base64
import hashlib
import json
from functools import cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


@cache
def _fernet() -> MultiFernet:
    raw = getattr(settings, "REPORT_ENCRYPTION_KEYS", [])
    if not raw:
        if settings.PRODUCTION:
            raise ImproperlyConfigured("REPORT_ENCRYPTION_KEYS must be set in production.")
        digest = hashlib.sha256(b"jedisstop-report-key:" + settings.SECRET_KEY.encode()).digest()
        raw = [base64.urlsafe_b64encode(digest).decode()]
    try:
        return MultiFernet([Fernet(key) for key in raw])
    except ValueError as error:
        raise ImproperlyConfigured(
            "REPORT_ENCRYPTION_KEYS must hold Fernet keys (Fernet.generate_key())."
        ) from error


def reset_keys() -> None:
    """Forget the cached keys (tests and rotation change the setting)."""
    _fernet.cache_clear()


def encrypt_bytes(data: bytes) -> bytes:
    return _fernet().encrypt(data)


def decrypt_bytes(token: bytes) -> bytes:
    return _fernet().decrypt(token)


def encrypt_json(value) -> str:
    return encrypt_bytes(json.dumps(value, ensure_ascii=False).encode()).decode("ascii")


def decrypt_json(token: str, default=None):
    if not token:
        return default
    try:
        return json.loads(decrypt_bytes(token.encode("ascii")))
    except InvalidToken:
        # A key that was dropped too early: say so instead of crashing the admin.
        return default


def rotate(token: bytes) -> bytes:
    return _fernet().rotate(token)
