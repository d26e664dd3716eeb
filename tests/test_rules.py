"""Who may do what to a report (reports.rules): each step for the officer who holds it,
another officer, a supervisor and an editor. The expectations are written out here, not
derived from the table, so that a change of the table shows up as a failing test."""

import pytest

from reports import rules
from reports.errors import ReportError
from reports.models import Authority, Outcome, Report, Tag
from reports.referrals import services as referrals
from reports.triage import services
from tests.test_triage_admin import new_report

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("opened_by_recovery_key")]

STEPS = {
    "release": lambda r, u: services.release_report(r, by=u),
    "note": lambda r, u: services.add_note(r, by=u, text="Note"),
    "priority": lambda r, u: services.set_priority(r, by=u, priority=Report.Priority.HIGH),
    "tags": lambda r, u: services.set_tags(r, by=u, tags=[Tag.objects.get_or_create(name="x")[0]]),
    "ask": lambda r, u: services.ask_reporter(r, by=u, question="Où ?"),
    "forward": lambda r, u: referrals.forward_report(r, by=u, authority=Authority.FEDERAL_POLICE),
    "close": lambda r, u: services.close_report(r, by=u, outcome=Outcome.NOT_ENOUGH),
    "claim": lambda r, u: services.claim_report(r, by=u),
}

# On a report that `officer` holds: who may take each step.
HELD = {
    "release": {"holder", "supervisor"},
    "note": {"holder", "colleague", "supervisor"},
    "priority": {"holder", "supervisor"},
    "tags": {"holder", "supervisor"},
    "ask": {"holder", "supervisor"},
    "forward": {"holder", "supervisor"},
    "close": {"holder", "supervisor"},
    "claim": set(),  # held already: a supervisor hands it over instead
}
# On a report nobody holds.
UNHELD = {
    "claim": {"colleague", "supervisor"},
    "note": {"colleague", "supervisor"},
    "priority": {"colleague", "supervisor"},
    "tags": {"colleague", "supervisor"},
    "ask": set(),  # a new report is claimed before anyone asks or forwards
    "forward": set(),
    "close": {"colleague", "supervisor"},  # spam, say, without claiming it first
}


@pytest.fixture
def people(officer, supervisor, make_staff, editor):
    return {
        "holder": officer,
        "colleague": make_staff("colleague", "Triage officer"),
        "supervisor": supervisor,
        "editor": editor,
    }


def _outcome(step, report, user):
    try:
        STEPS[step](report, user)
    except ReportError as error:
        return False, str(error)
    return True, ""


@pytest.mark.parametrize("step", HELD)
@pytest.mark.parametrize("who", ["holder", "colleague", "supervisor", "editor"])
def test_a_held_report(people, step, who):
    report = services.claim_report(new_report(), by=people["holder"])
    allowed, message = _outcome(step, report, people[who])
    assert allowed == (who in HELD[step]), message
    if not allowed and who == "colleague":
        assert "officer" in message  # says who holds the report
    if allowed:
        assert report.events.filter(actor=people[who]).exists()


@pytest.mark.parametrize("step", UNHELD)
@pytest.mark.parametrize("who", ["colleague", "supervisor", "editor"])
def test_a_report_nobody_holds(people, step, who):
    report = new_report()
    allowed, message = _outcome(step, report, people[who])
    assert allowed == (who in UNHELD[step]), message
    if not allowed and who == "colleague":
        assert "Claim the report first" in message or "Prenez" in message or "réclam" in message


def test_only_a_supervisor_hands_over(people):
    report = services.claim_report(new_report(), by=people["holder"])
    for who in ["holder", "colleague", "editor"]:
        with pytest.raises(ReportError):
            services.hand_over_reports([report], by=people[who], to=people["colleague"])
    count = services.hand_over_reports([report], by=people["supervisor"], to=people["colleague"])
    assert count == 1
    report.refresh_from_db()
    assert report.assigned_to == people["colleague"]


def test_a_refused_step_in_the_admin_says_who_holds_the_report(client, people, staff_login):
    report = services.claim_report(new_report(), by=people["holder"])
    staff_login(people["colleague"])
    response = client.post(
        f"/fr/admin/reports/report/{report.pk}/change/",
        {"CHANGE_FORM-action": "release", "_selected_action": report.pk},
        follow=True,
    )
    assert "officer" in response.content.decode()
    report.refresh_from_db()
    assert report.assigned_to == people["holder"]


def test_the_readme_shows_the_table():
    from pathlib import Path

    readme = Path(__file__).resolve().parent.parent.joinpath("README.md").read_text()
    for step, officer, supervisor in rules.table():
        assert f"| `{step}` | {officer} | {supervisor} |" in readme
