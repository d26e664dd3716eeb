"""One case worked end to end (issue 14): a public report in French with every section and
a photo; the officer's admin in Dutch; claim, a note, a question and the reporter's answer;
a referral to the Federal Police and one to a foreign authority, each with its dossier as a
PDF in the recipient's language (no note, no name: the reporter did not agree); outcomes; a
plain message; close; the reporter reads the outcome."""

import io

import pytest
from django.contrib.auth.models import Group
from pypdf import PdfReader

from reports.models import Delivery, Referral, Report
from staff import keyring
from staff.authenticators import current_code, give_totp
from tests import images

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MARKER = "NOTITIE-7Z"
PASSWORD = "a long demo password"


def act(page, value: str, fill=None) -> None:
    """Run one step from the report page: choose it, confirm its form if it has one."""
    page.locator('select[name="CHANGE_FORM-action"]').select_option(value)
    with page.expect_navigation():
        page.locator(".actions button").first.click()
    if fill is not None:
        fill(page)
        with page.expect_navigation():
            page.click("input[type=submit].default")
    assert page.locator(".messagelist .error").count() == 0, page.locator(
        ".messagelist"
    ).inner_text()


def pdf_text(download, passphrase: str) -> str:
    with open(download.path(), "rb") as fh:
        reader = PdfReader(io.BytesIO(fh.read()))
    assert reader.is_encrypted  # by default, with the passphrase the page proposed
    reader.decrypt(passphrase)
    return "\n".join(p.extract_text() for p in reader.pages)


def test_a_case_from_the_public_form_to_two_authorities_and_back(
    browser, live_server, django_user_model, roles, settings
):
    settings.REPORT_MIN_FILL_SECONDS = 0
    officer = django_user_model.objects.create_user("officer", password=PASSWORD, is_staff=True)
    officer.groups.add(Group.objects.get(name="Triage officer"))
    keyring.make_key(officer, PASSWORD)  # on the team (signed in before) when reports arrive
    secret = give_totp(officer)

    # The reporter, in French.
    public = browser.new_context(locale="fr-BE")
    reporter = public.new_page()
    reporter.goto(f"{live_server.url}/fr/signaler/")
    reporter.check("#id_location_1")  # abroad
    reporter.select_option("#id_country", "TH")
    reporter.fill("#id_city", "Pattaya")
    reporter.select_option("#id_place_kind", "accommodation")
    reporter.fill("#id_place_name", "Hôtel Sunrise")
    reporter.fill("#id_description", "Un homme emmène une fillette dans sa chambre chaque soir.")
    reporter.check("input[name=children_ages][value='6-11']")
    reporter.fill("#id_suspects_name", "Herr Muster")
    reporter.fill("#id_reporter_name", "Marie Dupont")
    photo = {"name": "hotel.jpg", "mimeType": "image/jpeg", "buffer": images.photo_bytes()}
    reporter.set_input_files("#id_photos", files=[photo])
    with reporter.expect_navigation():
        reporter.locator("#report-form button[name=step][value=send]").click()
    code = reporter.locator("#follow-up-code").inner_text()
    report = Report.objects.get()
    assert report.photos.count() == 1

    # The officer, in Dutch.
    staff = browser.new_context(locale="nl-BE", accept_downloads=True)
    page = staff.new_page()
    page.goto(f"{live_server.url}/nl/admin/")
    page.fill("#id_login", "officer")
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.click("input[type=submit]")
    page.fill("#id_code", current_code(secret))
    with page.expect_navigation():
        page.press("#id_code", "Enter")
    page.goto(f"{live_server.url}/nl/admin/reports/report/{report.pk}/change/")
    assert "Hôtel Sunrise" in page.content()
    assert "Thailand" in page.content()  # the country in the reader's language (Dutch)
    act(page, "claim")
    act(page, "note", lambda p: p.fill("textarea[name=note]", f"{MARKER} eerder gezien"))
    act(page, "ask", lambda p: p.fill("textarea[name=question]", "Quel soir exactement ?"))

    # The reporter answers.
    reporter.goto(f"{live_server.url}/fr/suivi/")
    reporter.fill("#id_code", code)
    with reporter.expect_navigation():
        reporter.locator("form button[type=submit]").first.click()
    reporter.fill("#id_message", "Le samedi 14 novembre.")
    with reporter.expect_navigation():
        reporter.locator("form button[type=submit]", has_text="Envoyer").click()

    # Two referrals, each with its dossier in the recipient's language.
    page.reload()

    def police(p):
        p.select_option("select[name=authority]", "federal_police")
        p.fill("input[name=reference]", "PV-2026-123")
        p.select_option("select[name=language]", "fr")

    def foreign(p):
        p.select_option("select[name=authority]", "foreign")
        p.fill("input[name=authority_name]", "Royal Thai Police")
        p.select_option("select[name=language]", "en")

    act(page, "forward", police)
    act(page, "forward", foreign)
    first, second = Referral.objects.order_by("pk")
    texts = {}
    for referral in (first, second):
        page.fill(f"#r{referral.pk}-recipient", referral.get_authority_display())
        proposed = page.input_value(f"#r{referral.pk}-passphrase")
        with page.expect_download() as info:
            page.locator(f"button[name='r{referral.pk}-kind'][value=pdf]").click()
        texts[referral.language] = pdf_text(info.value, proposed)
    for text in texts.values():
        assert MARKER not in text
        assert "Marie Dupont" not in text
        assert "Hôtel Sunrise" in text
    assert "Ce que la personne a écrit" in texts["fr"]
    assert "What the reporter wrote" in texts["en"]
    assert Delivery.objects.count() == 2

    # Outcomes, a plain message, and the close.
    for _referral in (first, second):
        act(page, "outcome", lambda p: p.select_option("select[name=outcome]", "investigation"))
    act(page, "message", lambda p: p.fill("textarea[name=message]", "Merci, c'est transmis."))

    def close(p):
        p.select_option("select[name=outcome]", "forwarded")
        p.fill("textarea[name=message]", "Merci pour votre vigilance.")

    act(page, "close", close)
    report.refresh_from_db()
    assert report.status == Report.Status.CLOSED

    # The reporter reads the outcome, in plain words.
    reporter.goto(f"{live_server.url}/fr/suivi/")
    body = reporter.content()
    assert "autorité compétente" in body
    assert "Merci, c'est transmis." in body
    assert "Merci pour votre vigilance." in body
    public.close()
    staff.close()
