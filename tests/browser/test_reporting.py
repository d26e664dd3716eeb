"""The whole reporting flow on a phone, with the keyboard only, then the follow-up."""

import re
import time

import pytest
from axe_playwright_python.sync_playwright import Axe

from reports.models import Report, ReportPhoto
from tests import images
from tests.keys import as_recovery

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

VALUES = {
    "city": "Pattaya",
    "place_name": "Blue Moon bar, Walking Street",
    "children_description": "Une fillette en uniforme scolaire bleu",
    "suspects_description": "Homme d'une soixantaine d'années, cheveux gris",
    "suspects_language": "néerlandais",
    "suspects_name": "Jan",
    "suspects_vehicle": "pick-up blanc",
    "travel_flight": "TG 935, 12 juillet",
    "travel_airline": "Thai Airways",
    "travel_operator": "Sunny Tours",
    "travel_hotel": "Hôtel Sunrise",
    "links": "https://example.org/annonce",
    "reporter_name": "",
}
DESCRIPTION = "Un homme emmène une fillette dans sa chambre d'hôtel tous les soirs."


def active(page) -> dict:
    return page.evaluate(
        """() => { const el = document.activeElement;
        return {tag: el.tagName.toLowerCase(), name: el.name || '', type: el.type || '',
                value: el.value || '', text: (el.textContent || '').trim()}; }"""
    )


def fill_by_keyboard(page, *, with_description: bool) -> None:
    """Tab through the whole form, answering each field from the keyboard."""
    page.locator("#id_location_0").focus()
    seen = 0
    while seen < 200:
        seen += 1
        el = active(page)
        if el["tag"] == "button" and el["type"] == "submit" and "remove" not in el["name"]:
            return
        name = el["name"]
        if name == "location" and el["value"] == "belgium":
            page.keyboard.press("ArrowDown")  # moves to and selects "abroad"
        elif name == "country":
            page.keyboard.type("Thaï")
        elif name == "place_kind":
            page.keyboard.type("Bar")
        elif name == "date":
            page.keyboard.type("01012026")  # the same day whatever the order of its parts
        elif name in {"date_approximate", "keep_photo_place_time"}:
            page.keyboard.press("Space")
        elif name == "ongoing":
            page.keyboard.type("Oui")
        elif name == "description":
            if with_description:
                page.keyboard.type(DESCRIPTION)
        elif name == "children_count":
            page.keyboard.type("2")
        elif name == "children_ages" and el["value"] in {"6-11", "12-15"}:
            page.keyboard.press("Space")
        elif name == "children_sex":
            page.keyboard.type("Fille")
        elif name in VALUES and el["value"] == "":
            page.keyboard.type(VALUES[name])
        page.keyboard.press("Tab")
    raise AssertionError("never reached the submit button")


def test_a_traveller_reports_from_a_phone_with_the_keyboard_only(phone_page, live_server, settings):
    settings.REPORT_MIN_FILL_SECONDS = 0
    page, watch = phone_page
    page.goto(f"{live_server.url}/fr/signaler/")
    assert page.locator(".field-country").is_hidden()  # shown only once "abroad" is chosen

    started = time.perf_counter()
    page.locator("#id_photos").set_input_files(
        files=[{"name": "plage.jpg", "mimeType": "image/jpeg", "buffer": images.photo_bytes()}]
    )
    fill_by_keyboard(page, with_description=False)
    with page.expect_navigation():
        page.keyboard.press("Enter")

    # The form came back: error summary first, everything typed still there, photo kept.
    summary = page.locator("#error-summary")
    assert summary.is_visible()
    assert summary.evaluate("el => el === document.activeElement")
    assert page.locator("#id_city").input_value() == "Pattaya"
    assert page.locator("#id_travel_flight").input_value() == "TG 935, 12 juillet"
    assert page.locator("#id_country").input_value() == "TH"
    assert "plage.jpg" in page.locator("#kept-photos").inner_text()
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()

    # Follow the summary's link to the field, type the description, send.
    page.locator('#error-summary a[href="#id_description"]').focus()
    page.keyboard.press("Enter")
    assert active(page)["name"] == "description"
    page.keyboard.type(DESCRIPTION)
    page.locator("#report-form button[name=step][value=send]").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    elapsed = time.perf_counter() - started
    print(f"\nkeyboard_only_submission_s: {elapsed:.2f}")

    assert page.locator("h1").inner_text().startswith("Merci")
    code = page.locator("#follow-up-code").inner_text()
    assert re.fullmatch(r"([0-9A-Z]{4}-){4}[0-9A-Z]{4}", code)
    assert "112" in page.content()
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()

    report = Report.objects.get()
    with as_recovery():  # sealed to the team: the tests' recovery key opens it
        assert report.content["description"] == DESCRIPTION
        assert report.content["travel_flight"] == "TG 935, 12 juillet"
        photo = ReportPhoto.objects.get(report=report)
        assert b"Exif" not in photo.read()
        assert photo.details["latitude"] == pytest.approx(13.741667, abs=1e-5)

    # The follow-up, with the code typed in.
    page.goto(f"{live_server.url}/fr/suivi/")
    page.locator("#id_code").focus()
    page.keyboard.type(code.lower())
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert report.reference in page.locator("h1").inner_text()
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()

    assert watch.csp_violations == []
    assert watch.foreign_requests == []


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_report_pages_have_no_accessibility_violations(phone_page, live_server, settings, lang):
    settings.REPORT_MIN_FILL_SECONDS = 0
    page, watch = phone_page
    paths = {
        "fr": ("signaler", "suivi"),
        "nl": ("melden", "opvolging"),
        "en": ("report", "follow-up"),
    }
    form_path, follow_path = paths[lang]

    def check(what):
        results = Axe().run(page)
        assert results.violations_count == 0, f"{what}: " + results.generate_report()

    page.goto(f"{live_server.url}/{lang}/{form_path}/")
    check("form")
    with page.expect_navigation():
        page.locator("#report-form button[name=step][value=send]").click()
    assert page.locator("#error-summary").is_visible()
    check("form with errors")

    page.locator("#id_location_0").check()
    page.locator("#id_description").fill("Test report for accessibility checks.")
    with page.expect_navigation():
        page.locator("#report-form button[name=step][value=send]").click()
    code = page.locator("#follow-up-code").inner_text()
    check("receipt")

    page.goto(f"{live_server.url}/{lang}/{follow_path}/")
    page.locator("#id_code").fill("AAAA")
    with page.expect_navigation():
        page.locator("form button[type=submit]").last.click()
    check("follow-up login with error")
    page.locator("#id_code").fill(code)
    with page.expect_navigation():
        page.locator("form button[type=submit]").last.click()
    assert page.locator("#id_message").is_visible()
    check("follow-up page")
    assert watch.csp_violations == []
    assert watch.foreign_requests == []
