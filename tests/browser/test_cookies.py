"""The cookies a reporter receives are exactly those the privacy notice lists (issue 27,
item 5): the journey from the form to the receipt, the follow-up, leaving it, and the
language switcher; each cookie lasts until the browser closes or less."""

import re

import pytest
from django.conf import settings

from campaign import content

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def listed_in_the_notice(lang: str) -> set[str]:
    """The names the notice lists for a visitor, as this (non-production) server names
    them: in production the session and the reporter's keys carry the __Host- prefix. The
    form token is staff's alone now (the public forms need none) and is named apart from
    the list."""
    text = (content.ROOT / "pages" / f"privacy.{lang}.md").read_text()
    section = text.split("## Cookies", 1)[1].split("\n## ", 1)[0]
    names = set(re.findall(r"^- \*\*([^*]+)\*\*", section, re.M))
    assert "__Host-sessionid" in names
    assert "__Host-csrftoken" not in names
    assert "**__Host-csrftoken**" in section  # said, for staff
    here = {
        "__Host-sessionid": settings.SESSION_COOKIE_NAME,
        "__Host-reporterkey": settings.REPORTER_KEY_COOKIE_NAME,
        "__Host-formkey": settings.FORM_KEY_COOKIE_NAME,
    }
    return {here.get(name, name) for name in names}


def send(page, button: str) -> None:
    with page.expect_navigation():
        page.locator(button).click()


def test_the_reporter_receives_exactly_the_cookies_the_privacy_notice_lists(
    phone_page, live_server, settings
):
    settings.REPORT_MIN_FILL_SECONDS = 0
    page, _watch = phone_page
    received: dict[str, list[str]] = {}  # name -> every Set-Cookie header that set it

    def on_response(response):
        for header in response.headers_array():
            if header["name"].lower() == "set-cookie":
                for line in header["value"].split("\n"):
                    received.setdefault(line.split("=", 1)[0].strip(), []).append(line)

    page.on("response", on_response)
    page.goto(f"{live_server.url}/fr/signaler/")
    page.locator("#id_location_2").check()
    page.fill("#id_description", "Un homme propose des « rencontres » avec des enfants.")
    send(page, "#report-form button[name=step][value=check]")
    send(page, "#report-check button[name=step][value=send]")
    code = page.locator("#follow-up-code").inner_text()
    page.goto(f"{live_server.url}/fr/suivi/")
    page.fill("#id_code", code)
    send(page, "form button[type=submit] >> nth=-1")
    # Leaving the follow-up leaves a one-time notice for the next page.
    send(page, "form:has(input[name=action][value=leave]) button")
    # The language switcher.
    page.goto(f"{live_server.url}/i18n/setlang/?language=nl&next=/fr/")

    for lang in ["fr", "nl", "en"]:
        assert set(received) == listed_in_the_notice(lang), (lang, sorted(received))
    # None outlives the browser session (no lasting date), except the session cookie, which
    # ends sooner (10 or 30 minutes); a deletion (Max-Age=0) is not a lifetime.
    for name, lines in received.items():
        if name == settings.SESSION_COOKIE_NAME:
            continue
        for line in lines:
            lasting = re.search(r"max-age=(\d+)", line, re.I)
            assert not lasting or lasting.group(1) == "0", line
            if not lasting:
                assert "expires=" not in line.lower(), line
