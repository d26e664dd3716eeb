"""The tests' recovery key: every report sealed in a test is wrapped to it too (conftest),
so that a test can read what it stored at rest (`reading_everything`), as the director's
offline key would."""

import base64
import hashlib

from encryption import sealing

RECOVERY_PRIVATE_KEY = hashlib.sha256(b"jedisstop tests' recovery key").digest()
RECOVERY_PUBLIC_KEY = base64.b64encode(sealing.public_key_of(RECOVERY_PRIVATE_KEY)).decode()


# The password of the staff accounts made by `make_staff`: their key is wrapped under it.
STAFF_PASSWORD = "pw-staff-123456"


def staff_private_key(user, password: str = STAFF_PASSWORD) -> bytes:
    """The member's private key, unwrapped (or made, at their first use) with their password."""
    from staff import keyring

    return keyring._unwrap_or_make(user, password)


def hold_staff_key(client, user, password: str = STAFF_PASSWORD) -> None:
    """What signing in with the password does to a session: the key held, the cookie set."""
    import base64

    from django.conf import settings

    from encryption import staffkeys
    from staff import keyring

    if not keyring.needs_key(user):
        return
    held, cookie_key = staffkeys.hold(
        staff_private_key(user, password), context=keyring._held_context(user)
    )
    session = client.session
    session[keyring.SESSION_ENTRY] = {"user": user.pk, "held": base64.b64encode(held).decode()}
    session.save()
    client.cookies[settings.STAFF_KEY_COOKIE_NAME] = base64.urlsafe_b64encode(cookie_key).decode()


def as_member(user, password: str = STAFF_PASSWORD):
    """`with as_member(user):` seals and opens as that member does in their session."""
    from encryption import holders

    return holders.holding(holders.member(user.pk, staff_private_key(user, password)))


def as_recovery():
    """`with as_recovery():` opens everything, as the organisation's recovery key does."""
    from encryption import holders

    return holders.holding(holders.recovery(RECOVERY_PRIVATE_KEY))
