"""Pseudonymous traces that outlive their use: sessions, form tokens, reply floods."""

import time

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from reports.errors import ReportError
from reports.intake.services import add_reporter_reply, submit_report
from reports.models import Report
from sessionstore.models import HashedSession

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("opened_by_recovery_key")]


def a_report():
    receipt = submit_report(
        location="belgium", country="BE", place_kind="", content={"description": "x"},
        upload_token="none",
    )  # fmt: skip
    return receipt, Report.objects.get(reference=receipt.reference)


def test_a_follow_up_session_lasts_as_long_as_the_follow_up_and_goes_when_left(client, settings):
    receipt, _report = a_report()
    client.post("/fr/suivi/", {"action": "login", "code": receipt.code})
    session = HashedSession.objects.get()
    left = (session.expire_date - timezone.now()).total_seconds()
    # Not the default two weeks: the follow-up's time, rounded up to the hour (the row's
    # expiry must not be matched to one report); the follow-up itself ends on its own clock.
    rounding = settings.SESSION_EXPIRY_ROUNDING
    assert left <= settings.FOLLOW_UP_SESSION_SECONDS + rounding + 5
    assert client.cookies["sessionid"]["max-age"] <= settings.FOLLOW_UP_SESSION_SECONDS
    client.post("/fr/suivi/", {"action": "leave"})
    assert not HashedSession.objects.exists()


def test_an_expired_follow_up_ends_its_session(client, settings):
    receipt, _report = a_report()
    client.post("/fr/suivi/", {"action": "login", "code": receipt.code})
    with time_machine.travel(time.time() + settings.FOLLOW_UP_SESSION_SECONDS + 60):
        HashedSession.objects.update(expire_date=timezone.now() + timezone.timedelta(days=1))
        client.get("/fr/suivi/")
    assert not HashedSession.objects.exists()


def test_the_blank_forms_set_no_cookie_at_all(client):
    """There was a form token cookie; the forms need none now (edge.crossorigin)."""
    for path in ("/fr/signaler/", "/fr/suivi/", "/fr/contact/", "/fr/signaler/debut/"):
        assert not client.get(path).cookies, path
    assert not client.cookies


def test_replies_are_limited_per_report_and_staff_mailed_once_an_hour(
    settings, django_capture_on_commit_callbacks
):
    settings.REPORTER_REPLY_LIMIT = 3
    _receipt, report = a_report()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        for i in range(3):
            add_reporter_reply(report, message=f"Réponse {i}", upload_token="none")
    assert len(mail.outbox) == 1  # three answers, one mail
    with pytest.raises(ReportError):
        add_reporter_reply(report, message="Encore une", upload_token="none")
    with time_machine.travel(timezone.now() + timezone.timedelta(hours=25)):
        with django_capture_on_commit_callbacks(execute=True):
            add_reporter_reply(report, message="Le lendemain", upload_token="none")
        assert len(mail.outbox) == 2
