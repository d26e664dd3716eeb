"""Every public page in each language, in Chromium: no accessibility violation, nothing
fetched from another host, no CSP violation, reachable from the navigation."""

import io

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse
from django.utils import translation

from tests.helpers import REACHED_BY_SENDING, public_url_names

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = [name for name in public_url_names() if name != "campaign:feed"]


@pytest.fixture
def seeded_content(transactional_db):
    from campaign import seed

    seed.load(io.StringIO())


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_every_page_passes_axe_and_stays_on_the_site(phone_page, live_server, seeded_content, lang):
    page, watch = phone_page
    axe = Axe()
    with translation.override(lang):
        urls = [reverse(name) for name in PAGES]
        from campaign.models import Article

        urls += [a.get_absolute_url() for a in Article.objects.published().in_language(lang)[:2]]
    failures = []
    for url in urls:
        page.goto(f"{live_server.url}{url}")
        results = axe.run(page)
        if results.violations_count:
            failures.append(f"{url}: {results.generate_report()}")
    assert failures == []
    assert watch.csp_violations == []
    assert watch.foreign_requests == []


def test_every_page_is_reachable_from_the_navigation(watched_page, live_server, seeded_content):
    page, _ = watched_page
    page.goto(f"{live_server.url}/nl/")
    hrefs = set(
        page.locator("header nav a, footer a").evaluate_all(
            "els => els.map(e => e.getAttribute('href'))"
        )
    )
    with translation.override("nl"):
        for name in PAGES:
            if name == "campaign:home" or name in REACHED_BY_SENDING:
                continue
            assert reverse(name) in hrefs, name
