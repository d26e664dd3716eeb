"""A passkey in Chromium, with a virtual authenticator (the DevTools protocol's WebAuthn
domain): sign in with password and code, add a passkey, sign out, sign in with the passkey
alone, open a report. Then the group rule "passkey only" refuses the password."""

import pytest
from django.contrib.auth.models import Group

from reports.intake.services import submit_report
from reports.models import Report
from staff import keyring
from staff.authenticators import current_code, give_totp, recovery_codes
from staff.models import GroupSignInPolicy

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a long demo password"


def with_virtual_authenticator(context, page, *, prf=False):
    cdp = context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    added = cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
                "hasPrf": prf,
            }
        },
    )
    return cdp, added["authenticatorId"]


def sign_in_with_password(page, base, code):
    page.goto(f"{base}/fr/admin/")
    page.fill("#id_login", "officer")
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.click("input[type=submit]")
    page.fill("#id_code", code)
    with page.expect_navigation():
        page.press("#id_code", "Enter")


def test_an_officer_adds_a_passkey_and_signs_in_with_it_alone(
    browser, live_server, django_user_model, roles
):
    officer = django_user_model.objects.create_user("officer", password=PASSWORD, is_staff=True)
    officer.groups.add(Group.objects.get(name="Triage officer"))
    keyring.make_key(officer, PASSWORD)  # on the team (signed in before) when reports arrive
    secret = give_totp(officer)
    receipt = submit_report(
        location="abroad", country="TH", place_kind="bar",
        content={"description": "Un homme et une fillette au bar"}, upload_token="none",
    )  # fmt: skip
    report = Report.objects.get(reference=receipt.reference)
    assert live_server.url.startswith("http://localhost:")  # WebAuthn refuses an IP address

    context = browser.new_context(locale="fr-BE")
    page = context.new_page()
    console = []
    page.on("console", lambda msg: console.append(msg.text))
    cdp, authenticator_id = with_virtual_authenticator(context, page)

    sign_in_with_password(page, live_server.url, current_code(secret))
    assert page.url.endswith("/fr/admin/")
    page.goto(f"{live_server.url}/fr/staff/2fa/webauthn/add/")
    page.fill("#id_name", "Portable")
    page.check("#id_passwordless")
    with page.expect_navigation():
        page.click("#mfa_webauthn_add")
    assert officer.authenticator_set.filter(type="webauthn").count() == 1
    stored = cdp.send("WebAuthn.getCredentials", {"authenticatorId": authenticator_id})
    assert len(stored["credentials"]) == 1

    with page.expect_navigation():
        page.click("#logout-form button")
    page.goto(
        f"{live_server.url}/fr/staff/login/?next=/fr/admin/reports/report/{report.pk}/change/"
    )
    with page.expect_navigation():
        page.click("#passkey_login")
    # The passkey signs in; this authenticator has no PRF, so the member's key, sealed under
    # their password, asks for it once, then the report opens.
    assert "/fr/staff/unlock/" in page.url
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.click("input[type=submit]")
    assert f"/fr/admin/reports/report/{report.pk}/change/" in page.url
    assert "Un homme et une fillette au bar" in page.content()
    assert not [m for m in console if "Content Security Policy" in m]
    from reports.models import AuditEntry

    assert AuditEntry.objects.filter(action="login", user=officer, detail__contains="passkey")

    # The group rule: officers sign in with a passkey only. The password and code now end
    # in the sign-in page again, with the reason.
    GroupSignInPolicy.objects.create(
        group=Group.objects.get(name="Triage officer"), passkey_only=True
    )
    with page.expect_navigation():
        page.click("#logout-form button")
    # A recovery code: the app's code of a minute ago cannot be used twice.
    sign_in_with_password(page, live_server.url, recovery_codes(officer)[0])
    assert "/fr/staff/login/" in page.url
    assert "Votre équipe se connecte uniquement avec une clé d" in page.content()
    with page.expect_navigation():
        page.click("#passkey_login")
    page.goto(f"{live_server.url}/fr/admin/reports/report/")
    assert receipt.reference in page.content()
    context.close()


def test_a_passkey_with_prf_opens_the_reports_with_no_password(
    browser, live_server, django_user_model, roles
):
    """Chromium's virtual authenticator has the PRF extension (hasPrf): the member lets their
    passkey open the reports (a second prompt, once), and their next sign-in with it opens a
    report from its address at once, with no password typed."""
    officer = django_user_model.objects.create_user("officer", password=PASSWORD, is_staff=True)
    officer.groups.add(Group.objects.get(name="Triage officer"))
    keyring.make_key(officer, PASSWORD)
    secret = give_totp(officer)
    receipt = submit_report(
        location="abroad", country="TH", place_kind="bar",
        content={"description": "Un homme et une fillette au bar"}, upload_token="none",
    )  # fmt: skip
    report = Report.objects.get(reference=receipt.reference)

    context = browser.new_context(locale="fr-BE")
    page = context.new_page()
    console = []
    page.on("console", lambda msg: console.append(msg.text))
    with_virtual_authenticator(context, page, prf=True)
    sign_in_with_password(page, live_server.url, current_code(secret))
    page.goto(f"{live_server.url}/fr/staff/2fa/webauthn/add/")
    page.fill("#id_name", "Portable")
    page.check("#id_passwordless")
    with page.expect_navigation():
        page.click("#mfa_webauthn_add")

    page.goto(f"{live_server.url}/fr/staff/passkey-unlock/")
    with page.expect_navigation():
        page.click("[data-passkey-id]")
    assert "ouvre désormais les signalements" in page.content(), (console, page.content()[-3000:])
    wraps = officer.staff_key.__class__.objects.get(user=officer).passkey_wraps
    assert len(wraps) == 1

    with page.expect_navigation():
        page.click("#logout-form button")
    page.goto(
        f"{live_server.url}/fr/staff/login/?next=/fr/admin/reports/report/{report.pk}/change/"
    )
    with page.expect_navigation():
        page.click("#passkey_login")
    page.wait_for_load_state()
    assert "/fr/staff/unlock/" not in page.url
    assert f"/fr/admin/reports/report/{report.pk}/change/" in page.url
    assert "Un homme et une fillette au bar" in page.content()
    assert not [m for m in console if "Content Security Policy" in m]
    context.close()
