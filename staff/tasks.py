"""Mail to a staff member about their own account: an invitation, a disabled account, a
reset second factor. In the language of the person who made the change. The task's row holds
the account's id and the kind of mail only: the address is read and the invitation's link
made when the mail is sent, and the row is deleted once the worker is done with it."""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.tasks import task
from django.template.loader import render_to_string
from django.utils import translation

from mailing.delivery import deliver, forgotten_when_finished
from staff.invitations import welcome_path

logger = logging.getLogger(__name__)

KINDS = {"invited", "disabled", "second_factor_reset"}


@forgotten_when_finished
@task
def send_account_mail(
    user_id: int, kind: str, language: str, link: str = "", attempt: int = 1
) -> None:
    """`link` is ignored: tasks enqueued before the upgrade carried it; the link is made now."""
    if kind not in KINDS:
        raise ValueError(kind)
    account = get_user_model().objects.filter(pk=user_id).first()
    if account is None or not account.email:
        logger.warning("No address to tell staff account %s of: %s", user_id, kind)
        return
    with translation.override(language):
        path = welcome_path(account) if kind == "invited" else ""
        context = {"account": account, "link": f"{settings.SITE_URL}{path}" if path else ""}
        subject = render_to_string(f"staff/email/{kind}_subject.txt", context).strip()
        body = render_to_string(f"staff/email/{kind}_body.txt", context)
    deliver(
        subject, body, [account.email], kind=f"account {kind}", attempt=attempt,
        retry=lambda when, again: send_account_mail.using(run_after=when).enqueue(
            user_id, kind, language, "", again
        ),
    )  # fmt: skip
