"""Time-based one-time passwords (RFC 6238), as phone authenticator apps make them."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import struct
import time
from urllib.parse import quote

STEP = 30
DIGITS = 6


def new_secret() -> str:
    return base64.b32encode(secrets.token_bytes(20)).decode().rstrip("=")


def _key(secret: str) -> bytes:
    padded = secret.upper() + "=" * (-len(secret) % 8)
    return base64.b32decode(padded)


def code_at(secret: str, counter: int) -> str:
    digest = hmac.new(_key(secret), struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    number = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return str(number % 10**DIGITS).zfill(DIGITS)


def now_counter(at: float | None = None) -> int:
    return int((time.time() if at is None else at) // STEP)


def current_code(secret: str, at: float | None = None) -> str:
    return code_at(secret, now_counter(at))


def match(secret: str, code: str, *, after_counter: int = -1, window: int = 1) -> int | None:
    """The counter the code belongs to (within ±window steps), or None. A counter not above
    `after_counter` is refused, so a code cannot be used twice."""
    code = "".join(ch for ch in code if ch.isdigit())
    if len(code) != DIGITS:
        return None
    now = now_counter()
    for counter in range(now - window, now + window + 1):
        if counter > after_counter and hmac.compare_digest(code_at(secret, counter), code):
            return counter
    return None


def provisioning_uri(secret: str, account: str, issuer: str = "Je dis STOP!") -> str:
    label = quote(f"{issuer}:{account}")
    return f"otpauth://totp/{label}?secret={secret}&issuer={quote(issuer)}&digits={DIGITS}&period={STEP}"
