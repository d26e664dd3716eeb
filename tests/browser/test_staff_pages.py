"""Every staff page a supervisor reaches from the admin home, in French and Dutch, at 1366 px
with the sidebar open: axe-core (WCAG 2.2 A and AA, target size included) finds nothing, and
the queue does not scroll sideways."""

import io
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.test import Client

from tests.keys import STAFF_PASSWORD, hold_staff_key, staff_private_key

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
SKIP = ("/logout/", "/password_change/", "/jsi18n/", "/r/", "/autocomplete/")


@pytest.fixture
def supervisor_page(browser, live_server, roles, django_user_model):
    from campaign import seed
    from reports import demo
    from staff.verification import verified_session_data

    seed.load(io.StringIO())
    user = django_user_model.objects.create_user(
        "supervisor", password=STAFF_PASSWORD, is_staff=True
    )
    from django.contrib.auth.models import Group

    user.groups.add(Group.objects.get(name="Supervisor"))
    staff_private_key(user)  # on the team when the demo reports arrive
    django_user_model.objects.create_user("officer", is_staff=True).groups.add(
        Group.objects.get(name="Triage officer")
    )
    demo.load(io.StringIO())
    client = Client()
    client.force_login(user)
    session = client.session
    session.update(verified_session_data(user))
    session.save()
    hold_staff_key(client, user)  # as a sign-in with the password leaves the session
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="fr-BE")
    host = live_server.url.split("//", 1)[1].split(":")[0]
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    key_cookie = client.cookies[settings.STAFF_KEY_COOKIE_NAME].value
    context.add_cookies([
        {"name": settings.SESSION_COOKIE_NAME, "value": cookie, "domain": host, "path": "/"},
        {"name": settings.STAFF_KEY_COOKIE_NAME, "value": key_cookie, "domain": host, "path": "/"},
    ])  # fmt: skip
    page = context.new_page()
    yield page
    context.close()


def pages_from_the_home(page, base: str, lang: str) -> list[str]:
    page.goto(f"{base}/{lang}/admin/")
    hrefs = page.locator("#content a, #nav-sidebar a").evaluate_all(
        "els => els.map(e => e.getAttribute('href'))"
    )
    urls = []
    for href in hrefs:
        wanted = href and href.startswith(f"/{lang}/admin/") and not any(s in href for s in SKIP)
        if wanted and href not in urls:
            urls.append(href)
    return urls


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_every_staff_page_a_supervisor_reaches_passes_axe(supervisor_page, live_server, lang):
    from reports.models import Report

    page = supervisor_page
    urls = [f"/{lang}/admin/", *pages_from_the_home(page, live_server.url, lang)]
    report = Report.objects.get(reference="JDS-DEMO-0001")
    urls.append(f"/{lang}/admin/reports/report/{report.pk}/change/")
    assert len(urls) > 15
    axe = Axe()
    failures = []
    for url in urls:
        page.goto(f"{live_server.url}{url}")
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG}})
        for violation in results.response["violations"]:
            for node in violation["nodes"]:
                failures.append(f"{url} {violation['id']} {node['target']} {node['html'][:90]}")
    assert failures == [], "\n".join(failures)
    print(f"axe ({lang}, 1366 px): {len(urls)} staff pages, 0 violations")


def test_the_queue_fits_1366_px_with_the_sidebar_open(supervisor_page, live_server):
    page = supervisor_page
    page.goto(f"{live_server.url}/fr/admin/reports/report/?queue=all")
    assert page.locator("#nav-sidebar").is_visible()
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    last_column = page.locator("#result_list thead th").last
    box = last_column.bounding_box()
    assert box["x"] + box["width"] <= 1366


def test_photos_are_revealed_one_at_a_time_and_blurred_again_on_leaving(
    supervisor_page, live_server, django_user_model
):
    from reports.intake import uploads
    from reports.intake.services import submit_report
    from reports.models import Report
    from tests import images

    token = uploads.read_token(uploads.new_token())
    uploads.accept_photos(
        token, [images.upload("a.jpg"), images.upload("b.jpg")], keep_place_and_time=False
    )
    receipt = submit_report(
        location="abroad", country="TH", place_kind="bar",
        content={"description": "Deux photos"}, upload_token=token,
    )  # fmt: skip
    report = Report.objects.get(reference=receipt.reference)
    page = supervisor_page
    clear_requests = []
    clear = re.compile(r"/photo/\d+/$")
    page.on("request", lambda r: clear.search(r.url) and clear_requests.append(r.url))
    page.goto(f"{live_server.url}/fr/admin/reports/report/{report.pk}/change/")
    links = page.locator("a.photo-reveal")
    assert links.count() == 2
    sources = page.locator("a.photo-reveal img").evaluate_all("els => els.map(e => e.src)")
    assert all(s.endswith("/thumbnail/") for s in sources)
    assert clear_requests == []  # nothing clear without a click
    links.nth(0).click()
    first_img = links.nth(0).locator("img")
    assert not first_img.get_attribute("src").endswith("/thumbnail/")
    assert links.nth(0).get_attribute("aria-pressed") == "true"
    links.nth(1).click()  # one at a time
    assert first_img.get_attribute("src").endswith("/thumbnail/")
    assert not links.nth(1).locator("img").get_attribute("src").endswith("/thumbnail/")
    page.mouse.move(5, 5)  # leaving it blurs it again
    assert links.nth(1).locator("img").get_attribute("src").endswith("/thumbnail/")
    assert len(clear_requests) == 2
