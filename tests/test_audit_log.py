"""The audit log is readable: translated actions and sentences, local time, one view per
person per report per 30 minutes, a link to the report, filters, and an audited CSV export."""

import csv
import html
import io
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest
import time_machine
from django.contrib.sessions.backends.db import SessionStore
from django.test import RequestFactory

from reports.audit import signals
from reports.audit.services import audit
from reports.intake.services import submit_report
from reports.models import AuditEntry, Report, Tag
from reports.referrals.services import forward_report
from reports.triage import services as triage
from staff.accounts import invite_staff
from staff.verification import verified_session_data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("opened_by_recovery_key")]

LOG = "/{lang}/admin/reports/auditentry/"
EXPORT = "/{lang}/admin/reports/auditentry/export.csv"
REPORT_CONTENT = "Texte secret du signalement, jamais dans le journal"


def new_report() -> Report:
    receipt = submit_report(
        location="abroad", country="TH", place_kind="bar",
        content={"description": REPORT_CONTENT}, upload_token="none",
    )  # fmt: skip
    return Report.objects.get(reference=receipt.reference)


def log_page(client, lang="fr", query="") -> str:
    response = client.get(LOG.format(lang=lang) + query)
    assert response.status_code == 200
    return response.content.decode()


def a_worked_report(officer, supervisor, make_staff) -> Report:
    """A report claimed, reprioritised, tagged, noted, handed over, forwarded and closed."""
    report = new_report()
    triage.claim_report(report, by=officer)
    triage.set_priority(report, by=officer, priority=Report.Priority.URGENT)
    triage.set_tags(report, by=officer, tags=[Tag.objects.create(name="Bangkok")])
    triage.add_note(report, by=officer, text="Note interne très confidentielle")
    triage.hand_over_reports([report], by=supervisor, to=make_staff("officer2", "Triage officer"))
    forward_report(report, by=supervisor, authority="federal_police")
    triage.close_report(report, by=supervisor, outcome="forwarded")
    return report


# --- Translated actions and details ---------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "action", "sentences"),
    [
        ("fr", "A modifié un signalement", [
            "Pris en charge", "Priorité : Normale → Urgente", "Étiquettes : Bangkok",
            "Note interne ajoutée", "Confié à officer2", "Transmis à : Police fédérale",
            "Clôturé : Transmis",
        ]),
        ("nl", "Heeft een melding gewijzigd", [
            "In behandeling genomen", "Prioriteit: Normaal → Dringend", "Labels: Bangkok",
            "Interne notitie toegevoegd", "Overgedragen aan officer2",
            "Doorgegeven aan: Federale Politie", "Afgesloten: Doorgegeven",
        ]),
        ("en", "Changed a report", [
            "Claimed", "Priority: Normal → Urgent", "Tags: Bangkok", "Internal note added",
            "Handed over to officer2", "Forwarded to: Federal Police", "Closed: Forwarded",
        ]),
    ],
)  # fmt: skip
def test_it_says_what_changed_in_the_admins_language(
    client, staff_login, officer, supervisor, make_staff, lang, action, sentences
):
    a_worked_report(officer, supervisor, make_staff)
    staff_login(supervisor)
    body = log_page(client, lang, "?action__exact=change")
    assert action in body
    for sentence in sentences:
        assert sentence in body, sentence
    for code in ["handed_over", "priority", "forwarded"]:
        assert f">{code}<" not in body


def test_it_never_puts_report_content_in_the_audit(officer, supervisor, make_staff):
    report = a_worked_report(officer, supervisor, make_staff)
    asked = triage.claim_report(new_report(), by=officer)
    triage.ask_reporter(asked, by=officer, question="Quelle heure exactement ?")
    assert AuditEntry.objects.filter(report=report).count() == 7
    for entry in AuditEntry.objects.all():
        stored = f"{entry.detail} {entry.data}"
        for secret in [REPORT_CONTENT, "Note interne très confidentielle", "Quelle heure"]:
            assert secret not in stored


def test_it_says_which_photo_was_opened(client, staff_login, supervisor):
    from reports.intake.uploads import accept_photos
    from tests import images

    accept_photos("tok", [images.upload()], keep_place_and_time=False)
    receipt = submit_report(
        location="belgium", country="BE", place_kind="bar", content={"description": "x" * 20},
        upload_token="tok",
    )  # fmt: skip
    report = Report.objects.get(reference=receipt.reference)
    photo = report.photos.get()
    staff_login(supervisor)
    client.get(f"/fr/admin/reports/report/{report.pk}/photo/{photo.pk}/")
    assert f"Photo {photo.pk} ouverte" in log_page(client, "fr")
    assert f"Foto {photo.pk} geopend" in log_page(client, "nl")


def _signed_in_request(user):
    request = RequestFactory().get("/")
    request.user = user
    request.session = SessionStore()
    request.session.update(verified_session_data(user))
    return request


