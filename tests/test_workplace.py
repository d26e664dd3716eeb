"""The triage workplace: the queue by what needs doing, service clocks, reminders, on-call
alerts, the admin home per role."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.test import override_settings
from django.utils import timezone

from reports.intake.services import add_reporter_reply, submit_report
from reports.models import OnCallShift, Report
from reports.notifications import remind_due
from reports.referrals.services import forward_report, record_outcome
from reports.triage import clocks
from reports.triage import services as triage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("opened_by_recovery_key")]


@pytest.fixture
def sent(django_capture_on_commit_callbacks):
    """Run a step as committed: its notices are sent (the immediate task backend) before
    `sent` returns."""

    def run(step, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return step(*args, **kwargs)

    return run


QUEUE = "/fr/admin/reports/report/"
SECRET = "Texte secret du signalement"


def report(sent=None, **content) -> Report:
    receipt = (sent or (lambda f, **k: f(**k)))(
        submit_report,
        location="abroad", country="TH", place_kind="bar",
        content={"description": SECRET, **content}, upload_token="none",
    )  # fmt: skip
    return Report.objects.get(reference=receipt.reference)


def at_rest(report: Report, **fields) -> Report:
    """`report` as if these fields had been so for a while (the steps set them)."""
    Report.objects.filter(pk=report.pk).update(**fields)
    report.refresh_from_db()
    clocks.refresh(report)
    return report


def hours_ago(n: float):
    return timezone.now() - timedelta(hours=n)


# --- Clocks ---------------------------------------------------------------------------------


def test_every_open_report_has_a_due_date_from_the_settings(officer):
    new = report()
    assert new.clock == "claim"
    assert new.due_at == new.received_at + timedelta(hours=24)
    triage.claim_report(new, by=officer)
    new.refresh_from_db()
    assert new.clock == "assess"
    assert new.due_at == new.claimed_at + timedelta(hours=48)
    triage.add_note(new, by=officer, text="Première évaluation")
    new.refresh_from_db()
    assert new.assessed_at is not None
    assert new.clock == "act"
    triage.ask_reporter(new, by=officer, question="Quel hôtel ?")
    new.refresh_from_db()
    assert (new.status, new.clock) == ("waiting", "reporter")
    assert new.due_at == new.last_activity_at + timedelta(days=14)
    add_reporter_reply(new, message="L'hôtel Soleil", upload_token="none")
    new.refresh_from_db()
    assert new.clock == "answer"
    assert new.due_at == new.last_reporter_activity_at + timedelta(hours=48)
    forward_report(new, by=officer, authority="federal_police")
    new.refresh_from_db()
    referral = new.referrals.get()
    assert (new.clock, new.due_at) == ("authority", referral.sent_at + timedelta(days=90))
    record_outcome(referral, by=officer, outcome="investigation")
    triage.close_report(new, by=officer, outcome="forwarded")
    new.refresh_from_db()
    assert (new.clock, new.due_at) == ("", None)


@override_settings(REPORT_CLAIM_DUE_HOURS=6, REPORT_ASSESS_DUE_HOURS=12)
def test_the_clocks_follow_the_settings(officer):
    new = report()
    assert new.due_at == new.received_at + timedelta(hours=6)
    triage.claim_report(new, by=officer)
    new.refresh_from_db()
    assert new.due_at == new.claimed_at + timedelta(hours=12)


def test_a_child_in_danger_now_makes_an_urgent_report_with_a_one_hour_clock(
    django_user_model, sent
):
    on_call = django_user_model.objects.create_user("oncall", email="oncall@ecpat.example")
    OnCallShift.objects.create(
        person=on_call, starts_at=hours_ago(2), ends_at=timezone.now() + timedelta(hours=6)
    )
    mail.outbox.clear()
    urgent = report(sent, ongoing="yes")
    assert urgent.priority == Report.Priority.URGENT
    assert (urgent.clock, urgent.due_at) == ("urgent", urgent.received_at + timedelta(hours=1))
    alert = [m for m in mail.outbox if m.to == ["oncall@ecpat.example"]]
    assert len(alert) == 1
    assert "URGENT" in alert[0].subject
    assert SECRET not in alert[0].body
    assert urgent.reference not in alert[0].body
    assert f"/reports/report/{urgent.pk}/change/" in alert[0].body


@override_settings(TRIAGE_INBOX=["triage@ecpat.example"])
def test_with_nobody_on_call_the_urgent_alert_goes_to_the_triage_inbox_and_escalates(sent):
    mail.outbox.clear()
    urgent = report(sent, ongoing="yes")
    assert [m.to for m in mail.outbox if "URGENT" in m.subject] == [["triage@ecpat.example"]]
    at_rest(urgent, received_at=hours_ago(2))
    mail.outbox.clear()
    assert sent(remind_due) == 1
    assert "not claimed within the hour" in mail.outbox[0].subject
    assert sent(remind_due) == 0  # once per clock


def test_a_calm_report_alerts_nobody_on_call(django_user_model, sent):
    on_call = django_user_model.objects.create_user("oncall", email="oncall@ecpat.example")
    OnCallShift.objects.create(
        person=on_call, starts_at=hours_ago(2), ends_at=timezone.now() + timedelta(hours=6)
    )
    mail.outbox.clear()
    calm = report(sent, ongoing="no")
    assert calm.priority == Report.Priority.NORMAL
    assert not [m for m in mail.outbox if m.to == ["oncall@ecpat.example"]]


# --- Reminders and notices ------------------------------------------------------------------


@override_settings(TRIAGE_INBOX=["triage@ecpat.example"])
def test_a_late_report_reminds_its_holder_once_and_an_unheld_one_the_inbox(officer, sent):
    officer.email = "officer@ecpat.example"
    officer.save()
    held, free = report(), report()
    triage.claim_report(held, by=officer)
    at_rest(held, claimed_at=hours_ago(50))
    at_rest(free, received_at=hours_ago(30))
    mail.outbox.clear()
    assert sent(remind_due) == 2
    assert sorted(m.to[0] for m in mail.outbox) == ["officer@ecpat.example", "triage@ecpat.example"]
    for message in mail.outbox:
        assert SECRET not in message.body
        assert held.reference not in message.body
        assert free.reference not in message.body
    mail.outbox.clear()
    assert sent(remind_due) == 0
    assert not mail.outbox
    # A new clock (the claim) gets its own reminder when it runs out.
    triage.claim_report(free, by=officer)
    at_rest(free, claimed_at=hours_ago(49))
    assert sent(remind_due) == 1


def test_a_hand_over_tells_the_new_holder_once_an_hour(officer, supervisor, make_staff, sent):
    other = make_staff("officer2", "Triage officer")
    other.email = "officer2@ecpat.example"
    other.save()
    first = report()
    triage.claim_report(first, by=officer)
    mail.outbox.clear()
    sent(triage.hand_over_reports, [first], by=supervisor, to=other)
    assert [m.to for m in mail.outbox] == [["officer2@ecpat.example"]]
    assert "handed over" in mail.outbox[0].subject
    sent(triage.hand_over_reports, [first], by=supervisor, to=officer)
    sent(triage.hand_over_reports, [first], by=supervisor, to=other)
    assert len(mail.outbox) == 1  # one mail per report per hour


def test_a_reporters_answer_tells_the_holder(officer, sent):
    officer.email = "officer@ecpat.example"
    officer.save()
    asked = report()
    triage.claim_report(asked, by=officer)
    triage.ask_reporter(asked, by=officer, question="Quand ?")
    mail.outbox.clear()
    sent(add_reporter_reply, asked, message="Hier soir", upload_token="none")
    assert [m.to for m in mail.outbox] == [["officer@ecpat.example"]]
    assert "Hier soir" not in mail.outbox[0].body


# --- The queue ------------------------------------------------------------------------------


def test_the_queue_shows_first_what_needs_doing(client, staff_login, officer, supervisor):
    forwarded = report()
    triage.claim_report(forwarded, by=officer)
    forward_report(forwarded, by=officer, authority="federal_police")
    waiting = report()
    triage.claim_report(waiting, by=officer)
    triage.ask_reporter(waiting, by=officer, question="Où ?")
    in_progress = report()
    triage.claim_report(in_progress, by=officer)
    answered = report()
    triage.claim_report(answered, by=officer)
    triage.ask_reporter(answered, by=officer, question="Qui ?")
    add_reporter_reply(answered, message="Un homme", upload_token="none")
    new = report()
    high = report()
    triage.set_priority(high, by=officer, priority=Report.Priority.HIGH)
    late = at_rest(report(), received_at=hours_ago(30))
    urgent = report(ongoing="yes")
    staff_login(supervisor)
    body = client.get(QUEUE).content.decode()
    order = [urgent, late, answered, high, new, in_progress, waiting, forwarded]
    positions = [body.index(r.reference) for r in order]
    assert positions == sorted(positions), [r.reference for r in order]


def test_every_filter_shows_its_counts_and_answers_show_only_where_there_is_one(
    client, staff_login, officer
):
    for _ in range(3):
        report()
    asked = report()
    triage.claim_report(asked, by=officer)
    triage.ask_reporter(asked, by=officer, question="Qui ?")
    add_reporter_reply(asked, message="Un homme", upload_token="none")
    staff_login(officer)
    body = client.get(QUEUE).content.decode()
    assert "Ouverts (4)" in body or "Ouvert (4)" in body
    assert "Reçu (3)" in body
    assert "Moi (1)" in body
    assert body.count("badge-answer") == 1
    assert "icon-no.svg" not in body  # no red cross on rows with nothing new


def test_an_officers_home_says_what_is_theirs_to_do(client, staff_login, officer, supervisor):
    mine = report()
    triage.claim_report(mine, by=officer)
    report()
    at_rest(report(), received_at=hours_ago(30))
    staff_login(officer)
    body = client.get("/fr/admin/").content.decode()
    assert "mes signalements" in body
    assert f"{QUEUE}?assigned=me" in body
    assert "charge de l'équipe" not in body.lower()
    staff_login(supervisor)
    body = client.get("/fr/admin/").content.decode()
    assert f"{QUEUE}?assigned={officer.pk}" in body  # the team's load, per person


def test_an_editors_home_says_nothing_of_reports(client, staff_login, editor):
    report()
    staff_login(editor)
    body = client.get("/fr/admin/").content.decode()
    assert "workplace" not in body


def test_supervisors_keep_the_on_call_rota_and_officers_read_it(
    client, staff_login, officer, supervisor
):
    url = "/fr/admin/reports/oncallshift/"
    staff_login(officer)
    assert client.get(url).status_code == 200
    assert client.get(f"{url}add/").status_code == 403
    staff_login(supervisor)
    response = client.post(
        f"{url}add/",
        {"person": officer.pk, "starts_at_0": "2026-12-01", "starts_at_1": "18:00",
         "ends_at_0": "2026-12-02", "ends_at_1": "08:00"},
    )  # fmt: skip
    assert response.status_code == 302
    shift = OnCallShift.objects.get()
    assert shift.person == officer
    at = timezone.make_aware(timezone.datetime(2026, 12, 1, 23, 0))
    assert OnCallShift.on_call(at) == officer
    body = client.get("/fr/admin/reports/auditentry/").content.decode()
    assert "officer" in body
