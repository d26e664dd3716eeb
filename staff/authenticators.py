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


# The sign-in library's secrets, as its adapter encrypts them (staff.adapters): TOTP keys,
# the recovery codes' seed, and codes migrated from elsewhere.
def _secret_slots(data: dict):
    for key in ("secret", "seed"):
        if isinstance(data.get(key), str) and data[key]:
            yield key, None
    for index, value in enumerate(data.get("migrated_codes") or []):
        if isinstance(value, str) and value:
            yield "migrated_codes", index


def rotate_secrets(rotate) -> tuple[int, int]:
    """Re-encrypt every stored sign-in secret with `rotate(token) -> token`.
    Returns (secrets rotated, secrets that could not be read)."""
    from allauth.mfa.models import Authenticator
    from cryptography.fernet import InvalidToken
    from django.db import transaction

    done = failed = 0
    for pk in Authenticator.objects.values_list("pk", flat=True):
        with transaction.atomic():
            authenticator = Authenticator.objects.select_for_update().get(pk=pk)
            data = authenticator.data
            for key, index in list(_secret_slots(data)):
                token = data[key] if index is None else data[key][index]
                try:
                    new = rotate(token.encode("ascii")).decode("ascii")
                except (InvalidToken, UnicodeError):
                    failed += 1
                    continue
                if index is None:
                    data[key] = new
                else:
                    data[key][index] = new
                done += 1
            authenticator.save(update_fields=["data"])
    return done, failed


def unreadable_secrets(readable) -> list[str]:
    from allauth.mfa.models import Authenticator

    bad = []
    for authenticator in Authenticator.objects.all():
        for key, index in _secret_slots(authenticator.data):
            token = authenticator.data[key] if index is None else authenticator.data[key][index]
            if not readable(token.encode("ascii")):
                bad.append(f"mfa.Authenticator {authenticator.pk} {key}")
    return bad


def count_secrets() -> int:
    from allauth.mfa.models import Authenticator

    return sum(len(list(_secret_slots(a.data))) for a in Authenticator.objects.all())
