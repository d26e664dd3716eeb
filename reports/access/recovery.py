"""The organisation's recovery key, typed on the server's terminal for a command (never an
argument: it would stay in the shell's history and the process list), checked against
REPORT_RECOVERY_PUBLIC_KEY, held in memory for that command only, never stored or logged."""

from __future__ import annotations

import base64
import binascii
import getpass

from django.core.management.base import CommandError

from encryption import sealing
from reports.models.keys import recovery_public_key


def ask_recovery_key() -> bytes:
    """The recovery key's private half, asked for on the terminal; CommandError if it is not
    this site's."""
    expected = recovery_public_key()
    if expected is None:
        raise CommandError("REPORT_RECOVERY_PUBLIC_KEY is not set: no report is sealed to it.")
    typed = getpass.getpass("The recovery key's private half (not shown): ").strip()
    try:
        private = base64.b64decode(typed, validate=True)
    except (binascii.Error, ValueError):
        raise CommandError("That is not a recovery key (base64 of 32 bytes).") from None
    if len(private) != sealing.KEY_BYTES or sealing.public_key_of(private) != expected:
        raise CommandError("That is not this site's recovery key: nothing was changed.")
    return private
