"""The staff idle warning in Chromium (with Playwright's clock): a minute before the end it
offers to stay signed in; if the session ends anyway, what was typed comes back."""

import pytest
from django.contrib.auth.models import Group

from staff.authenticators import current_code, give_totp

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_idle_warning_keeps_the_session_or_what_was_typed(
    browser, live_server, django_user_model, roles, settings
):
    settings.STAFF_IDLE_MINUTES = 30
    officer = django_user_model.objects.create_user("officer", password="pw-" * 5, is_staff=True)
    officer.groups.add(Group.objects.get(name="Triage officer"))
    secret = give_totp(officer)
    context = browser.new_context(locale="fr-BE")
    page = context.new_page()
    page.clock.install()
    page.goto(f"{live_server.url}/fr/admin/reports/report/enter/")
    page.fill("#id_login", "officer")
    page.fill("#id_password", "pw-" * 5)
    with page.expect_navigation():
        page.click("input[type=submit]")
    page.fill("#id_code", current_code(secret))
    with page.expect_navigation():
        page.press("#id_code", "Enter")
    assert "/reports/report/enter/" in page.url
    warning = page.locator("#idle-warning")
    assert warning.is_hidden()

    page.clock.run_for("29:01")
    assert warning.is_visible()
    assert "une minute" in warning.inner_text()
    page.locator("#idle-warning button").click()
    page.wait_for_function("document.getElementById('idle-warning').hidden")

    page.fill("#id_description", "Appel d'un voyageur : un homme et deux enfants à l'hôtel")
    page.clock.run_for("29:59")
    assert warning.is_visible()
    assert "déconnecté" in warning.inner_text()
    page.reload()
    assert page.input_value("#id_description").startswith("Appel d'un voyageur")
    assert "remis" in page.locator("#idle-warning").inner_text()
    context.close()
