"""Retention you can see, and legal holds (issue 15, slice 4)."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from reports.errors import ReportError
from reports.models import AuditEntry, LegalHold, Outcome, Report
from reports.retention import services as retention
from reports.triage.services import claim_report, close_report
from tests.test_triage_admin import new_report

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("opened_by_recovery_key")]

QUEUE = "/fr/admin/reports/report/"


def closed(officer, days_ago: int) -> Report:
    report = claim_report(new_report(), by=officer)
    with time_machine.travel(timezone.now() - timedelta(days=days_ago)):
        return close_report(report, by=officer, outcome=Outcome.NOT_ENOUGH)


def test_each_report_shows_when_it_will_be_purged(client, staff_login, officer, settings):
    settings.REPORT_RETENTION_DAYS = 365
    report = closed(officer, days_ago=10)
    expected = timezone.localdate(report.closed_at) + timedelta(days=365)
    assert retention.purge_date(report) == expected
    staff_login(officer)
    body = client.get(f"{QUEUE}{report.pk}/change/").content.decode()
    assert str(expected.year) in body
    assert "Supprimé le" in body or "purgé le" in body.lower()
    open_one = new_report()
    assert retention.purge_date(open_one) is None


def test_a_legal_hold_keeps_a_report_past_its_retention_and_is_audited(
    officer, supervisor, settings
):
    settings.REPORT_RETENTION_DAYS = 365
    kept = closed(officer, days_ago=400)
    gone = closed(officer, days_ago=400)
    until = timezone.localdate() + timedelta(days=30)
    with pytest.raises(ReportError):
        retention.place_hold(kept, by=officer, reason="Enquête PJF", until=until)
    hold = retention.place_hold(kept, by=supervisor, reason="Enquête PJF 2026/123", until=until)
    assert retention.purge_date(kept) == until + timedelta(days=1)
    assert retention.purge_closed_reports(older_than_days=365) == 1
    assert Report.objects.filter(pk=kept.pk).exists()
    assert not Report.objects.filter(pk=gone.pk).exists()
    entry = AuditEntry.objects.get(report=kept, detail="legal hold")
    assert entry.user == supervisor
    assert "PJF" not in str(entry.data)  # the reason stays encrypted, out of the log
    assert "PJF" not in str(LegalHold.objects.values_list("reason", flat=True).first())
    retention.lift_hold(hold, by=supervisor)
    assert retention.purge_closed_reports(older_than_days=365) == 1
    assert not Report.objects.filter(pk=kept.pk).exists()


def test_a_hold_that_ended_no_longer_keeps_the_report(officer, supervisor):
    kept = closed(officer, days_ago=400)
    retention.place_hold(
        kept, by=supervisor, reason="Enquête", until=timezone.localdate() + timedelta(1)
    )
    with time_machine.travel(timezone.now() + timedelta(days=3)):
        assert retention.purge_closed_reports(older_than_days=365) == 1


def test_supervisors_see_the_setting_what_goes_soon_and_what_is_held(
    client, staff_login, officer, supervisor, settings
):
    settings.REPORT_RETENTION_DAYS = 100
    soon = closed(officer, days_ago=95)
    later = closed(officer, days_ago=30)
    held = closed(officer, days_ago=95)
    retention.place_hold(held, by=supervisor, reason="Dossier 42",
                         until=timezone.localdate() + timedelta(days=60))  # fmt: skip
    staff_login(officer)
    assert client.get(f"{QUEUE}retention/").status_code == 403
    staff_login(supervisor)
    body = client.get(f"{QUEUE}retention/").content.decode()
    assert "100" in body
    purged_soon = body.split("Conservés par une suspension légale")[0]
    assert soon.reference in purged_soon
    assert later.reference not in body
    assert held.reference not in purged_soon
    assert held.reference in body
    assert "Dossier 42" in body


def test_the_hold_steps_on_the_report_page(client, staff_login, officer, supervisor):
    report = closed(officer, days_ago=1)
    until = (timezone.localdate() + timedelta(days=90)).isoformat()
    staff_login(officer)
    page = client.get(f"{QUEUE}{report.pk}/change/").content.decode()
    assert 'value="place_hold"' not in page
    staff_login(supervisor)
    page = client.get(f"{QUEUE}{report.pk}/change/").content.decode()
    assert 'value="place_hold"' in page
    client.post(
        f"{QUEUE}{report.pk}/change/",
        {"CHANGE_FORM-action": "place_hold", "_selected_action": report.pk, "apply": "1",
         "until": until, "reason": "Enquête en cours"},
    )  # fmt: skip
    hold = LegalHold.objects.get(report=report)
    client.post(
        f"{QUEUE}{report.pk}/change/",
        {"CHANGE_FORM-action": "lift_hold", "_selected_action": report.pk, "apply": "1",
         "hold": hold.pk},
    )  # fmt: skip
    hold.refresh_from_db()
    assert hold.lifted_by == supervisor
