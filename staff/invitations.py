"""The one-time link of an invitation: made by the task worker when it sends the mail (never
kept in a task's row), checked by the welcome page."""

from __future__ import annotations

from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode


class InviteTokens(PasswordResetTokenGenerator):
    """One-time links: a link stops working once its password is set (the password hash
    is part of the token), and after PASSWORD_RESET_TIMEOUT."""

    key_salt = "staff.accounts.InviteTokens"


invite_tokens = InviteTokens()


def welcome_path(account) -> str:
    uid = urlsafe_base64_encode(force_bytes(account.pk))
    return reverse("staff:welcome", args=[uid, invite_tokens.make_token(account)])
