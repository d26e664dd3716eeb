"""How the sign-in library (django-allauth) behaves on this site.

- Nobody signs up: staff accounts are made by supervisors and superusers.
- The secrets it stores (TOTP keys, the recovery codes' seed) are encrypted with the
  site's keys, and a secret that does not decrypt or is too short stops the sign-in
  (fail closed) instead of being read as an empty key.
"""

from __future__ import annotations

import logging
import time

from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from cryptography.fernet import InvalidToken
from django.conf import settings
from django.core.exceptions import PermissionDenied

from encryption import crypto
from limits import throttle

logger = logging.getLogger("staff.secrets")

# A TOTP key is 32 base32 characters (160 bits); the recovery codes' seed is 80 hex
# characters. Anything shorter was not written by the library: refuse it.
MIN_SECRET_LENGTH = 16


class UnreadableSecret(PermissionDenied):
    """A stored sign-in secret could not be read: nobody signs in with it."""


class StaffAccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request) -> bool:
        return False

    def is_safe_url(self, url: str) -> bool:
        """Only a page of this site, checked as sent and once decoded (an encoded `//`
        is refused too, whatever a browser would make of it)."""
        from urllib.parse import unquote

        return bool(url) and all(
            super(StaffAccountAdapter, self).is_safe_url(candidate)
            for candidate in {url, unquote(url), url.strip()}
        )

    def is_reauthentication_required(self, *, app: str, **kwargs) -> bool:
        """Changing how one signs in asks for the password again, unless the person signed
        in within the last minutes (a new officer enrolling right after their first
        sign-in is not asked twice)."""
        if not super().is_reauthentication_required(app=app, **kwargs):
            return False
        from allauth.account.authentication import get_authentication_records
        from allauth.core import context

        request = context.request
        records = get_authentication_records(request, getattr(request, "user", None))
        fresh = settings.ACCOUNT_REAUTHENTICATION_TIMEOUT
        return not (records and time.time() - records[-1].get("at", 0) < fresh)

    def authenticate(self, request, **credentials):
        """The password verified, the member's key is unlocked (or made) and held for the
        session; it is usable once the second factor has passed (staff.keyring)."""
        user = super().authenticate(request, **credentials)
        if user is not None and credentials.get("password"):
            from staff import keyring

            keyring.unlock_at_sign_in(request, user, credentials["password"])
        return user

    def set_password(self, user, password: str) -> None:
        """Every password the library sets (changed, reset by email, set): the member's key
        is wrapped again under it, or dropped when it is locked (staff.keyring)."""
        from allauth.core import context

        from staff import keyring

        super().set_password(user, password)
        keyring.password_set(context.request, user, password)

    def get_client_ip(self, request) -> str:
        """The library's rate limits key on this: a keyed hash, never the address itself
        (nothing stores a visitor's address, staff included)."""
        return throttle.client_key(request)


class StaffMFAAdapter(DefaultMFAAdapter):
    def encrypt(self, text: str) -> str:
        if len(text) < MIN_SECRET_LENGTH:
            raise ValueError("Refusing to store a sign-in secret that short.")
        return crypto.encrypt_bytes(text.encode()).decode("ascii")

    def decrypt(self, encrypted_text: str) -> str:
        try:
            text = crypto.decrypt_bytes(encrypted_text.encode("ascii")).decode()
        except (InvalidToken, UnicodeError, ValueError, AttributeError) as error:
            # Never the value: only that it could not be read.
            logger.error("A stored sign-in secret does not decrypt with the current keys.")
            raise UnreadableSecret from error
        if len(text) < MIN_SECRET_LENGTH:
            logger.error("A stored sign-in secret is empty or too short: refused.")
            raise UnreadableSecret
        return text

    def get_totp_issuer(self) -> str:
        return "Je dis STOP!"
