"""Tags, hand-over, reports entered by staff, the dossier, statistics, retention, reminders."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from reports.errors import ReportError
from reports.intake.services import submit_report
from reports.models import AuditEntry, Message, Outcome, Report, ReportPhoto, ReportStatistic, Tag
from reports.notifications import remind_overdue
from reports.referrals.services import forward_report
from reports.retention.services import purge_closed_reports
from reports.triage.services import (
    ask_reporter,
    claim_report,
    close_report,
    hand_over_reports,
    set_tags,
)
from tests import images

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("opened_by_recovery_key")]
QUEUE = "/fr/admin/reports/report/"


def report(token="none", **content):
    receipt = submit_report(
        location="abroad", country="PH", place_kind="bar",
        content={"description": "Contenu très secret", **content}, upload_token=token,
    )  # fmt: skip
    return Report.objects.get(reference=receipt.reference)


def test_tags_group_reports_and_filter_the_queue(client, officer, staff_login):
    tag = Tag.objects.create(name="Pattaya")
    tagged, other = report(), report()
    set_tags(tagged, by=officer, tags=[tag])
    staff_login(officer)
    body = client.get(f"{QUEUE}?tag={tag.pk}").content.decode()
    assert tagged.reference in body
    assert other.reference not in body
    assert tagged.events.filter(kind="tags").exists()


def test_only_supervisors_define_tags(client, officer, supervisor, staff_login):
    staff_login(officer)
    assert client.get("/fr/admin/reports/tag/add/").status_code == 404  # no oracle
    staff_login(supervisor)
    assert client.get("/fr/admin/reports/tag/add/").status_code == 200


def test_a_supervisor_hands_an_absent_officers_reports_over(make_staff, officer, supervisor):
    colleague = make_staff("colleague", "Triage officer")
    mine = [claim_report(report(), by=officer) for _ in range(3)]
    count = hand_over_reports(mine, by=supervisor, to=colleague)
    assert count == 3
    assert set(Report.objects.values_list("assigned_to__username", flat=True)) == {"colleague"}
    with pytest.raises(ReportError):
        hand_over_reports(mine, by=officer, to=colleague)


def test_hand_over_from_the_queue(make_staff, client, officer, supervisor, staff_login):
    colleague = make_staff("colleague", "Triage officer")
    r = claim_report(report(), by=officer)
    staff_login(supervisor)
    page = client.post(QUEUE, {"action": "hand_over", "_selected_action": [r.pk]})
    assert 'name="officer"' in page.content.decode()
    client.post(QUEUE, {"action": "hand_over", "_selected_action": [r.pk], "apply": "1",
                        "officer": colleague.pk})  # fmt: skip
    r.refresh_from_db()
    assert r.assigned_to == colleague


def test_staff_enter_a_report_received_by_phone(client, officer, staff_login):
    staff_login(officer)
    response = client.post(
        f"{QUEUE}enter/",
        {"channel": "phone", "received_at": "2026-11-30T21:15", "location": "abroad",
         "country": "KE", "place_kind": "street", "description": "Appel d'un voyageur",
         "children_ages": ["6-11"], "suspects_name": "Herr Muster",
         "photos": [images.upload("appel.jpg")]},
    )  # fmt: skip
    entered = Report.objects.get()
    assert response.status_code == 302
    assert entered.channel == "phone"
    assert entered.content["description"] == "Appel d'un voyageur"
    assert entered.content["children_ages"] == ["6-11"]  # the public form's schema
    assert entered.photos.count() == 1  # attachments
    assert (entered.assigned_to, entered.status) == (officer, "assessing")
    assert timezone.localtime(entered.received_at).strftime("%H:%M") == "21:15"
    assert not entered.follow_up_possible
    assert AuditEntry.objects.filter(report=entered, detail="entered (phone)").exists()
    with pytest.raises(ReportError, match="code"):
        ask_reporter(entered, by=officer, question="Où ?")


def test_a_caller_given_a_code_follows_the_report_up(client, officer, staff_login):
    staff_login(officer)
    page = client.post(
        f"{QUEUE}enter/",
        {"channel": "phone", "received_at": "2026-11-30T21:15", "location": "belgium",
         "description": "Appel", "with_code": "on"},
    )  # fmt: skip
    code = page.context["receipt"].code
    entered = Report.objects.get()
    assert entered.follow_up_possible
    ask_reporter(entered, by=officer, question="Quel hôtel ?")
    caller = client.__class__()
    caller.post("/fr/suivi/", {"action": "login", "code": code})
    assert "Quel hôtel ?" in caller.get("/fr/suivi/").content.decode()


def test_the_dossier_is_printable_and_audited(client, officer, staff_login, editor):
    from reports.intake.uploads import accept_photos

    accept_photos("tok", [images.upload()], keep_place_and_time=False)
    r = report(token="tok")
    url = f"{QUEUE}{r.pk}/dossier/"
    staff_login(editor)
    assert client.get(url).status_code == 404
    staff_login(officer)
    assert client.get(url).status_code == 403  # nobody holds it yet
    claim_report(r, by=officer)
    body = client.get(url).content.decode()
    assert "CONFIDENTIEL" in body
    assert "Contenu très secret" in body
    assert f"{QUEUE}{r.pk}/photo/" in body
    assert AuditEntry.objects.filter(action="dossier", report=r).count() == 1


def test_statistics_for_supervisors_only_and_without_content(
    client, officer, supervisor, staff_login
):
    a = claim_report(report(), by=officer)
    forward_report(a, by=officer, authority="federal_police")
    close_report(report(), by=officer, outcome=Outcome.SPAM)
    staff_login(officer)
    assert client.get(f"{QUEUE}statistics/").status_code == 403
    staff_login(supervisor)
    page = client.get(f"{QUEUE}statistics/").content.decode()
    assert "<svg" in page
    assert "Philippines" in page
    csv_text = client.get(f"{QUEUE}statistics.csv").content.decode("utf-8-sig")
    assert "Reçus par mois" in csv_text
    assert "Philippines;2" in csv_text
    assert "secret" not in csv_text.lower()


def test_closed_reports_are_purged_after_the_retention_period(
    officer, django_capture_on_commit_callbacks
):
    from reports.intake.uploads import accept_photos

    accept_photos("tok", [images.upload()], keep_place_and_time=False)
    r = report(token="tok")
    ask_reporter(claim_report(r, by=officer), by=officer, question="?")
    photo_path = ReportPhoto.objects.get().file.path
    with time_machine.travel(timezone.now() - timedelta(days=400)):
        close_report(r, by=officer, outcome=Outcome.NOT_ENOUGH)
    recent = close_report(report(), by=officer, outcome=Outcome.SPAM)

    with django_capture_on_commit_callbacks(execute=True):
        assert purge_closed_reports(older_than_days=365) == 1
    assert not Report.objects.filter(pk=r.pk).exists()
    assert Report.objects.filter(pk=recent.pk).exists()
    assert not Message.objects.exists()
    import os

    assert not os.path.exists(photo_path)
    stat = ReportStatistic.objects.get()
    assert (stat.location, stat.country, stat.outcome) == ("abroad", "PH", "not_enough")
    trail = AuditEntry.objects.filter(report_reference=r.reference)
    assert trail.exists()
    assert trail.first().report is None


def test_nothing_to_remind_sends_nothing(mailoutbox):
    report()
    assert remind_overdue() == 0
    assert mailoutbox == []
