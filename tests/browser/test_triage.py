"""An officer's day in the admin, in Chromium: log in with a TOTP code, claim a report, ask
the reporter, see the answer arrive through the follow-up page, forward, close."""

import pytest
from django.contrib.auth.models import Group

from reports.intake.services import submit_report
from reports.models import Report
from staff import keyring
from staff.authenticators import current_code, give_totp
from tests.keys import as_recovery

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def choose_action(page, value: str) -> None:
    page.locator('select[name="CHANGE_FORM-action"]').select_option(value)
    with page.expect_navigation():
        page.locator('button[name="index"], button.button[title], .actions button').first.click()


def test_an_officer_works_a_report_from_claim_to_close(
    browser, live_server, django_user_model, roles
):
    officer = django_user_model.objects.create_user(
        "officer",
        password="a long demo password",
        is_staff=True,
    )
    officer.groups.add(Group.objects.get(name="Triage officer"))
    keyring.make_key(officer, "a long demo password")  # on the team when reports arrive
    secret = give_totp(officer)
    receipt = submit_report(
        location="abroad", country="TH", place_kind="bar",
        content={"description": "Un homme et une fillette au bar"}, upload_token="none",
    )  # fmt: skip
    report = Report.objects.get(reference=receipt.reference)

    staff = browser.new_context(locale="fr-BE")
    page = staff.new_page()
    page.goto(f"{live_server.url}/fr/admin/")
    assert "/fr/staff/login/" in page.url
    page.fill("#id_login", "officer")
    page.fill("#id_password", "a long demo password")
    with page.expect_navigation():
        page.click("input[type=submit]")
    assert "/fr/staff/2fa/authenticate/" in page.url
    page.fill("#id_code", current_code(secret))
    with page.expect_navigation():
        page.press("#id_code", "Enter")
    assert page.url.endswith("/fr/admin/")

    page.goto(f"{live_server.url}/fr/admin/reports/report/")
    assert receipt.reference in page.content()
    with page.expect_navigation():
        page.click(f"text={receipt.reference}")
    assert "Un homme et une fillette au bar" in page.content()

    choose_action(page, "claim")
    report.refresh_from_db()
    assert report.status == Report.Status.ASSESSING

    choose_action(page, "ask")
    page.fill("textarea[name=question]", "Quelle heure était-il ?")
    with page.expect_navigation():
        page.click("input[type=submit].default")
    report.refresh_from_db()
    assert report.status == Report.Status.WAITING

    # The reporter, in another browser, reads the question and answers.
    reporter = browser.new_context(locale="fr-BE").new_page()
    reporter.goto(f"{live_server.url}/fr/suivi/")
    reporter.fill("#id_code", receipt.code)
    with reporter.expect_navigation():
        reporter.locator("form button[type=submit]").last.click()
    assert "Quelle heure était-il ?" in reporter.content()
    reporter.fill("#id_message", "Vers 23 heures")
    with reporter.expect_navigation():
        reporter.locator("form:has(#id_message) button[type=submit]").click()
    report.refresh_from_db()
    assert report.status == Report.Status.ASSESSING

    page.goto(f"{live_server.url}/fr/admin/reports/report/")
    row = page.locator("tr", has_text=receipt.reference)
    assert row.locator(".badge-answer").count() == 1  # the reporter's answer shows on the row
    with page.expect_navigation():
        page.click(f"text={receipt.reference}")
    assert "Vers 23 heures" in page.content()

    choose_action(page, "forward")
    page.select_option("select[name=authority]", "federal_police")
    page.fill("input[name=reference]", "PV-2026-123")
    with page.expect_navigation():
        page.click("input[type=submit].default")
    choose_action(page, "outcome")
    page.select_option("select[name=outcome]", "investigation")
    with page.expect_navigation():
        page.click("input[type=submit].default")
    choose_action(page, "close")
    page.select_option("select[name=outcome]", "forwarded")
    with page.expect_navigation():
        page.click("input[type=submit].default")
    report.refresh_from_db()
    with as_recovery():  # the authority's reference is sealed to the team
        assert (report.status, report.authority_reference) == (
            Report.Status.CLOSED, "PV-2026-123",
        )  # fmt: skip
    assert list(report.events.values_list("kind", flat=True)) == [
        "submitted", "claimed", "asked", "answered", "forwarded", "outcome", "closed",
    ]  # fmt: skip
    # Close both browsers before the live server stops, so that no request is in flight.
    for context in (reporter.context, staff):
        context.close()
