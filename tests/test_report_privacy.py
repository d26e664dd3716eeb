"""What the site keeps about a report and its reporter: encrypted content, no trace in logs,
no content in notifications, keys that rotate, uploads that expire."""

import logging
from datetime import timedelta

import pytest
import time_machine
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.utils import timezone

from encryption import crypto
from reports.models import Message, PendingUpload, Report, ReportPhoto
from tests import images
from tests.reporting import SECRET_TEXT, report_data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("opened_by_recovery_key")]
URL = "/fr/signaler/"


def test_it_notifies_the_triage_inbox_without_content(
    client, django_capture_on_commit_callbacks, mailoutbox, settings
):
    settings.TRIAGE_INBOX = ["triage@example.org"]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, report_data(city="Pattaya"))
    report = Report.objects.get()
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["triage@example.org"]
    text = mail.subject + mail.body
    assert "new report is waiting" in text
    assert f"/admin/reports/report/{report.pk}/change/" in mail.body
    for secret in [SECRET_TEXT[:20], "Pattaya", "TH", "Thaïlande", "Thailand", report.reference]:
        assert secret not in text


def test_it_saves_the_report_when_mail_fails(
    client, django_capture_on_commit_callbacks, monkeypatch
):
    def broken(*args, **kwargs):
        raise ConnectionRefusedError("smtp down")

    monkeypatch.setattr("mailing.delivery.send_mail", broken)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, report_data())
    assert response.status_code == 302
    assert Report.objects.count() == 1


def test_it_retries_a_failed_notification_later(monkeypatch, settings):
    """With the real database queue, a failed send enqueues its next attempt, later."""
    from django_tasks_db.models import DBTaskResult

    from mailing import delivery as mailing
    from reports import notifications as tasks

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

    def broken(*args, **kwargs):
        raise OSError("mail server down")

    monkeypatch.setattr(mailing, "send_mail", broken)
    before = timezone.now()
    with pytest.raises(mailing.MailNotSent):
        tasks.notify_triage.call("new", 1)
    retry = DBTaskResult.objects.get()
    assert retry.args_kwargs["args"] == ["new", 1, "inbox", None, 2]
    assert retry.run_after >= before + timedelta(minutes=2)


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record):
        self.records.append(record)


@pytest.fixture
def every_log_record():
    """Every record of every logger, whatever its level or propagation settings."""
    handler = _Collect()
    loggers = [logging.getLogger()] + [
        logger for logger in logging.root.manager.loggerDict.values()
        if isinstance(logger, logging.Logger)
    ]  # fmt: skip
    saved = [(logger, logger.level, logger.disabled) for logger in loggers]
    for logger in loggers:
        logger.addHandler(handler)
        logger.setLevel(logging.DEBUG)
        logger.disabled = False
    yield handler.records
    for logger, level, disabled in saved:
        logger.removeHandler(handler)
        logger.setLevel(level)
        logger.disabled = disabled


def test_it_keeps_report_text_out_of_every_log_line(
    client, every_log_record, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, report_data(), follow=True)
        client.post(URL, report_data(description="", city=SECRET_TEXT[:40]))
        client.post(URL, report_data(photos=[images.upload("x.jpg", b"<html>")]))
    code = response.content.decode().split('id="follow-up-code">')[1].split("<")[0]
    client.post("/fr/suivi/", {"action": "login", "code": code})
    client.post("/fr/suivi/", {"action": "login", "code": "WRONG-" + code[6:]})
    client.post("/fr/suivi/", {"action": "reply", "message": SECRET_TEXT[:50]})
    assert every_log_record, "nothing was logged at all: the capture is not working"
    for record in every_log_record:
        line = record.getMessage() + repr(record.args) + repr(getattr(record, "request", ""))
        assert SECRET_TEXT[:20] not in line
        assert code not in line
        assert code.replace("-", "") not in line


def test_it_encrypts_with_the_newest_key_and_rotates(client, settings):
    old_key = Fernet.generate_key().decode()
    settings.REPORT_ENCRYPTION_KEYS = [old_key]
    crypto.reset_keys()
    data = report_data()
    data["photos"] = [images.upload("p.jpg")]
    client.post(URL, data)
    report = Report.objects.get()
    message = Message(report=report, author=Message.Author.STAFF)
    message.body = "Question"
    message.save()

    new_key = Fernet.generate_key().decode()
    settings.REPORT_ENCRYPTION_KEYS = [new_key, old_key]
    crypto.reset_keys()
    call_command("rotate_keys", stdout=open("/dev/null", "w"))  # noqa: SIM115

    settings.REPORT_ENCRYPTION_KEYS = [new_key]
    crypto.reset_keys()
    report = Report.objects.get()
    assert report.content["description"] == SECRET_TEXT
    assert Message.objects.get().body == "Question"
    assert ReportPhoto.objects.get().read().startswith(b"\xff\xd8")
    crypto.reset_keys()


def test_it_purges_uploads_never_sent_after_24_hours(client):
    data = report_data(description="")
    data["photos"] = [images.upload("p.jpg")]
    client.post(URL, data)
    upload = PendingUpload.objects.get()
    path = upload.file.path
    with time_machine.travel(timezone.now() + timedelta(hours=23)):
        call_command("purge_pending_uploads", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert PendingUpload.objects.count() == 1
    with time_machine.travel(timezone.now() + timedelta(hours=25)):
        call_command("purge_pending_uploads", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert PendingUpload.objects.count() == 0
    import os

    assert not os.path.exists(path)
