"""Staff accounts without a developer: invite, disable, reset a lost second factor."""

import re

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

from reports.models import AuditEntry
from staff.authenticators import give_totp

pytestmark = pytest.mark.django_db

ACCOUNTS = "/fr/admin/staff/staffaccount/"


def invite(client, **data):
    payload = {"username": "nouvelle", "email": "nouvelle@example.org", "role": "Triage officer"}
    return client.post(f"{ACCOUNTS}add/", {**payload, **data})


def test_a_supervisor_invites_an_officer_who_sets_a_password_once(
    client, supervisor, staff_login, django_capture_on_commit_callbacks
):
    staff_login(supervisor)
    with django_capture_on_commit_callbacks(execute=True):
        response = invite(client)
    assert response.status_code == 302
    account = get_user_model().objects.get(username="nouvelle")
    assert account.is_staff
    assert not account.has_usable_password()
    assert list(account.groups.values_list("name", flat=True)) == ["Triage officer"]
    assert AuditEntry.objects.filter(action="staff_account", detail__startswith="invited").exists()
    [message] = mail.outbox
    assert message.to == ["nouvelle@example.org"]
    link = re.search(r"https?://\S+/fr/staff/welcome/\S+/", message.body).group(0)
    path = link.split("://", 1)[1].split("/", 1)[1]
    newcomer = Client()
    page = newcomer.get(f"/{path}")
    assert page.status_code == 200
    response = newcomer.post(
        f"/{path}", {"new_password1": "a long new password", "new_password2": "a long new password"}
    )
    assert response.status_code == 302
    account.refresh_from_db()
    assert account.check_password("a long new password")
    assert newcomer.get(f"/{path}").status_code == 404  # once only
    # At the first sign-in: enrolment of a second factor, nothing else.
    newcomer.post("/fr/staff/login/", {"login": "nouvelle", "password": "a long new password"})
    assert newcomer.get("/fr/admin/")["Location"] == "/fr/staff/2fa/totp/activate/"


def test_a_wrong_link_says_the_same_whatever_the_account(client, officer):
    for url in ["/fr/staff/welcome/MQ/abc-def/", "/fr/staff/welcome/OTk5/abc-def/",
                "/fr/staff/welcome/%%%/x/"]:  # fmt: skip
        response = client.get(url)
        assert response.status_code == 404
        assert "ne fonctionne plus" in response.content.decode()


def test_only_a_superuser_makes_supervisors(client, supervisor, staff_login, django_user_model):
    staff_login(supervisor)
    response = invite(client, role="Supervisor")
    assert response.status_code == 200  # the role is not offered
    assert not get_user_model().objects.filter(username="nouvelle").exists()
    boss = django_user_model.objects.create_superuser("boss", "boss@example.org", "x" * 20)
    staff_login(boss)
    assert invite(client, role="Supervisor").status_code == 302


def test_officers_and_editors_manage_no_account(client, officer, editor, staff_login):
    for user in [officer, editor]:
        staff_login(user)
        assert client.get(ACCOUNTS).status_code == 403
        assert invite(client).status_code == 403


def test_disabling_ends_the_sessions_at_once(
    client, supervisor, officer, staff_login, django_capture_on_commit_callbacks
):
    officer.email = "officer@example.org"
    officer.save()
    elsewhere = Client()
    elsewhere.force_login(officer)
    staff_login(supervisor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(ACCOUNTS, {"action": "disable", "_selected_action": [officer.pk]})
        client.post(ACCOUNTS, {"action": "disable", "_selected_action": [officer.pk],
                               "apply": "1"})  # fmt: skip
    officer.refresh_from_db()
    assert not officer.is_active
    assert elsewhere.get("/fr/admin/reports/report/").status_code == 302
    assert [m.to for m in mail.outbox] == [["officer@example.org"]]
    assert AuditEntry.objects.filter(user=supervisor, detail__startswith="disabled").exists()


def test_a_supervisor_cannot_disable_a_supervisor_or_themself(
    client, supervisor, make_staff, staff_login
):
    other = make_staff("other-supervisor", "Supervisor")
    staff_login(supervisor)
    for account in [other, supervisor]:
        client.post(ACCOUNTS, {"action": "disable", "_selected_action": [account.pk],
                               "apply": "1"})  # fmt: skip
        account.refresh_from_db()
        assert account.is_active


def test_resetting_a_lost_second_factor_asks_for_the_check(
    client, supervisor, officer, staff_login, django_capture_on_commit_callbacks
):
    give_totp(officer)
    staff_login(supervisor)
    base = {"action": "reset", "_selected_action": [officer.pk], "apply": "1"}
    page = client.post(ACCOUNTS, {**base, "reason": "called back"})
    assert page.status_code == 200  # the box is not ticked
    assert Authenticator.objects.filter(user=officer).count() == 2
    with django_capture_on_commit_callbacks(execute=True):
        client.post(ACCOUNTS, {**base, "reason": "called back on 02 555 01 01", "checked": "on"})
    assert not Authenticator.objects.filter(user=officer).exists()
    entry = AuditEntry.objects.get(detail__startswith="second_factor_reset")
    assert "called back" in entry.detail
