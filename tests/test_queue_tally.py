"""The queue's counts come from a tally the database keeps (reports.models.QueueTally), not
from counting every report once per filter: they must agree with the reports whatever
happened to them, on SQLite and on PostgreSQL."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext

from reports.intake.services import add_reporter_reply, submit_report
from reports.models import QueueTally, Report
from reports.triage import clocks, queue_triggers
from reports.triage import services as triage

pytestmark = pytest.mark.django_db

QUEUE = "/fr/admin/reports/report/"


def report(**fields) -> Report:
    receipt = submit_report(
        location=fields.pop("location", "abroad"), country=fields.pop("country", "TH"),
        place_kind="bar", content={"description": "Texte"}, upload_token="none",
    )  # fmt: skip
    found = Report.objects.get(reference=receipt.reference)
    if fields:
        Report.objects.filter(pk=found.pk).update(**fields)
        found.refresh_from_db()
    return found


def live() -> Counter:
    """The tally's figures counted from the reports themselves."""
    counted = Counter()
    for row in Report.objects.values(
        "status", "priority", "location", "country", "assigned_to",
        "last_reporter_activity_at", "last_activity_at",
    ):  # fmt: skip
        answered = bool(row["last_reporter_activity_at"]) and (
            row["last_reporter_activity_at"] >= row["last_activity_at"]
        )
        key = (row["status"], row["priority"], row["location"], row["country"],
               row["assigned_to"] or 0, answered)  # fmt: skip
        counted[key] += 1
    return counted


def tallied() -> Counter:
    """The tally's figures: each combination's rows summed (it is a ledger)."""
    summed = Counter()
    for t in QueueTally.objects.all():
        summed[(t.status, t.priority, t.location, t.country, t.holder, t.answered)] += t.n
    assert min(summed.values(), default=0) >= 0
    return +summed  # without the combinations that came back to 0


def test_the_tally_follows_every_change_to_the_reports(officer, supervisor):
    reports = [report(), report(country="PH"), report(location="belgium", country="")]
    assert tallied() == live()
    triage.claim_report(reports[0], by=officer)
    triage.ask_reporter(reports[0], by=officer, question="Qui ?")
    assert tallied() == live()
    add_reporter_reply(reports[0], message="Un homme", upload_token="none")
    assert tallied() == live()
    assert any(key[-1] for key in tallied())  # "the reporter wrote last"
    triage.close_report(reports[1], by=supervisor, outcome="spam")
    # Bulk changes in one statement, and a change of nothing the queue counts.
    Report.objects.filter(pk__in=[r.pk for r in reports]).update(priority=Report.Priority.HIGH)
    Report.objects.update(staff_seen_at=reports[0].received_at)
    Report.objects.filter(status=Report.Status.NEW).update(assigned_to=officer)
    assert tallied() == live()
    Report.objects.filter(pk=reports[2].pk).delete()
    assert tallied() == live()
    assert sum(tallied().values()) == Report.objects.count() == 2
    # Summed up, one row a combination, the same figures.
    rows = QueueTally.objects.count()
    assert queue_triggers.compact_tally() == rows
    assert QueueTally.objects.count() == len(live()) < rows
    assert tallied() == live()


def counts_in(body: str) -> dict[str, str]:
    """Each filter choice's count on the queue page: {"Thaïlande": "2", …}."""
    found = {}
    for text in re.findall(r"<a [^>]*>([^<]+\(\d+\))</a>", body):
        name, count = re.match(r"\s*(.*?)\s*\((\d+)\)\s*$", text).groups()
        found[name] = count
    return found


@pytest.mark.parametrize(
    "query",
    ["", "?country=PH", "?assigned=nobody&priority__exact=2", "?queue=all&location__exact=belgium"],
)
def test_the_queues_counts_agree_with_the_reports(client, staff_login, officer, query):
    for country in ["TH", "TH", "PH"]:
        report(country=country)
    report(location="belgium", country="", priority=Report.Priority.HIGH)
    claimed = report(country="PH")
    triage.claim_report(claimed, by=officer)
    report(status=Report.Status.CLOSED, country="PH")
    staff_login(officer)
    body = client.get(QUEUE + query).content.decode()
    counts = counts_in(body)
    # Counted again from the reports, each filter's choices with the other filters applied.
    params = dict(p.split("=") for p in query.lstrip("?").split("&") if p)
    queue = params.pop("queue", "open")
    base = Report.objects.all() if queue == "all" else Report.objects.open()
    filtered = _filtered(base, params)
    if "country" not in params:
        by_country = dict(filtered.values_list("country").annotate(n=Count("pk")))
        assert counts["Thaïlande"] == str(by_country.get("TH", 0))
        assert counts["Philippines"] == str(by_country.get("PH", 0))
    if "assigned" not in params:
        assert counts["Moi"] == str(filtered.filter(assigned_to=officer).count())
    # The status filter's own choices count with the others applied, whatever the status.
    everything = _filtered(Report.objects.all(), params)
    assert counts["Tous"] == str(everything.count())
    assert counts["Clôturé"] == str(everything.filter(status=Report.Status.CLOSED).count())


