"""Statistics for the annual report (issue 15, slice 5): a year or a period, every figure the
annual report needs, labels in the reader's language, a CSV Belgian Excel opens as it is, an
XLSX sheet, and figures that survive the purge."""

from __future__ import annotations

import csv
import io
from datetime import datetime

import pytest
import time_machine
from django.utils import timezone
from openpyxl import load_workbook

from reports.models import Outcome, Report, ReportStatistic
from reports.referrals.services import forward_report, record_outcome
from reports.retention.services import purge_closed_reports
from reports.statistics.figures import Period, compute
from reports.triage.services import add_note, claim_report, close_report
from tests.test_triage_admin import new_report

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("opened_by_recovery_key")]

STATS = "/fr/admin/reports/report/statistics/"


def at(year, month, day, hour=10):
    return timezone.make_aware(datetime(year, month, day, hour))


def a_year_of_reports(officer):
    """2025: three reports (one purged later), one of 2024 outside the period."""
    with time_machine.travel(at(2025, 1, 10)):
        first = new_report(country="TH")
    with time_machine.travel(at(2025, 1, 10, 14)):
        claim_report(first, by=officer)  # 4 h to claim
    with time_machine.travel(at(2025, 1, 11, 10)):
        add_note(first, by=officer, text="Évaluation")  # 24 h to first assessment
    with time_machine.travel(at(2025, 1, 13, 10)):
        referral = forward_report(first, by=officer, authority="federal_police").referrals.get()
    with time_machine.travel(at(2025, 2, 1)):
        record_outcome(referral, by=officer, outcome="investigation")
        close_report(first, by=officer, outcome=Outcome.FORWARDED)
    with time_machine.travel(at(2025, 3, 5)):
        second = new_report(location="belgium", country="")
    with time_machine.travel(at(2025, 3, 5, 12)):
        claim_report(second, by=officer)  # 2 h
        close_report(second, by=officer, outcome=Outcome.SPAM)
    with time_machine.travel(at(2025, 11, 20)):
        new_report(country="PH")
    with time_machine.travel(at(2024, 6, 1)):
        new_report(country="KE")
    return first


def test_a_year_holds_every_figure_of_the_annual_report(officer):
    a_year_of_reports(officer)
    stats = compute(Period.year(2025))
    assert stats["total"] == 3
    months = dict(stats["months"])
    assert len(months) == 12
    assert list(months.values())[:3] == [1, 0, 1]
    assert dict(stats["locations"]) == {"À l'étranger": 2, "En Belgique": 1} or dict(
        stats["locations"]
    ) == {"Abroad": 2, "In Belgium": 1}
    assert sum(n for _label, n in stats["countries"]) == 2
    assert stats["open"] == 1
    ((_authority, sent, _outcomes),) = stats["referrals"]
    assert sent == 1
    times = {str(label): (median, p90) for label, median, p90 in stats["times"]}
    claim = next(v for k, v in times.items() if "claim" in k or "prise en charge" in k)
    assert claim == (3.0, 3.8)  # 2 h and 4 h: median 3, 90th percentile 3.8
    refer = next(v for k, v in times.items() if "referral" in k or "renvoi" in k)
    assert refer == (3.0, 3.0)  # days


def test_the_figures_survive_the_purge(officer):
    first = a_year_of_reports(officer)
    before = compute(Period.year(2025))
    with time_machine.travel(at(2026, 6, 1)):
        assert purge_closed_reports(older_than_days=365) == 2
    assert not Report.objects.filter(pk=first.pk).exists()
    stat = ReportStatistic.objects.get(outcome="forwarded")
    assert stat.place_kind == "bar"
    assert stat.assessed_at is not None
    assert [r["authority"] for r in stat.referrals] == ["federal_police"]
    after = compute(Period.year(2025))
    for key in ["total", "months", "locations", "countries", "place_kinds", "outcomes",
                "referrals", "times", "channels"]:  # fmt: skip
        assert after[key] == before[key], key


def test_the_page_offers_a_period_and_speaks_the_readers_language(
    client, staff_login, supervisor, officer
):
    a_year_of_reports(officer)
    staff_login(supervisor)
    body = client.get(f"{STATS}?year=2025").content.decode()
    assert "janvier 2025" in body
    assert "Thaïlande" in body
    assert "Police fédérale" in body
    assert "<svg" in body
    body = client.get(f"{STATS}?start=2025-03-01&end=2025-03-31").content.decode()
    assert "Thaïlande" not in body
    body = client.get(f"{STATS}?start=2025-03-01&year=zz").content.decode()
    assert "Indiquez les deux dates" in body  # bad input: said, and the page still answers
    assert client.get("/nl/admin/reports/report/statistics/?year=2025").status_code == 200
    assert (
        "januari 2025"
        in client.get("/nl/admin/reports/report/statistics/?year=2025").content.decode()
    )


def test_the_csv_opens_in_belgian_excel_and_the_xlsx_holds_the_same(
    client, staff_login, supervisor, officer
):
    a_year_of_reports(officer)
    staff_login(supervisor)
    raw = client.get("/fr/admin/reports/report/statistics.csv?year=2025").content
    assert raw.startswith("\ufeff".encode())
    text = raw.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0] == ["Chiffre", "Détail", "Valeur"]
    assert ["Pays (à l'étranger)", "Thaïlande", "1"] in rows
    assert any(r[1] == "médiane" and "," in r[2] for r in rows)  # 3,0 not 3.0
    book = load_workbook(io.BytesIO(
        client.get("/fr/admin/reports/report/statistics.xlsx?year=2025").content
    ))  # fmt: skip
    sheet_rows = [[c.value for c in row] for row in book.active.iter_rows()]
    assert sheet_rows[0] == ["Chiffre", "Détail", "Valeur"]
    assert ["Signalements reçus", None, 3] in sheet_rows  # a number, not text
    assert len(sheet_rows) == len(rows)
