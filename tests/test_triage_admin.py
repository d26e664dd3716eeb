"""The triage workplace in the admin: the queue, the report page, the steps, the audit."""

from datetime import timedelta

import pytest
from django.utils import timezone

from encryption.fields import Ciphertext
from reports.intake.services import submit_report
from reports.models import AuditEntry, Message, Report
from reports.triage import clocks
from reports.triage.services import claim_report
from tests import images

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("opened_by_recovery_key")]

QUEUE = "/fr/admin/reports/report/"
ACTION = "CHANGE_FORM-action"


def new_report(**kwargs):
    # A report's reference is bound into what is sealed to it: it is chosen before sending.
    field = Report._meta.get_field("reference")
    default = field.default
    if "reference" in kwargs:
        field.default = kwargs.pop("reference").__str__
        field.__dict__.pop("_get_default", None)  # Django keeps the default's function
    try:
        receipt = submit_report(
            location=kwargs.pop("location", "abroad"), country=kwargs.pop("country", "TH"),
            place_kind="bar", content={"description": "Texte secret du signalement"},
            upload_token=kwargs.pop("token", "none"),
        )  # fmt: skip
    finally:
        field.default = default
        field.__dict__.pop("_get_default", None)
    report = Report.objects.get(reference=receipt.reference)
    if kwargs:
        Report.objects.filter(pk=report.pk).update(**kwargs)
        report.refresh_from_db()
        clocks.refresh(report)  # as the step that changed it would have
    return report


def test_the_queue_opens_on_open_reports_most_urgent_first(client, staff_login, officer):
    old = new_report(received_at=timezone.now() - timedelta(days=3))
    urgent = new_report(priority=Report.Priority.URGENT)
    closed = new_report(status=Report.Status.CLOSED)
    staff_login(officer)
    body = client.get(QUEUE).content.decode()
    assert urgent.reference in body
    assert old.reference in body
    assert closed.reference not in body
    assert body.index(urgent.reference) < body.index(old.reference)
    assert "overdue" in body or "en retard" in body


# Session, user, permissions (2), countries, tags, the number of results, the page of
# reports, and one aggregate per counted filter (6: the admin's own facet counts, see
# tests/test_queue_counts.py; the tag filter has no tag here).
QUEUE_QUERIES = 14


def test_the_queue_costs_the_same_queries_for_10_and_1000_reports(
    client, staff_login, officer, django_assert_num_queries
):
    staff_login(officer)
    for _ in range(10):
        new_report()
    client.get(QUEUE)
    with django_assert_num_queries(QUEUE_QUERIES):
        client.get(QUEUE)
    Report.objects.bulk_create(
        [Report(reference=f"JDS-BULK-{i:04d}", location="belgium", country="BE",
                content=Ciphertext(""), code_lookup=f"bulk{i}", code_hash="x") for i in range(990)]
    )  # fmt: skip
    assert Report.objects.count() == 1000
    with django_assert_num_queries(QUEUE_QUERIES):
        response = client.get(QUEUE)
    assert response.status_code == 200


def test_the_country_filter_offers_each_country_in_use_once(client, staff_login, officer):
    for country in ["TH", "KE", "TH", "PH", "KE"]:
        new_report(country=country)
    new_report(location="belgium", country="")
    assert Report.objects.countries_in_use() == ["KE", "PH", "TH"]
    staff_login(officer)
    body = client.get(QUEUE).content.decode()
    offered = [code for code in ["KE", "PH", "TH", "BE", "FR"] if f"country={code}" in body]
    assert offered == ["KE", "PH", "TH"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [("assigned=me", {"mine"}), ("assigned=nobody", {"free", "old"}), ("overdue=yes", {"old"}),
     ("country=KE", {"free"}), ("queue=all", {"mine", "free", "old", "done"}),
     ("q=JDS-FREE-0001", {"free"})],
)  # fmt: skip
def test_the_queue_filters(client, staff_login, officer, query, expected):
    refs = {
        "mine": new_report(reference="JDS-MINE-0001"),
        "free": new_report(reference="JDS-FREE-0001", country="KE"),
        "old": new_report(
            reference="JDS-OLDS-0001", received_at=timezone.now() - timedelta(days=5)
        ),
        "done": new_report(reference="JDS-DONE-0001", status=Report.Status.CLOSED),
    }
    claim_report(refs["mine"], by=officer)
    staff_login(officer)
    body = client.get(f"{QUEUE}?{query}").content.decode()
    shown = {key for key, report in refs.items() if report.reference in body}
    assert shown == expected


def test_opening_a_report_shows_its_content_and_is_audited(client, staff_login, officer):
    report = new_report()
    staff_login(officer)
    body = client.get(f"{QUEUE}{report.pk}/change/").content.decode()
    assert "Texte secret du signalement" in body
    entry = AuditEntry.objects.get(action="view_report")
    assert (entry.user, entry.report) == (officer, report)


def test_photos_are_served_only_through_the_audited_view(client, staff_login, officer, editor):
    from reports.intake.uploads import accept_photos

    accept_photos("tok", [images.upload()], keep_place_and_time=False)
    report = new_report(token="tok")
    photo = report.photos.get()
    url = f"{QUEUE}{report.pk}/photo/{photo.pk}/"
    other = new_report()
    staff_login(editor)
    assert client.get(url).status_code == 404
    staff_login(officer)
    assert client.get(f"{QUEUE}{other.pk}/photo/{photo.pk}/").status_code == 404
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert "no-store" in response["Cache-Control"]
    assert response.content.startswith(b"\xff\xd8")
    assert AuditEntry.objects.filter(action="view_photo", report=report).count() == 1