def _filtered(queryset, params):
    for param, value in params.items():
        if param == "assigned":
            queryset = queryset.filter(assigned_to__isnull=True)
        else:
            field = {"priority__exact": "priority", "location__exact": "location"}.get(param, param)
            queryset = queryset.filter(**{field: value})
    return queryset


def test_the_queue_does_not_count_every_report_once_per_filter(client, staff_login, officer):
    for _ in range(3):
        report()
    staff_login(officer)
    client.get(QUEUE)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(QUEUE).status_code == 200
    counting = [
        q["sql"] for q in queries
        if "COUNT(" in q["sql"].upper() and 'FROM "reports_report"' in q["sql"]
    ]  # fmt: skip
    # What a tally cannot know: which open reports are late or due soon (the due-date
    # index, one query).
    assert len(counting) <= 1, counting


def test_a_report_due_soon_is_counted_by_the_deadline_filter(client, staff_login, officer):
    late = report()
    Report.objects.filter(pk=late.pk).update(received_at=late.received_at.replace(year=2025))
    late.refresh_from_db()
    clocks.refresh(late)
    report()
    staff_login(officer)
    counts = counts_in(client.get(QUEUE).content.decode())
    assert counts["En retard"] == "1"
    assert counts["À traiter cette semaine"] == "1"


# --- The queue's order, stored ---------------------------------------------------------------


def test_each_report_keeps_what_it_needs_as_the_queue_orders_it(officer, supervisor):
    """The queue sorts on a stored `need` (an index serves the first page of 100,000
    reports); the database keeps it equal to the rule (clocks.need_expression) through every
    change."""
    from datetime import timedelta

    from django.utils import timezone

    def agree():
        rule = dict(
            Report.objects.annotate(rule=clocks.need_expression()).values_list("pk", "rule")
        )
        stored = dict(Report.objects.values_list("pk", "need"))
        assert stored == rule

    fresh, urgent, answered, closed, waiting = (report() for _ in range(5))
    agree()
    triage.claim_report(answered, by=officer)
    triage.ask_reporter(answered, by=officer, question="Qui ?")
    add_reporter_reply(answered, message="Un homme", upload_token="none")
    triage.close_report(closed, by=supervisor, outcome="spam")
    Report.objects.filter(pk=urgent.pk).update(priority=Report.Priority.URGENT)
    triage.claim_report(waiting, by=officer)
    triage.ask_reporter(waiting, by=officer, question="Où ?")
    agree()
    # A step that sets a clock already run out makes the report late at once.
    Report.objects.filter(pk=fresh.pk).update(received_at=timezone.now() - timedelta(days=3))
    clocks.refresh(Report.objects.get(pk=fresh.pk))
    assert Report.objects.get(pk=fresh.pk).need == clocks.Need.LATE
    agree()


def test_the_queue_catches_up_with_the_clock_before_it_is_read(client, staff_login, officer):
    """A clock that ran out since the report last changed: stored as not late, read as late."""
    from datetime import timedelta

    from django.utils import timezone

    early, later = report(), report()
    Report.objects.filter(pk=later.pk).update(due_at=timezone.now() - timedelta(minutes=5))
    Report.objects.filter(pk=later.pk).update(need=clocks.Need.NEW)  # as stored before
    staff_login(officer)
    body = client.get(QUEUE).content.decode()
    assert body.index(later.reference) < body.index(early.reference)
    assert Report.objects.get(pk=later.pk).need == clocks.Need.LATE


@pytest.mark.django_db(transaction=True)
def test_the_tally_survives_a_flush():
    """`manage.py flush` (and every transactional test's teardown) sends post_migrate with
    no migration state: the triggers stay (they were dropped, and the tally went silent)."""
    from django.core.management import call_command

    call_command("flush", interactive=False, verbosity=0)
    report()
    assert tallied() == live()
    assert sum(tallied().values()) == 1
