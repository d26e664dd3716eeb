"""A code they cannot lose (a receipt page of its own, shown again for 10 minutes, saved as a
text file, printed), consent the reporter chooses and changes, the follow-up page, and the
content-free notice when ECPAT writes."""

import datetime
import re

import pytest
import time_machine
from django.core import mail
from django.test import Client

from reports.intake.services import find_report_by_code
from reports.models import Consent, Report, ReportEvent
from reports.triage.services import ask_reporter, claim_report, close_report, message_reporter
from tests.reporting import SECRET_TEXT, report_data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("opened_by_recovery_key")]

URL = "/fr/signaler/"
RECEIPT = "/fr/signaler/envoye/"
FOLLOW_UP = "/fr/suivi/"


def code_in(body: str) -> str:
    return re.search(r'id="follow-up-code">([0-9A-Z-]+)<', body).group(1)


def test_sending_redirects_to_a_receipt_that_a_reload_shows_again(client):
    response = client.post(URL, report_data())
    assert response.status_code == 302
    assert response["Location"] == RECEIPT
    first = client.get(RECEIPT)
    code = code_in(first.content.decode())
    report = Report.objects.get()
    assert find_report_by_code(code) == report
    # A phone reloading the tab, five minutes later: the same receipt.
    with time_machine.travel(datetime.timedelta(minutes=5)):
        again = client.get(RECEIPT).content.decode()
    assert code_in(again) == code
    assert report.reference in again
    assert "no-store" in first["Cache-Control"]


def test_the_code_is_kept_encrypted_and_dropped_after_ten_minutes(client):
    client.post(URL, report_data())
    code = code_in(client.get(RECEIPT).content.decode())
    stored = client.session["receipt"]
    assert code not in str(stored)
    assert client.cookies["sessionid"]["max-age"] == 600
    with time_machine.travel(datetime.timedelta(minutes=11)):
        body = client.get(RECEIPT).content.decode()
    assert code not in body
    assert 'id="follow-up-code"' not in body
    assert "10 minutes" in body
    assert "receipt" not in client.session


def test_another_browser_never_sees_the_receipt(client):
    client.post(URL, report_data())
    body = Client().get(RECEIPT).content.decode()
    assert 'id="follow-up-code"' not in body


def test_the_receipt_offers_copy_save_and_print_and_says_when_to_come_back(client):
    client.post(URL, report_data())
    body = client.get(RECEIPT).content.decode()
    assert 'id="copy-code"' in body
    assert 'id="print-receipt"' in body
    assert 'href="/fr/signaler/envoye/receipt.txt"' not in body or "download" in body
    assert "2 jours ouvrables" in body
    assert "ordinateur partagé" in body  # where (not) to keep it


def test_the_receipt_saves_as_a_text_file_with_reference_date_and_code(client):
    client.post(URL, report_data())
    code = code_in(client.get(RECEIPT).content.decode())
    response = client.get("/fr/signaler/envoye/recepisse.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    reference = Report.objects.get().reference
    assert f'filename="signalement-{reference}.txt"' in response["Content-Disposition"]
    text = response.content.decode()
    assert code in text
    assert reference in text
    assert "http://testserver/fr/suivi/" in text
    assert SECRET_TEXT not in text
    assert "no-store" in response["Cache-Control"]


def test_the_follow_up_page_helps_those_who_lost_their_code(client):
    body = client.get(FOLLOW_UP).content.decode()
    assert "Vous avez perdu votre code" in body
    assert "JDS-" in body


def test_the_reporter_chooses_the_police_may_contact_them(client):
    client.post(URL, report_data(consent="police", reporter_phone="+32 470 00 00 00"))
    assert Report.objects.get().consent == Consent.POLICE


def test_a_bad_email_with_consent_gives_one_clear_error(client):
    response = client.post(URL, report_data(consent="ecpat", reporter_email="marie@"))
    body = response.content.decode()
    assert Report.objects.count() == 0
    assert "adresse e-mail du type" in body
    assert "Pour être contacté·e, indiquez une adresse e-mail" not in body


def follow_up(client, code):
    client.post(FOLLOW_UP, {"action": "login", "code": code})
    return client


def sent(client, **extra) -> tuple[Report, str]:
    client.post(URL, report_data(**extra))
    return Report.objects.order_by("-pk").first(), code_in(client.get(RECEIPT).content.decode())


def test_the_follow_up_page_shows_dates_and_what_happens_next(client):
    _report, code = sent(client)
    body = follow_up(client, code).get(FOLLOW_UP).content.decode()
    assert "Envoyé le" in body
    assert "deux jours ouvrables" in body


def test_the_reporter_changes_their_consent_from_the_follow_up_page_dated(client):
    report, code = sent(client)
    follow_up(client, code)
    response = client.post(
        FOLLOW_UP,
        {"action": "consent", "consent-consent": "ecpat", "consent-reporter_email": "m@ex.org"},
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.consent == Consent.ECPAT
    assert report.consent_changed_at is not None
    assert report.content["reporter_email"] == "m@ex.org"
    event = report.events.get(kind=ReportEvent.Kind.CONSENT)
    assert event.change() == (
        "Rester anonyme ; répondre par la page de suivi → ECPAT peut me contacter"
    )
    # Being contacted without any way to be reached is refused.
    client = Client()
    _report2, code2 = sent(client)
    follow_up(client, code2)
    response = client.post(FOLLOW_UP, {"action": "consent", "consent-consent": "police"})
    assert response.status_code == 200
    assert "Pour être contacté·e, indiquez une adresse e-mail" in response.content.decode()


def test_a_notice_without_content_goes_when_ecpat_writes_to_a_reporter_who_asked(
    client, officer, django_capture_on_commit_callbacks
):
    report, code = sent(
        client, consent="ecpat", reporter_email="marie@example.org", notify_by_email="on"
    )
    with django_capture_on_commit_callbacks(execute=True):
        report = claim_report(report, by=officer)
        ask_reporter(report, by=officer, question="Quel âge avait l'enfant ?")
    assert len(mail.outbox) == 1
    notice = mail.outbox[0]
    assert notice.to == ["marie@example.org"]
    assert "suivi" in notice.body
    for secret in [code, report.reference, SECRET_TEXT, "Quel âge"]:
        assert secret not in notice.body
        assert secret not in notice.subject
    with django_capture_on_commit_callbacks(execute=True):
        message_reporter(report, by=officer, text="Merci.")
        close_report(report, by=officer, outcome="not_enough")
    assert len(mail.outbox) == 3


def test_no_notice_for_a_reporter_who_did_not_ask_or_stopped_them(
    client, officer, django_capture_on_commit_callbacks
):
    report, _code = sent(client, consent="ecpat", reporter_email="marie@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        ask_reporter(claim_report(report, by=officer), by=officer, question="?")
    assert mail.outbox == []
    report2, code2 = sent(
        client, consent="ecpat", reporter_email="jan@example.org", notify_by_email="on"
    )
    other = Client()
    follow_up(other, code2).post(FOLLOW_UP, {"action": "consent", "consent-consent": "ecpat"})
    with django_capture_on_commit_callbacks(execute=True):
        ask_reporter(claim_report(report2, by=officer), by=officer, question="?")
    assert mail.outbox == []


def test_a_notice_needs_an_email_address(client):
    response = client.post(URL, report_data(notify_by_email="on", reporter_phone="0470"))
    assert Report.objects.count() == 0
    assert "Pour être prévenu·e par e-mail" in response.content.decode()
