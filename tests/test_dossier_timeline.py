"""The dossier's timeline (issue 24, finding 11): what happened and by which role, never
who (no user name), never an internal tag, never another report. The admin's own timeline
keeps the names."""

import re

import pytest
from django.utils import translation

from reports.models import Report, Tag
from reports.referrals import dossier
from reports.referrals.services import forward_report
from reports.triage.services import (
    claim_report,
    hand_over_reports,
    link_reports,
    set_priority,
    set_tags,
)
from tests.reporting import report_data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("opened_by_recovery_key")]

TAG = "Réseau-Hôtel-Q7"


@pytest.fixture
def people(make_staff):
    return {
        "officer": make_staff("jdupont77", "Triage officer"),
        "other": make_staff("kpeeters13", "Triage officer"),
        "supervisor": make_staff("mchef42", "Supervisor"),
    }


@pytest.fixture
def forwarded(client, people):
    client.post("/fr/signaler/", report_data(description="La première."))
    client.post("/fr/signaler/", report_data(description="La seconde."))
    report, other = Report.objects.order_by("pk")
    officer, supervisor = people["officer"], people["supervisor"]
    report = claim_report(report, by=officer)
    set_priority(report, by=officer, priority=Report.Priority.URGENT)
    set_tags(report, by=supervisor, tags=[Tag.objects.create(name=TAG)])
    link_reports(report, other, by=officer)
    hand_over_reports([report], by=supervisor, to=people["other"])
    report = forward_report(
        Report.objects.get(pk=report.pk), by=people["other"], authority="federal_police",
        language="en",
    )  # fmt: skip
    return report, other


def timeline(html: str) -> str:
    return re.search(r"<h2>Timeline</h2>\s*<ol>(.*?)</ol>", html, re.DOTALL).group(1)


def test_the_dossiers_timeline_says_which_role_never_who_nor_tags_nor_other_reports(
    forwarded, people
):
    report, other = forwarded
    html = dossier.html(report.referrals.get())
    lines = timeline(html)
    for name in ("jdupont77", "kpeeters13", "mchef42"):
        assert name not in html
    assert TAG not in html
    assert other.reference not in html
    # What happened, and by which role.
    assert "Claimed — by a triage officer" in lines
    assert "Priority changed (Normal → Urgent) — by a triage officer" in lines
    assert "Tags changed — by a supervisor" in lines
    assert "Linked to a related report — by a triage officer" in lines
    assert "Handed over — by a supervisor" in lines
    assert "Forwarded (Federal Police) — by a triage officer" in lines
    assert re.search(r"Report received</li>", lines)  # the reporter: no role


def test_a_role_is_the_one_held_at_the_step(forwarded, people):
    """An officer made supervisor later (or gone) stays "a triage officer" for the steps
    taken as one."""
    report, _other = forwarded
    officer = people["officer"]
    officer.groups.clear()
    officer.is_active = False
    officer.save()
    lines = timeline(dossier.html(report.referrals.get()))
    assert "Claimed — by a triage officer" in lines


def test_the_admins_own_timeline_keeps_the_names(forwarded, people, client, staff_login):
    report, other = forwarded
    staff_login(people["supervisor"])
    with translation.override("en"):
        body = client.get(f"/en/admin/reports/report/{report.pk}/change/").content.decode()
    assert "kpeeters13" in body
    assert other.reference in body


@pytest.mark.parametrize("language", ["fr", "nl"])
def test_the_roles_are_said_in_the_dossiers_language(forwarded, language):
    report, _other = forwarded
    referral = report.referrals.get()
    referral.language = language
    html = dossier.html(referral)
    expected = {"fr": "par un·e chargé·e du tri", "nl": "door een triagemedewerker"}[language]
    assert expected in html
    assert "by a triage officer" not in html
