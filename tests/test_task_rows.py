"""Nothing a task row keeps is secret: not its arguments, its result or its traceback. The
audit read an invitation link in a finished row of the task table, set a password with it,
enrolled its own authenticator and read a reporter's address. Every kind of mail task the
site enqueues is run here by the real database queue and worker, against a mail server that
refuses each recipient once, and the task table and the logs are searched afterwards."""

import io
import json
import logging
import re
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from campaign.models import ContactMessage
from reports import notifications
from reports.intake.services import submit_report
from reports.models import OnCallShift, Report
from reports.triage.services import ask_reporter, claim_report
from staff.accounts import OFFICER, invite_staff, reset_second_factor
from tests.keys import as_member
from tests.mailers import RefusingOnce
from tests.reporting import SECRET_TEXT

pytestmark = pytest.mark.django_db(transaction=True)

REPORTER_EMAIL = "marie.reporter@example.org"
REPORTER_PHONE = "+32470123456"
ADDRESS = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
MAIL_TASKS = {
    "staff.tasks.send_account_mail",
    "reports.notifications.notify_staff",
    "reports.notifications.notify_triage",
    "reports.notifications.notify_reporter",
    "campaign.contact.notify_contact_inbox",
}


@pytest.fixture
def queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.MAILERS = {"default": {"BACKEND": "tests.mailers.RefusingOnce"}}
    settings.TRIAGE_INBOX = ["triage@ecpat.example"]
    settings.CONTACT_INBOX = ["contact@ecpat.example"]
    RefusingOnce.refused.clear()
    mail.outbox = []


def work(rounds: int = 4) -> None:
    """The worker, as in production, then again after each retry's delay."""
    now = timezone.now()
    for hours in range(rounds):
        with time_machine.travel(now + timedelta(hours=3 * hours), tick=False):
            call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


def every_kind_of_mail(supervisor, officer, django_user_model):
    # Staff accounts: an invitation, a reset second factor.
    newcomer = invite_staff(
        by=supervisor, username="nouvelle", email="nouvelle@ecpat.example", role=OFFICER
    )
    reset_second_factor(by=supervisor, account=officer, checked=True, reason="called back")
    # The person on call, for a report of a child in danger now.
    on_call = django_user_model.objects.create_user("oncall", email="oncall@ecpat.example")
    OnCallShift.objects.create(
        person=on_call, starts_at=timezone.now() - timedelta(hours=1),
        ends_at=timezone.now() + timedelta(days=2),
    )  # fmt: skip
    receipt = submit_report(
        location="abroad", country="TH", place_kind="hotel", upload_token="none",
        content={
            "description": SECRET_TEXT, "ongoing": "yes", "reporter_email": REPORTER_EMAIL,
            "reporter_phone": REPORTER_PHONE, "notify_by_email": True,
        },
        consent="ecpat",
    )  # fmt: skip
    report = Report.objects.get(reference=receipt.reference)
    # The reporter's notice, when ECPAT asks them something (in the officer's session).
    with as_member(officer):
        claim_report(report, by=officer)
        ask_reporter(report, by=officer, question="Which floor?")
    # A contact message.
    message = ContactMessage(topic="other")
    message.content = {"email": "visitor@example.net", "message": "Bonjour"}
    message.save()
    notifications.notify_staff.enqueue("reply", report.pk, "person", officer.pk)
    from campaign.contact import notify_contact_inbox

    notify_contact_inbox.enqueue(message.pk)
    # The reminders: each late report's, and the daily count.
    Report.objects.filter(pk=report.pk).update(due_at=timezone.now() - timedelta(hours=1))
    notifications.remind_due()
    from maintenance.tasks import run_job

    Report.objects.filter(pk=report.pk).update(
        claimed_at=None, assigned_to=None, received_at=timezone.now() - timedelta(days=3)
    )
    run_job.enqueue("remind_overdue")
    return newcomer, receipt


def test_no_task_row_keeps_a_secret_even_after_a_refused_recipient(
    queue, roles, supervisor, officer, django_user_model, caplog
):
    from django_tasks_db.models import DBTaskResult

    caplog.set_level(logging.DEBUG)
    officer.email = "officer@ecpat.example"
    officer.save()
    newcomer, receipt = every_kind_of_mail(supervisor, officer, django_user_model)
    work()
    # The reporter's notice was sent from the officer's own request, not by the worker (their
    # address is sealed): refused once, it waits on the report page, and is sent again there.
    report = Report.objects.get(reference=receipt.reference)
    assert report.reporter_notice_failed_at is not None
    with as_member(officer):
        assert notifications.send_reporter_notice_again(report)
    assert Report.objects.get(pk=report.pk).reporter_notice_failed_at is None

    delivered = {address for message in mail.outbox for address in message.to}
    assert {
        "nouvelle@ecpat.example", officer.email, "oncall@ecpat.example", REPORTER_EMAIL,
        "triage@ecpat.example", "contact@ecpat.example",
    } <= delivered  # fmt: skip
    invitation = next(m for m in mail.outbox if m.to == ["nouvelle@ecpat.example"])
    # The worker built the link when it sent, and it works.
    link = re.search(r"https?://\S+?(/fr/staff/welcome/\S+/)", invitation.body).group(1)
    assert Client().get(link).status_code == 200
    assert not newcomer.has_usable_password()

    secrets = [SECRET_TEXT, REPORTER_PHONE, receipt.code, "welcome", "Which floor"]
    for row in DBTaskResult.objects.all():
        kept = " ".join(
            [json.dumps(row.args_kwargs), json.dumps(row.return_value), row.traceback,
             row.exception_class_path]
        )  # fmt: skip
        assert not ADDRESS.search(kept), (row.task_path, kept)
        for secret in secrets:
            assert secret not in kept, (row.task_path, secret)
    finished = DBTaskResult.objects.filter(task_path__in=MAIL_TASKS).exclude(
        status__in=["READY", "RUNNING"]
    )
    assert not finished.exists(), list(finished.values_list("task_path", "status"))
    for record in caplog.records:
        text = record.getMessage() + (
            logging.Formatter().formatException(record.exc_info) if record.exc_info else ""
        )
        assert not ADDRESS.search(text), text


def test_upgrading_deletes_old_finished_rows_and_the_links_waiting_to_be_sent(
    queue, roles, officer
):
    """Rows enqueued before the upgrade carried the invitation's link in their arguments."""
    from django_tasks_db.models import DBTaskResult

    from staff.tasks import send_account_mail

    link = "/fr/staff/welcome/MQ/cz3abc-0123456789abcdef/"
    sent = send_account_mail.enqueue(officer.pk, "invited", "fr", link)
    DBTaskResult.objects.filter(id=sent.id).update(status="SUCCESSFUL")
    waiting = send_account_mail.enqueue(officer.pk, "invited", "fr", link)
    other = notifications.notify_staff.enqueue("new", 1, "inbox")
    out = io.StringIO()
    call_command("purge_task_results", stdout=out)
    assert "Deleted 1 finished rows" in out.getvalue()
    left = {str(pk) for pk in DBTaskResult.objects.values_list("id", flat=True)}
    assert left == {str(waiting.id), str(other.id)}
    assert link not in json.dumps(list(DBTaskResult.objects.values_list("args_kwargs", flat=True)))
    officer.email = "officer@ecpat.example"
    officer.save()
    work()
    assert any("/fr/staff/welcome/" in m.body for m in mail.outbox)  # a link made now
