"""A dossier names the reporter only with the consent in force when it is made, and only to
the police. The audit forwarded a report with consent "police", had the reporter choose
"anonymous" on the follow-up page, and the dossier made after that still printed their name
and email, in the HTML and in the PDF."""

import io

import pytest
import time_machine
from pypdf import PdfReader

from reports.intake.services import change_consent
from reports.models import Authority, Consent, Referral, Report
from reports.referrals import dossier
from reports.referrals.services import forward_report
from reports.triage.services import claim_report
from tests.reporting import report_data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("opened_by_recovery_key")]

NAME, EMAIL = "Marie Dupont", "marie@example.org"


def a_report(client, consent) -> Report:
    client.post(
        "/fr/signaler/",
        report_data(reporter_name=NAME, reporter_email=EMAIL, consent=consent),
    )
    return Report.objects.order_by("-pk").first()


def forwarded(client, officer, consent, authority=Authority.FEDERAL_POLICE) -> Referral:
    report = claim_report(a_report(client, consent), by=officer)
    forward_report(report, by=officer, authority=authority, authority_name="Royal Thai Police")
    return Referral.objects.get(report=report)


def pdf_text(referral) -> str:
    return "".join(p.extract_text() for p in PdfReader(io.BytesIO(dossier.pdf(referral))).pages)


def fresh(referral) -> Referral:
    return Referral.objects.select_related("report").get(pk=referral.pk)


def test_a_dossier_made_after_consent_is_withdrawn_names_nobody(client, officer):
    referral = forwarded(client, officer, Consent.POLICE)
    assert NAME in dossier.html(referral)
    change_consent(referral.report, consent=Consent.ANONYMOUS)
    referral = fresh(referral)
    for text in (dossier.html(referral), pdf_text(referral)):
        assert NAME not in text
        assert EMAIL not in text
    assert "Ce dossier ne nomme pas la personne qui signale" in dossier.html(referral)


def test_a_dossier_made_after_consent_is_raised_to_the_police_names_them(client, officer):
    referral = forwarded(client, officer, Consent.ANONYMOUS)
    assert NAME not in dossier.html(referral)
    change_consent(referral.report, consent=Consent.POLICE)
    referral = fresh(referral)
    assert NAME in dossier.html(referral)
    assert EMAIL in pdf_text(referral)


@pytest.mark.parametrize(
    ("authority", "named"),
    [
        (Authority.FEDERAL_POLICE, True),
        (Authority.FOREIGN, True),
        (Authority.CHILD_FOCUS, False),
        (Authority.ECPAT_MEMBER, False),
        (Authority.OTHER, False),
    ],
)
def test_the_police_may_contact_me_names_the_reporter_to_the_police_only(
    client, officer, authority, named
):
    referral = forwarded(client, officer, Consent.POLICE, authority)
    assert (NAME in dossier.html(referral)) is named
    assert (EMAIL in pdf_text(referral)) is named


def test_the_referral_shows_staff_that_consent_changed_after_it_was_sent(
    client, officer, staff_login
):
    with time_machine.travel("2026-12-01 10:00Z"):
        referral = forwarded(client, officer, Consent.POLICE)
    with time_machine.travel("2026-12-03 15:30Z"):
        change_consent(referral.report, consent=Consent.ANONYMOUS)
    staff_login(officer)
    page = client.get(f"/en/admin/reports/report/{referral.report.pk}/change/")
    body = " ".join(page.content.decode().split())
    assert "The reporter's consent changed after this referral was sent" in body
    assert "Dec. 3, 2026" in body
    assert "The police may contact me directly" in body
    assert "Stay anonymous" in body
