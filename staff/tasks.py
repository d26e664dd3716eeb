"""Mail to a staff member about their own account: an invitation, a disabled account, a
reset second factor. In the language of the person who made the change."""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.tasks import task
from django.template.loader import render_to_string
from django.utils import translation

logger = logging.getLogger(__name__)

KINDS = {"invited", "disabled", "second_factor_reset"}


@task
def send_account_mail(user_id: int, kind: str, language: str, link: str = "") -> None:
    if kind not in KINDS:
        raise ValueError(kind)
    account = get_user_model().objects.filter(pk=user_id).first()
    if account is None or not account.email:
        logger.warning("No address to tell staff account %s of: %s", user_id, kind)
        return
    context = {"account": account, "link": f"{settings.SITE_URL}{link}" if link else ""}
    with translation.override(language):
        subject = render_to_string(f"staff/email/{kind}_subject.txt", context).strip()
        body = render_to_string(f"staff/email/{kind}_body.txt", context)
    send_mail(subject, body, None, [account.email])
