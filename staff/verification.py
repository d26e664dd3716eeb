"""The one question the rest of the site asks: has this person given their second factor
in this session?

A session counts as verified when the sign-in library recorded a second factor in it: an
authenticator code, a recovery code or a passkey (a passkey sign-in is both factors at
once). Enrolling an authenticator proves possession too (a code or a passkey is needed
to enrol), so it verifies the session in which it happens.
"""

from __future__ import annotations

import time

from allauth.account.authentication import get_authentication_records
from allauth.account.internal.flows.login import record_authentication
from allauth.mfa.models import Authenticator

SECOND_FACTORS = {
    Authenticator.Type.TOTP,
    Authenticator.Type.RECOVERY_CODES,
    Authenticator.Type.WEBAUTHN,
}


def is_verified(request) -> bool:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return False
    return any(
        record.get("method") == "mfa" and record.get("type") in SECOND_FACTORS
        for record in get_authentication_records(request, user)
    )


def has_authenticator(user) -> bool:
    """An authenticator app or a passkey (recovery codes alone do not count)."""
    return Authenticator.objects.filter(
        user=user, type__in=[Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN]
    ).exists()


def has_passkey(user) -> bool:
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.WEBAUTHN).exists()


def passkey_only(user) -> bool:
    """Members of a group whose sign-in rule says "passkey only"."""
    return user.groups.filter(sign_in_policy__passkey_only=True).exists()


def signed_in_with_passkey(request) -> bool:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return False
    return any(
        record.get("method") == "mfa" and record.get("type") == Authenticator.Type.WEBAUTHN
        for record in get_authentication_records(request, user)
    )


def enrolled(sender, request, user, authenticator, **kwargs):
    """An authenticator was just added, proven with a code or a passkey: this session is
    verified from now on."""
    if request is None or request.user != user or is_verified(request):
        return
    record_authentication(request, user, "mfa", id=authenticator.pk, type=authenticator.type)


def sign_in_methods(request) -> str:
    """How this session was signed in, in words for the audit log ("password + totp")."""
    user = getattr(request, "user", None)
    if request is None or user is None or not user.is_authenticated:
        return ""
    steps = []
    for record in get_authentication_records(request, user):
        step = record.get("type") if record.get("method") == "mfa" else record.get("method")
        if record.get("passwordless"):
            step = "passkey"
        if step and step not in steps:
            steps.append(str(step))
    return " + ".join(steps)


def verified_session_data(user) -> dict:
    """What a session holds after `user` signed in with a password and an authenticator
    code: for tools that prepare a signed-in session (the benchmarks, the tests)."""
    from allauth.account.internal.flows.login import (
        _AUTHENTICATION_METHODS_USER_SESSION_KEY,
        AUTHENTICATION_METHODS_SESSION_KEY,
    )

    now = time.time()
    return {
        AUTHENTICATION_METHODS_SESSION_KEY: [
            {"method": "password", "at": now, "username": user.get_username()},
            {"method": "mfa", "at": now, "type": Authenticator.Type.TOTP.value},
        ],
        _AUTHENTICATION_METHODS_USER_SESSION_KEY: str(user.pk),
    }