@pytest.mark.parametrize(
    ("lang", "sentences"),
    [
        ("fr", [
            "Connexion (mot de passe + application d'authentification)",
            "Échec de connexion (mot de passe)",
            "Échec de connexion (application d'authentification)",
            "Ajout : application d'authentification",
            "Compte invité : nina (Chargé·e du tri)",
        ]),
        ("nl", [
            "Aangemeld (wachtwoord + authenticator-app)",
            "Mislukte aanmelding (wachtwoord)",
            "Mislukte aanmelding (authenticator-app)",
            "Toegevoegd: authenticator-app",
            "Personeelsaccount uitgenodigd: nina (Triagemedewerker)",
        ]),
        ("en", [
            "Signed in (password + authenticator app)",
            "Failed sign-in (password)",
            "Failed sign-in (authenticator app)",
            "Added: authenticator app",
            "Staff account invited: nina (Triage officer)",
        ]),
    ],
)  # fmt: skip
def test_it_says_how_staff_signed_in_and_what_changed_in_their_accounts(
    client, staff_login, officer, supervisor, lang, sentences, django_capture_on_commit_callbacks
):
    totp = SimpleNamespace(type="totp")
    signals.logged_in(None, _signed_in_request(officer), officer)
    signals.login_failed(None, {"username": "officer"})
    signals.second_factor_failed(None, None, officer, totp)
    signals.authenticator_added(None, None, officer, totp)
    with django_capture_on_commit_callbacks(execute=True):
        invite_staff(
            by=supervisor, username="nina", email="nina@example.org", role="Triage officer"
        )
    staff_login(supervisor)
    body = html.unescape(log_page(client, lang))
    for sentence in sentences:
        assert sentence in body, sentence
    for code in ["second factor: totp", "added: totp", "invited: nina Triage officer"]:
        assert code not in body


def test_it_shows_an_old_entry_as_it_was_written(client, staff_login, supervisor):
    AuditEntry.objects.create(username="old", action="change", detail="something_unknown 7")
    staff_login(supervisor)
    assert "something_unknown 7" in log_page(client)


# --- Local time -----------------------------------------------------------------------------


@time_machine.travel(datetime(2026, 7, 14, 8, 5, tzinfo=UTC), tick=False)
def test_it_shows_local_time_in_the_list_and_on_the_detail_page(client, staff_login, supervisor):
    entry = audit(supervisor, AuditEntry.Action.DOSSIER, new_report())
    staff_login(supervisor)
    listing = log_page(client)
    detail = client.get(f"{LOG.format(lang='fr')}{entry.pk}/change/").content.decode()
    for body in [listing, detail]:
        assert "10:05" in body  # Brussels, summer time
        assert "08:05" not in body


# --- One view per person per report per 30 minutes ------------------------------------------


def test_it_records_one_view_per_person_per_report_per_30_minutes(
    client, staff_login, officer, supervisor
):
    report, other = new_report(), new_report()
    page = f"/fr/admin/reports/report/{report.pk}/change/"
    views = AuditEntry.objects.filter(action="view_report")
    start = datetime(2026, 7, 14, 8, 0, tzinfo=UTC)
    with time_machine.travel(start, tick=False) as clock:
        staff_login(officer)
        for _ in range(3):
            assert client.get(page).status_code == 200
        assert views.count() == 1
        clock.shift(timedelta(minutes=29))
        client.get(page)
        assert views.count() == 1
        client.get(f"/fr/admin/reports/report/{other.pk}/change/")
        assert views.filter(report=other).count() == 1
        staff_login(supervisor)
        client.get(page)
        assert views.filter(report=report, user=supervisor).count() == 1
        clock.shift(timedelta(minutes=2))  # 31 minutes after the officer's first view
        staff_login(officer)
        client.get(page)
    assert views.filter(report=report, user=officer).count() == 2


def test_a_step_that_reloads_the_report_page_logs_no_new_view(client, staff_login, officer):
    report = new_report()
    page = f"/fr/admin/reports/report/{report.pk}/change/"
    staff_login(officer)
    client.get(page)
    client.post(page, {"CHANGE_FORM-action": "claim", "_selected_action": report.pk}, follow=True)
    actions = list(AuditEntry.objects.filter(report=report).values_list("action", flat=True))
    assert sorted(actions) == ["change", "view_report"]


# --- Link, filters ----------------------------------------------------------------------------


def test_it_links_each_entry_to_its_report(client, staff_login, officer, supervisor):
    report = new_report()
    triage.claim_report(report, by=officer)
    audit(officer, AuditEntry.Action.LOGIN)
    staff_login(supervisor)
    body = log_page(client)
    link = f'href="/fr/admin/reports/report/{report.pk}/change/"'
    assert body.count(link) == 1
    entry = AuditEntry.objects.get(action="change")
    detail = client.get(f"{LOG.format(lang='fr')}{entry.pk}/change/").content.decode()
    assert link in detail


