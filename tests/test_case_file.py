"""The case file (issue 14, slice 2): what the reporter wrote, read back in words by section;
a dossier that holds no internal note and no identity; step forms that start from the
report's current values; a timeline that says what changed."""

from datetime import timedelta

import pytest
from django.utils import timezone

from reports.models import Message, Report, Tag
from reports.referrals.services import forward_report
from reports.triage.services import add_note, claim_report, close_report, set_priority
from tests.reporting import report_data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("opened_by_recovery_key")]

QUEUE = "/fr/admin/reports/report/"
ACTION = "CHANGE_FORM-action"
NOTE_MARKER = "NOTE-INTERNE-7Q2"


def a_full_report(client) -> Report:
    data = report_data(
        city="Pattaya", place_kind="accommodation", place_name="Hôtel Paradise", ongoing="unknown",
        children_count="2-3", children_ages=["6-11", "12-15"], children_sex="girls",
        suspects_nationality="DE", suspects_name="Herr Muster", reporter_name="Marie Dupont",
        reporter_email="marie@example.org", reporter_language="nl", consent="ecpat",
        keep_photo_place_time="on", date="2026-11-20",
    )  # fmt: skip
    response = client.post("/fr/signaler/", data)
    assert response.status_code == 302, response.content.decode()[:500]
    return Report.objects.get()


def test_the_report_page_shows_answers_in_words_by_section(client, officer, staff_login):
    report = a_full_report(client)
    assert "keep_photo_place_time" not in report.content  # a control, not an answer
    staff_login(officer)
    body = client.get(f"{QUEUE}{report.pk}/change/").content.decode()
    for raw in ["children_ages", "may_contact", "suspects_nationality", "['6-11'", "unknown"]:
        assert raw not in body, raw
    assert "6 à 11 ans, 12 à 15 ans" in body
    assert "Allemagne" in body  # the country in the reader's language
    assert "Je ne suis pas sûr·e" in body  # "still going on: I'm not sure", in words
    sections = [s for s in ["Où", "Quand", "Ce qui s", "Les enfants", "Vous"] if s in body]
    positions = [body.index(s) for s in sections]
    assert positions == sorted(positions)  # the form's order


def test_the_dossier_holds_no_internal_note_and_no_identity(client, officer, staff_login):
    report = a_full_report(client)
    report = claim_report(report, by=officer)
    add_note(report, by=officer, text=f"{NOTE_MARKER} suspect connu")
    staff_login(officer)
    body = client.get(f"{QUEUE}{report.pk}/dossier/").content.decode()
    assert NOTE_MARKER not in body
    assert "Marie Dupont" not in body
    assert "marie@example.org" not in body
    assert "passent par ECPAT" in body or "through ECPAT" in body
    assert "Hôtel Paradise" in body


def test_step_forms_start_from_the_current_values(client, officer, staff_login):
    report = claim_report(a_full_report(client), by=officer)
    first, second = Tag.objects.create(name="Pattaya"), Tag.objects.create(name="Hôtel")
    report.tags.add(first, second)
    set_priority(report, by=officer, priority=Report.Priority.HIGH)
    staff_login(officer)
    url = f"{QUEUE}{report.pk}/change/"
    tags = client.post(url, {ACTION: "set_tags", "_selected_action": report.pk}).content.decode()
    assert tags.count("checked") >= 2
    page = client.post(url, {ACTION: "change_priority", "_selected_action": report.pk})
    assert page.context["form"]["priority"].value() == Report.Priority.HIGH
    close = client.post(url, {ACTION: "close", "_selected_action": report.pk})
    assert 'value="forwarded"' not in close.content.decode()  # never forwarded


def test_forwarded_is_refused_as_an_outcome_of_a_report_never_forwarded(client, officer):
    from reports.errors import ReportError

    report = claim_report(a_full_report(client), by=officer)
    with pytest.raises(ReportError):
        close_report(report, by=officer, outcome="forwarded")


def test_the_timeline_says_what_changed(client, officer, staff_login):
    report = claim_report(a_full_report(client), by=officer)
    set_priority(report, by=officer, priority=Report.Priority.URGENT)
    staff_login(officer)
    body = client.get(f"{QUEUE}{report.pk}/change/").content.decode()
    assert "Normale → Urgente" in body or "Normal → Urgent" in body


def test_the_forwarding_keeps_its_time(client, officer, staff_login):
    report = claim_report(a_full_report(client), by=officer)
    staff_login(officer)
    when = timezone.localtime() - timedelta(hours=2)
    client.post(
        f"{QUEUE}{report.pk}/change/",
        {ACTION: "forward", "_selected_action": report.pk, "apply": "1",
         "authority": "federal_police", "reference": "PV 1", "language": "fr",
         "forwarded_at": when.strftime("%Y-%m-%dT%H:%M")},
    )  # fmt: skip
    report.refresh_from_db()
    assert report.status == Report.Status.FORWARDED
    assert abs((report.forwarded_at - when).total_seconds()) < 60  # not noon
    assert Message.objects.count() == 0
    forward_report  # noqa: B018 (the service the admin calls)
