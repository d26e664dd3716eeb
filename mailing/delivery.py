"""Mail sent by the task worker, without leaving a secret behind.

A task's row keeps its arguments, its result and, when it fails, its traceback, in the
database and in every backup. So a mail task takes only ids and kinds (the worker reads an
address or builds a link when it sends); a refused send is logged and re-raised without the
message or its recipients (an SMTP error names them); and a mail task's row is deleted as
soon as the worker has finished with it (`forgotten_when_finished`).
"""

from __future__ import annotations

import logging
import smtplib
from collections.abc import Callable
from datetime import datetime, timedelta

from django.core.mail import send_mail
from django.dispatch import receiver
from django.tasks import default_task_backend, task_backends
from django.tasks.signals import task_finished
from django.utils import timezone

logger = logging.getLogger(__name__)

# Attempts of one mail before it is given up (retried after 4, 8, 16… minutes).
MAX_ATTEMPTS = 8


class MailNotSent(Exception):
    """A mail the server did not take. Its message says what kind of mail and the kind of
    error, never a recipient or a word of the mail."""


def reason(error: BaseException) -> str:
    """What went wrong, without a recipient: the error's kind and the server's codes."""
    codes: list[int] = []
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = sorted({code for code, _message in error.recipients.values()})
    elif isinstance(error, smtplib.SMTPResponseException):
        codes = [error.smtp_code]
    return " ".join([type(error).__name__, *map(str, codes)])


def deliver(
    subject: str,
    body: str,
    recipients: list[str],
    *,
    kind: str,
    attempt: int = 1,
    retry: Callable[[datetime, int], object] | None = None,
) -> None:
    """Send one mail. If the server does not take it: log why (never to whom), book
    `retry(when, next_attempt)` after a growing delay while attempts remain, and raise
    MailNotSent, whose traceback holds nothing of the mail or its recipients."""
    try:
        send_mail(subject, body, None, recipients)
    except Exception as error:  # any failure of the mail server or the network
        why = reason(error)
    else:
        return
    if retry is not None and attempt < MAX_ATTEMPTS and default_task_backend.supports_defer:
        delay = timedelta(minutes=2**attempt)
        logger.warning("Mail %s not sent (attempt %d): %s; retrying in %s", kind, attempt, why,
                       delay)  # fmt: skip
        retry(timezone.now() + delay, attempt + 1)
    else:
        logger.error("Mail %s not sent, given up (attempt %d): %s", kind, attempt, why)
    raise MailNotSent(f"{kind} (attempt {attempt}): {why}")


_FORGOTTEN: set[str] = set()


def forgotten_when_finished(task):
    """Mark a task whose row is deleted once the worker has finished it, sent or failed."""
    _FORGOTTEN.add(task.module_path)
    return task


def forgotten_tasks() -> set[str]:
    return set(_FORGOTTEN)


@receiver(task_finished, dispatch_uid="jedisstop-forget-finished-mail-tasks")
def _forget(sender, task_result, **kwargs) -> None:
    if task_result.task.module_path not in _FORGOTTEN:
        return
    from django_tasks_db.backend import DatabaseBackend
    from django_tasks_db.models import DBTaskResult

    if isinstance(task_backends[task_result.backend], DatabaseBackend):
        DBTaskResult.objects.filter(id=task_result.id).delete()
