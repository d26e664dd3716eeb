"""The queue the plain way: each filter's counts are the admin's own facet counts (one
aggregate per filter, never a subquery per choice), and the order is the need rule
(clocks.need_expression) computed as the queue is read. They must agree with the reports
whatever happened to them, on SQLite and on PostgreSQL."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from reports.intake.services import add_reporter_reply, submit_report
from reports.models import Report
from reports.triage import clocks
from reports.triage import services as triage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("opened_by_recovery_key")]

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


def test_the_queue_counts_each_filter_once_without_a_subquery_per_choice(
    client, staff_login, officer
):
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
    # One aggregate per counted filter (status, deadline, holder, priority, place, country)
    # and the number of results: Django's default would add a subquery for every choice.
    assert len(counting) <= 7, counting
    assert not any("IN (SELECT" in sql.upper() for sql in counting), counting


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


# --- The queue's order ---------------------------------------------------------------------


def test_the_queue_shows_first_what_needs_doing_first(client, staff_login, officer, supervisor):
    """Urgent, late, the reporter answered, new, in progress, waiting; closed last (with
    every status shown)."""
    waiting, in_progress, new, answered, late, urgent, closed = (report() for _ in range(7))
    triage.claim_report(waiting, by=officer)
    triage.ask_reporter(waiting, by=officer, question="Où ?")
    triage.claim_report(in_progress, by=officer)
    triage.claim_report(answered, by=officer)
    triage.ask_reporter(answered, by=officer, question="Qui ?")
    add_reporter_reply(answered, message="Un homme", upload_token="none")
    Report.objects.filter(pk=late.pk).update(due_at=timezone.now() - timedelta(minutes=5))
    Report.objects.filter(pk=urgent.pk).update(priority=Report.Priority.URGENT)
    triage.close_report(closed, by=supervisor, outcome="spam")
    staff_login(officer)
    body = client.get(QUEUE + "?queue=all").content.decode()
    order = [urgent, late, answered, new, in_progress, waiting, closed]
    places = [body.index(r.reference) for r in order]
    assert places == sorted(places)


def test_a_clock_that_ran_out_is_late_as_the_queue_is_read(client, staff_login, officer):
    """Time passing changes no row: the need is read from the clock at that moment."""
    early, later = report(), report()
    Report.objects.filter(pk=later.pk).update(due_at=timezone.now() - timedelta(minutes=5))
    staff_login(officer)
    body = client.get(QUEUE).content.decode()
    assert body.index(later.reference) < body.index(early.reference)
