"""Ready-made authenticators, for the demo accounts and the tests: the same records the
sign-in library makes when a person enrols, through its own classes."""

from __future__ import annotations

import time

from allauth.mfa import app_settings
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
)


def give_totp(user) -> str:
    """An authenticator app (and recovery codes) for `user`; returns the TOTP key."""
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    RecoveryCodes.activate(user)
    return secret


def current_code(secret: str, at: float | None = None) -> str:
    counter = int((time.time() if at is None else at) // app_settings.TOTP_PERIOD)
    return format_hotp_value(hotp_value(secret, counter))


def recovery_codes(user) -> list[str]:
    from allauth.mfa.models import Authenticator

    instance = Authenticator.objects.get(user=user, type=Authenticator.Type.RECOVERY_CODES)
    return RecoveryCodes(instance).get_unused_codes()
