"""The reporter's journey beyond the anchors, on a phone, in each language: online or
unknown, "I'm not sure", a country typed by its name in the reader's language, an expired
form that comes back whole, the check of the answers, the code copied; no connection at
the moment of sending; what was typed kept in the tab; photos chosen twice."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from reports.models import Report
from tests import images
from tests.keys import as_recovery

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PATHS = {
    "fr": ("signaler", "suivi", "Allemagne"),
    "nl": ("melden", "opvolging", "Duitsland"),
    "en": ("report", "follow-up", "Germany"),
}
DESCRIPTION = "Sur un forum, un homme propose des « rencontres » avec des enfants à Pattaya."


def no_axe_violation(page, what: str) -> None:
    results = Axe().run(page)
    assert results.violations_count == 0, f"{what}: " + results.generate_report()


def send(page, button: str) -> None:
    with page.expect_navigation():
        page.locator(button).click()


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_a_report_online_not_sure_with_cookies_cleared_checked_and_sent(
    phone_page, live_server, settings, lang
):
    settings.REPORT_MIN_FILL_SECONDS = 0
    page, watch = phone_page
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    form_path, follow_path, germany = PATHS[lang]
    page.goto(f"{live_server.url}/{lang}/{form_path}/")
    no_axe_violation(page, "form")

    # Online, or I do not know where: no country, the links come forward.
    page.locator("#id_location_2").check()
    assert page.locator(".field-country").is_hidden()
    assert (
        page.evaluate("document.querySelector('.field-location').nextElementSibling.className")
        == "field-links"
    )
    page.fill("#id_links", "https://forum.example/t/123")
    page.fill("#id_description", DESCRIPTION)
    page.locator("input[name=certainty][value=unsure]").check()
    page.select_option("#id_ongoing", "unknown")
    page.select_option("#id_children_count", "unknown")
    page.locator("input[name=children_ages][value=unknown]").check()
    # A country typed by its name in the reader's language.
    page.locator("#id_suspects_nationality").focus()
    page.keyboard.type(germany)
    assert page.locator("#id_suspects_nationality").input_value() == "DE"
    page.fill("#id_travel_hotel", "Hôtel Sunrise")

    # Cookies cleared (or blocked): nothing to expire any more, the form needs none.
    page.context.clear_cookies()
    send(page, "#report-form button[name=step][value=check]")
    assert page.locator("#report-check").is_visible()
    assert germany in page.locator("main").inner_text()
    no_axe_violation(page, "check page")
    send(page, "#report-check button[name=step][value=send]")

    code = page.locator("#follow-up-code").inner_text()
    assert re.fullmatch(r"([0-9A-Z]{4}-){4}[0-9A-Z]{4}", code)
    no_axe_violation(page, "receipt")
    page.locator("#copy-code").click()
    assert page.evaluate("navigator.clipboard.readText()") == code
    # A reload shows the same receipt.
    page.reload()
    assert page.locator("#follow-up-code").inner_text() == code

    report = Report.objects.get()
    assert (report.location, report.country) == ("unknown", "")
    with as_recovery():
        assert report.content["certainty"] == "unsure"
        assert report.content["suspects_nationality"] == "DE"

    page.goto(f"{live_server.url}/{lang}/{follow_path}/")
    page.fill("#id_code", code)
    send(page, "form button[type=submit] >> nth=-1")
    assert report.reference in page.locator("h1").inner_text()
    no_axe_violation(page, "follow-up page")
    assert watch.csp_violations == []
    assert watch.foreign_requests == []


def test_no_connection_at_sending_keeps_the_report_in_the_tab(phone_page, live_server, settings):
    settings.REPORT_MIN_FILL_SECONDS = 0
    page, _watch = phone_page
    page.goto(f"{live_server.url}/fr/signaler/")
    page.locator("#id_location_0").check()
    page.fill("#id_description", DESCRIPTION)
    page.fill("#id_city", "Ostende")
    page.context.set_offline(True)
    page.locator("#report-form button[name=step][value=send]").click()
    notice = page.locator("#offline-notice")
    notice.wait_for(state="visible")
    assert page.locator("#id_description").input_value() == DESCRIPTION
    assert Report.objects.count() == 0
    page.context.set_offline(False)
    with page.expect_navigation():
        page.locator("#offline-retry").click()
    assert page.locator("#follow-up-code").is_visible()
    with as_recovery():
        assert Report.objects.get().content["city"] == "Ostende"
    # Sent: the copy kept in the tab is gone.
    assert page.evaluate("sessionStorage.getItem('report-form')") is None


def test_what_was_typed_stays_in_the_tab_until_the_report_is_sent(phone_page, live_server):
    page, _watch = phone_page
    page.goto(f"{live_server.url}/fr/signaler/")
    page.locator("#id_location_1").check()
    page.select_option("#id_country", "KH")
    page.fill("#id_description", DESCRIPTION)
    page.fill("#id_suspects_name", "Jan")
    page.goto(f"{live_server.url}/fr/")
    page.go_back()
    page.wait_for_load_state()
    assert page.locator("#draft-notice").is_visible()
    assert page.locator("#id_description").input_value() == DESCRIPTION
    assert page.locator("#id_suspects_name").input_value() == "Jan"
    assert page.locator("#id_country").input_value() == "KH"
    assert page.locator(".field-country").is_visible()
    # Never in localStorage; only this tab's sessionStorage.
    assert page.evaluate("localStorage.length") == 0
    page.locator("#draft-clear").click()
    assert page.locator("#id_description").input_value() == ""
    draft = page.evaluate("JSON.parse(sessionStorage.getItem('report-form') || '{}')")
    assert "description" not in draft


def test_choosing_photos_twice_adds_to_the_choice_and_fields_show_a_strong_focus_ring(
    phone_page, live_server
):
    page, _watch = phone_page
    page.goto(f"{live_server.url}/fr/signaler/")

    def photo(name):
        return {"name": name, "mimeType": "image/jpeg", "buffer": images.photo_bytes()}

    page.set_input_files("#id_photos", files=[photo("a.jpg")])
    page.set_input_files("#id_photos", files=[photo("b.jpg")])
    names = page.evaluate("Array.from(document.getElementById('id_photos').files, f => f.name)")
    assert names == ["a.jpg", "b.jpg"]

    page.locator("#id_city").focus()
    style = page.evaluate(
        """() => { const s = getComputedStyle(document.getElementById('id_city'));
        return [s.outlineWidth, s.outlineStyle, s.outlineColor]; }"""
    )
    width, kind, colour = style
    assert float(width.removesuffix("px")) >= 2
    assert kind == "solid"
    r, g, b = (int(x) for x in re.findall(r"\d+", colour)[:3])

    def luminance(c):
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    ring = 0.2126 * luminance(r) + 0.7152 * luminance(g) + 0.0722 * luminance(b)
    assert (1.05) / (ring + 0.05) >= 3  # against the white page


@pytest.mark.parametrize("how", ["button", "shift"])
def test_exit_this_page_leaves_for_a_neutral_site_and_back_does_not_return(
    phone_page, live_server, settings, how
):
    page, _watch = phone_page
    # The neutral site, here on the test server: the browser reaches no other host.
    settings.QUICK_EXIT_URL = f"{live_server.url}/robots.txt"
    page.goto(f"{live_server.url}/fr/")
    page.goto(f"{live_server.url}/fr/signaler/")
    page.fill("#id_description", DESCRIPTION)
    assert page.evaluate("sessionStorage.getItem('report-form')") is not None
    with page.expect_navigation(url=settings.QUICK_EXIT_URL):
        if how == "button":
            page.locator("#exit-this-page-button").click()
        else:
            page.locator("#id_city").focus()
            for _ in range(3):
                page.keyboard.press("Shift")
    assert "User-agent" in page.content()
    # The report page was replaced in the history: Back goes to the page before it.
    page.go_back()
    assert page.url == f"{live_server.url}/fr/"
    # And what the tab kept of the form is gone.
    page.goto(f"{live_server.url}/fr/signaler/")
    assert page.locator("#draft-notice").is_hidden()
    assert page.locator("#id_description").input_value() == ""


def test_the_counter_lets_people_go_over_and_speaks_only_near_the_limit(phone_page, live_server):
    page, _watch = phone_page
    page.goto(f"{live_server.url}/en/report/")
    area = page.locator("#id_description")
    spoken = page.locator("#id_description ~ p[aria-live]")
    area.fill("A short start.")
    page.wait_for_timeout(1300)
    assert spoken.inner_text() == ""  # far from the limit: nothing is read out
    area.fill("x" * 5010)
    assert area.input_value() == "x" * 5010  # nothing cut
    page.wait_for_timeout(1300)
    assert spoken.inner_text() == "10 characters too many"
    shown = page.locator("#id_description ~ p.character-count")
    assert shown.inner_text() == "10 characters too many"
