"""The report's life in staff hands: each step, its refusals, its event and audit entry."""

import threading

import pytest
from django.db import connection

from reports.errors import ReportError
from reports.intake.services import submit_report
from reports.models import AuditEntry, Message, Outcome, Report, ReportEvent
from reports.referrals.services import forward_report, record_outcome
from reports.triage.services import (
    add_note,
    ask_reporter,
    claim_report,
    close_report,
    release_report,
    set_priority,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("opened_by_recovery_key")]


@pytest.fixture
def report():
    receipt = submit_report(
        location="abroad", country="TH", place_kind="", content={"description": "x"},
        upload_token="none",
    )  # fmt: skip
    return Report.objects.get(reference=receipt.reference)


@pytest.fixture
def officer(make_staff):
    return make_staff("officer1", "Triage officer")


@pytest.fixture
def other(make_staff):
    return make_staff("officer2", "Triage officer")


def kinds(report):
    return list(report.events.values_list("kind", flat=True))


def test_a_report_goes_from_claim_to_close(report, officer):
    report = claim_report(report, by=officer)
    assert (report.status, report.assigned_to) == (Report.Status.ASSESSING, officer)
    report = ask_reporter(report, by=officer, question="Quel âge avait l'enfant ?")
    assert report.status == Report.Status.WAITING
    assert Message.objects.get(report=report).body == "Quel âge avait l'enfant ?"
    report = forward_report(report, by=officer, authority="federal_police", reference="PV 123")
    assert report.status == Report.Status.FORWARDED
    assert report.authority_reference == "PV 123"
    record_outcome(report.referrals.get(), by=officer, outcome="investigation")
    report = close_report(report, by=officer, outcome=Outcome.FORWARDED)
    assert report.status == Report.Status.CLOSED
    assert kinds(report) == ["submitted", "claimed", "asked", "forwarded", "outcome", "closed"]
    assert AuditEntry.objects.filter(action="change", report=report).count() == 5


def test_it_keeps_notes_and_questions_encrypted(report, officer):
    add_note(report, by=officer, text="Suspect déjà connu")
    event = report.events.get(kind=ReportEvent.Kind.NOTE)
    assert event.text == "Suspect déjà connu"
    assert "Suspect" not in ReportEvent.objects.values_list("text", flat=True).get(pk=event.pk)


def test_it_refuses_a_claim_already_taken(report, officer, other):
    claim_report(report, by=officer)
    with pytest.raises(ReportError, match="officer1"):
        claim_report(report, by=other)


@pytest.mark.parametrize(
    ("step", "kwargs"),
    [
        (ask_reporter, {"question": "?"}),
        (forward_report, {"authority": "federal_police"}),
        (release_report, {}),
    ],
)
def test_it_refuses_steps_not_allowed_from_new(report, officer, step, kwargs):
    with pytest.raises(ReportError):
        step(report, by=officer, **kwargs)
    report.refresh_from_db()
    assert report.status == Report.Status.NEW


def test_it_refuses_anything_on_a_closed_report(report, officer):
    close_report(claim_report(report, by=officer), by=officer, outcome=Outcome.SPAM)
    for step, kwargs in [(claim_report, {}), (set_priority, {"priority": 1}),
                         (close_report, {"outcome": Outcome.SPAM})]:  # fmt: skip
        with pytest.raises(ReportError):
            step(report, by=officer, **kwargs)


def test_a_duplicate_links_the_original(report, officer):
    original = submit_report(
        location="belgium", country="BE", place_kind="", content={}, upload_token="x"
    )
    original = Report.objects.get(reference=original.reference)
    report = claim_report(report, by=officer)
    with pytest.raises(ReportError):
        close_report(report, by=officer, outcome=Outcome.DUPLICATE)
    report = close_report(report, by=officer, outcome=Outcome.DUPLICATE, duplicate_of=original)
    assert report.duplicate_of == original


def test_it_refuses_bad_values(report, officer):
    with pytest.raises(ReportError):
        set_priority(report, by=officer, priority=99)
    with pytest.raises(ReportError):
        add_note(report, by=officer, text="  ")
    claim_report(report, by=officer)
    with pytest.raises(ReportError):
        forward_report(report, by=officer, authority="interpol-ish")


def test_release_puts_the_report_back_in_the_queue(report, officer, other):
    claim_report(report, by=officer)
    report = release_report(report, by=officer)
    assert (report.status, report.assigned_to) == (Report.Status.NEW, None)
    assert claim_report(report, by=other).assigned_to == other


# Row locks are PostgreSQL's (production); the in-memory SQLite test database cannot be
# shared by two threads writing at once. `make test` runs this on PostgreSQL.
@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_two_officers_claiming_at_once_one_wins(roles, report, officer, other):
    barrier = threading.Barrier(2)
    results = {}

    def claim(user):
        barrier.wait()
        try:
            claim_report(report, by=user)
            results[user.username] = "won"
        except ReportError as error:
            results[user.username] = str(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=claim, args=(u,)) for u in (officer, other)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results.values()).count("won") == 1, results
    report.refresh_from_db()
    assert report.assigned_to.username == next(k for k, v in results.items() if v == "won")
    assert report.events.filter(kind="claimed").count() == 1


def test_audit_entries_cannot_be_changed_or_deleted(report, officer):
    claim_report(report, by=officer)
    entry = AuditEntry.objects.get()
    entry.detail = "forged"
    with pytest.raises(ValueError, match="cannot be changed"):
        entry.save()
    with pytest.raises(ValueError, match="cannot be deleted"):
        entry.delete()