def test_an_officer_claims_asks_and_closes_from_the_report_page(client, staff_login, officer):
    report = new_report()
    url = f"{QUEUE}{report.pk}/change/"
    staff_login(officer)
    client.post(url, {ACTION: "claim", "_selected_action": report.pk})
    report.refresh_from_db()
    assert report.status == Report.Status.ASSESSING
    assert report.assigned_to == officer

    page = client.post(url, {ACTION: "ask", "_selected_action": report.pk})
    assert page.status_code == 200
    assert 'name="question"' in page.content.decode()
    client.post(url, {ACTION: "ask", "_selected_action": report.pk, "apply": "1",
                      "question": "Pouvez-vous préciser l'heure ?"})  # fmt: skip
    report.refresh_from_db()
    assert report.status == Report.Status.WAITING
    assert Message.objects.get(report=report).body == "Pouvez-vous préciser l'heure ?"

    client.post(url, {ACTION: "close", "_selected_action": report.pk, "apply": "1",
                      "outcome": "not_enough"})  # fmt: skip
    report.refresh_from_db()
    assert (report.status, report.outcome) == (Report.Status.CLOSED, "not_enough")


def test_a_refused_step_says_why(make_staff, client, staff_login, officer):
    report = new_report()
    claim_report(report, by=make_staff("colleague", "Triage officer"))
    staff_login(officer)
    response = client.post(
        f"{QUEUE}{report.pk}/change/", {ACTION: "claim", "_selected_action": report.pk}, follow=True
    )
    assert "colleague" in response.content.decode()
    report.refresh_from_db()
    assert report.assigned_to.username == "colleague"


def test_editors_and_anonymous_cannot_reach_reports(client, editor, staff_login):
    report = new_report()
    for url in [QUEUE, f"{QUEUE}{report.pk}/change/"]:
        assert client.get(url).status_code == 302  # to the login page
    staff_login(editor)
    for url in [QUEUE, f"{QUEUE}{report.pk}/change/", "/fr/admin/reports/auditentry/"]:
        assert client.get(url).status_code == 404
    assert "Signalements" not in client.get("/fr/admin/").content.decode()


def test_only_supervisors_read_the_audit_log(client, staff_login, officer, supervisor):
    staff_login(officer)
    assert client.get("/fr/admin/reports/auditentry/").status_code == 404
    staff_login(supervisor)
    assert client.get("/fr/admin/reports/auditentry/").status_code == 200


def test_no_one_changes_or_deletes_audit_entries_in_the_admin(
    client, staff_login, django_user_model
):
    root = django_user_model.objects.create_superuser("root", "root@example.org", "pw")
    report = new_report()
    claim_report(report, by=root)
    entry = AuditEntry.objects.get()
    staff_login(root)
    assert client.get(f"/fr/admin/reports/auditentry/{entry.pk}/delete/").status_code == 403
    response = client.post(f"/fr/admin/reports/auditentry/{entry.pk}/change/", {"detail": "x"})
    assert response.status_code == 403
    assert AuditEntry.objects.get(pk=entry.pk).detail == "claimed"


@pytest.mark.parametrize("action", ["claim", "ask", "note", "change_priority", "forward", "close"])
def test_an_editor_cannot_run_a_step(client, editor, action, staff_login):
    report = new_report()
    staff_login(editor)
    response = client.post(
        f"{QUEUE}{report.pk}/change/", {ACTION: action, "_selected_action": report.pk}
    )
    assert response.status_code == 404
    report.refresh_from_db()
    assert report.status == Report.Status.NEW


def test_an_officer_without_the_second_factor_reaches_nothing(client, officer):
    report = new_report()
    client.force_login(officer)
    for url in [QUEUE, f"{QUEUE}{report.pk}/change/", f"{QUEUE}{report.pk}/dossier/",
                f"{QUEUE}statistics/"]:  # fmt: skip
        response = client.get(url)
        assert response.status_code == 302
        assert "/staff/2fa/" in response["Location"]
    response = client.post(
        f"{QUEUE}{report.pk}/change/", {ACTION: "claim", "_selected_action": report.pk}
    )
    assert "/staff/2fa/" in response["Location"]
    report.refresh_from_db()
    assert report.assigned_to is None


def test_an_officer_cannot_hand_reports_over(make_staff, client, officer, staff_login):
    report = claim_report(new_report(), by=officer)
    other = make_staff("other", "Triage officer")
    staff_login(officer)
    client.post(QUEUE, {"action": "hand_over", "_selected_action": [report.pk], "apply": "1",
                        "officer": other.pk})  # fmt: skip
    report.refresh_from_db()
    assert report.assigned_to == officer


def test_internal_notes_never_reach_the_reporter(client, officer):
    from reports.triage.services import add_note

    receipt = submit_report(location="belgium", country="BE", place_kind="", content={},
                            upload_token="none")  # fmt: skip
    report = Report.objects.get(reference=receipt.reference)
    add_note(claim_report(report, by=officer), by=officer, text="Note interne confidentielle")
    client.post("/fr/suivi/", {"action": "login", "code": receipt.code})
    body = client.get("/fr/suivi/").content.decode()
    assert "Note interne confidentielle" not in body
    assert "En cours d&#x27;examen" in body or "En cours d'examen" in body