def test_it_shows_a_purged_reports_reference_without_a_link(client, staff_login, supervisor):
    AuditEntry.objects.create(username="x", action="view_report", report_reference="JDS-GONE-0001")
    staff_login(supervisor)
    body = log_page(client)
    assert "JDS-GONE-0001" in body
    assert "/admin/reports/report/None" not in body


def test_it_filters_by_report_and_by_person(client, staff_login, officer, supervisor):
    first, second = new_report(), new_report()
    triage.claim_report(first, by=officer)
    triage.claim_report(second, by=supervisor)
    staff_login(supervisor)
    body = log_page(client, query=f"?report={first.reference}")
    assert first.reference in body
    assert second.reference not in body
    body = log_page(client, query=f"?user__id__exact={supervisor.pk}")
    assert second.reference in body
    assert first.reference not in body
    everything = log_page(client)
    assert 'name="report"' in everything  # the reference box
    assert f"?user__id__exact={officer.pk}" in everything
    assert "?created_at__year=" in everything  # the date hierarchy stays


def test_the_list_costs_the_same_queries_for_3_and_30_entries(
    client, staff_login, officer, supervisor
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            log_page(client)
        return len(captured)

    report = new_report()
    staff_login(supervisor)
    for _ in range(3):
        triage.set_priority(report, by=officer, priority=Report.Priority.URGENT)
    queries()  # the session's first page does its own bookkeeping
    few = queries()
    for _ in range(27):
        triage.set_priority(report, by=officer, priority=Report.Priority.LOW)
    assert queries() == few


# --- The CSV export -------------------------------------------------------------------------


def _rows(response) -> list[list[str]]:
    raw = b"".join(response.streaming_content) if response.streaming else response.content
    assert raw.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))


def test_it_exports_the_filtered_list_as_csv_and_audits_the_export(
    client, staff_login, officer, supervisor
):
    first, second = new_report(), new_report()
    with time_machine.travel(datetime(2026, 1, 10, 9, 30, tzinfo=UTC), tick=False):
        triage.set_priority(first, by=officer, priority=Report.Priority.URGENT)
        triage.claim_report(second, by=officer)
    staff_login(supervisor)
    response = client.get(EXPORT.format(lang="nl") + f"?report={first.reference}")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    header, *rows = _rows(response)
    assert header == ["wanneer", "wie", "wat", "melding", "detail"]
    assert rows == [
        ["2026-01-10 10:30:00", "officer", "Heeft een melding gewijzigd", first.reference,
         "Prioriteit: Normaal → Dringend"],
    ]  # fmt: skip
    export = AuditEntry.objects.get(action="export_audit")
    assert (export.user, export.report) == (supervisor, None)
    assert export.data["rows"] == 1
    assert "Auditlogboek geëxporteerd: 1 regel" in log_page(client, "nl")


def test_the_csv_is_in_the_admins_language_and_disarms_formulas(client, staff_login, supervisor):
    signals.login_failed(None, {"username": "=HYPERLINK(1)"})
    staff_login(supervisor)
    header, *rows = _rows(client.get(EXPORT.format(lang="fr")))
    assert header == ["quand", "qui", "quoi", "signalement", "détail"]
    [row] = [row for row in rows if "HYPERLINK" in row[1]]
    assert row[1] == "'=HYPERLINK(1)"
    assert row[2:] == ["Échec de connexion", "", "Échec de connexion (mot de passe)"]


def test_the_list_offers_the_export_of_what_it_shows(client, staff_login, supervisor):
    staff_login(supervisor)
    body = log_page(client, query="?action__exact=login")
    assert "export.csv?action__exact=login" in body


def test_only_those_who_read_the_audit_log_export_it(client, staff_login, officer, editor):
    for person in [officer, editor]:
        staff_login(person)
        assert client.get(EXPORT.format(lang="fr")).status_code == 404
        assert client.post(EXPORT.format(lang="fr")).status_code == 404
    assert not AuditEntry.objects.filter(action="export_audit").exists()


def test_no_one_changes_or_deletes_an_entry_superusers_included(
    client, staff_login, django_user_model
):
    root = django_user_model.objects.create_superuser("root", "root@example.org", "pw")
    entry = audit(root, AuditEntry.Action.LOGIN, data={"methods": ["password"]})
    staff_login(root)
    page = client.get(f"{LOG.format(lang='fr')}{entry.pk}/change/").content.decode()
    assert 'name="_save"' not in page
    assert client.get(f"{LOG.format(lang='fr')}add/").status_code == 403
    assert client.get(f"{LOG.format(lang='fr')}{entry.pk}/delete/").status_code == 403
