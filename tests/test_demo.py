"""`manage.py load_demo`: idempotent, and nothing invented in production."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from reports.models import Report

pytestmark = pytest.mark.django_db


def load() -> str:
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def snapshot() -> tuple:
    users = get_user_model().objects.order_by("username")
    return (
        list(Report.objects.order_by("reference").values_list("reference", "status")),
        list(users.values_list("username", "password")),
    )


def test_it_changes_nothing_the_second_time(settings, tmp_path):
    settings.SQLITE_PATH = tmp_path / "db.sqlite3"
    first = load()
    assert "officer" in first
    before = snapshot()
    second = load()
    assert snapshot() == before
    assert "already exist" in second
    statuses = {status for _, status in before[0]}
    assert statuses == {s.value for s in Report.Status}


def test_it_creates_one_account_per_role_and_prints_passwords_once(settings, tmp_path):
    settings.SQLITE_PATH = tmp_path / "db.sqlite3"
    out = load()
    for username in ["officer", "supervisor", "editor"]:
        user = get_user_model().objects.get(username=username)
        assert user.is_staff
        assert not user.is_superuser
        assert username in out
    assert (tmp_path / "demo-accounts.txt").exists()


def test_it_invents_nothing_in_production(settings):
    settings.PRODUCTION = True
    out = load()
    assert not get_user_model().objects.exists()
    assert not Report.objects.exists()
    assert "Production mode" in out


def test_the_demo_shows_related_held_urgent_and_a_year_of_reports(settings, tmp_path):
    from datetime import timedelta

    from django.utils import timezone

    from reports import search
    from reports.models import LegalHold, OnCallShift
    from reports.statistics.figures import Period, compute
    from tests.keys import as_recovery

    settings.SQLITE_PATH = tmp_path / "db.sqlite3"
    load()
    hotel = Report.objects.get(reference="JDS-DEMO-0001")
    with as_recovery():  # as a member's request: the index is made then
        assert "JDS-DEMO-0007" in [r.reference for r, _ in search.related(hotel)]
        site = Report.objects.get(reference="JDS-DEMO-0002")
        assert "JDS-DEMO-0008" in [r.reference for r, _ in search.related(site)]
    assert LegalHold.objects.active().filter(report__reference="JDS-DEMO-0010").exists()
    assert Report.objects.get(reference="JDS-DEMO-0009").clock == "urgent"
    assert OnCallShift.on_call() is not None or OnCallShift.objects.count() == 14
    today = timezone.localdate()
    stats = compute(Period(today - timedelta(days=365), today))
    assert stats["total"] >= 60
    assert stats["referrals"]
    assert Report.objects.open().filter(due_at__isnull=True).count() == 0
