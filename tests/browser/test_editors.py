"""The editors' desk in Chromium: languages in tabs, the live preview, nothing from another
host, no CSP violation, axe clean (WCAG 2.2 AA) at 1366 px."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.test import Client

from tests.browser.conftest import PageWatch

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_editor_writes_in_tabs_with_a_live_preview(
    browser, live_server, roles, django_user_model
):
    from django.contrib.auth.models import Group

    from staff.verification import verified_session_data

    editor = django_user_model.objects.create_user("ed", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editor"))
    client = Client()
    client.force_login(editor)
    session = client.session
    session.update(verified_session_data(editor))
    session.save()
    context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="fr-BE")
    host = live_server.url.split("//", 1)[1].split(":")[0]
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "domain": host, "path": "/"}]
    )
    page = context.new_page()
    watch = PageWatch(page, live_server.url)
    page.goto(f"{live_server.url}/fr/admin/campaign/article/add/")
    tabs = page.locator(".ui-tabs-nav a")
    assert tabs.count() >= 3  # one tab per language, at least for the title and the body
    page.locator("textarea[name=body_fr]").fill("## Un titre\n\n**Important** <script>x</script>")
    preview = page.locator(".markdown-preview").first
    preview.locator("h2").wait_for(timeout=5000)
    assert preview.locator("strong").inner_text() == "Important"
    assert preview.locator("script").count() == 0
    assert watch.foreign_requests == []
    assert watch.csp_violations == []
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": [
        "wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]}})  # fmt: skip
    assert results.violations_count == 0, results.generate_report()
    context.close()
