"""Staff sign-in on django-allauth: a second factor for every staff account, a `next` that
survives and stays on this site, lockout, idle timeout, audit, fail-closed secrets."""

import time

import pytest
import time_machine
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Group

from reports.models import AuditEntry
from staff.authenticators import current_code, give_totp, recovery_codes
from tests.keys import staff_private_key

pytestmark = pytest.mark.django_db

LOGIN = "/fr/staff/login/"
MFA = "/fr/staff/2fa/authenticate/"
ENROL = "/fr/staff/2fa/totp/activate/"
QUEUE = "/fr/admin/reports/report/"
PASSWORD = "correct horse battery"


@pytest.fixture
def officer(django_user_model):
    user = django_user_model.objects.create_user("officer", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="Triage officer"))
    return user


@pytest.fixture
def secret(officer):
    return give_totp(officer)


def sign_in(client, username="officer", password=PASSWORD, next_url=None):
    data = {"login": username, "password": password}
    if next_url is not None:
        data["next"] = next_url
    return client.post(LOGIN, data)


def test_the_admin_login_hands_over_to_the_staff_sign_in(client):
    response = client.get(QUEUE)
    assert response.status_code == 302
    assert response["Location"].startswith("/fr/admin/login/")
    response = client.get(response["Location"])
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)
    assert "next=%2Ffr%2Fadmin%2Freports%2Freport%2F" in response["Location"]
    page = client.get(response["Location"])
    assert page.status_code == 200
    body = page.content.decode()
    assert "Sign up" not in body  # nobody signs up
    assert "inscri" not in body.lower()


@pytest.mark.django_db(transaction=True)
def test_a_new_officer_enrols_an_authenticator_and_lands_on_the_page_asked_for(
    client, roles, officer
):
    """Real commits: the library marks the enrolment after its transaction commits."""
    report_url = f"{QUEUE}?status=new"
    response = sign_in(client, next_url=report_url)
    # Signed in with a password only: nothing but enrolment is open.
    assert client.get(report_url)["Location"] == ENROL
    page = client.get(ENROL)
    body = page.content.decode()
    assert 'inputmode="numeric"' in body
    assert "data:image/svg+xml" in body  # the QR code, drawn by the site itself
    secret = page.context["form"].secret
    wrong = client.post(ENROL, {"code": "000000"})
    assert wrong.status_code == 200
    response = client.post(ENROL, {"code": current_code(secret)})
    assert response.status_code == 302
    codes_page = client.get(response["Location"])
    assert len(recovery_codes(officer)) == 10
    assert recovery_codes(officer)[0] in codes_page.content.decode()
    assert "/fr/staff/continue/" in codes_page.content.decode()
    assert client.get("/fr/staff/continue/")["Location"] == report_url
    assert client.get(report_url).status_code == 200
    stored = Authenticator.objects.get(user=officer, type="totp").data["secret"]
    assert secret not in stored  # encrypted at rest
    assert AuditEntry.objects.filter(action="signin_change", user=officer).exists()


def test_every_staff_account_gives_a_second_factor_whatever_its_permissions(
    client, django_user_model
):
    """Not only those who may see reports: an editor, or an account given audit or photo
    rights without view_report, reaches nothing before enrolling."""
    from django.contrib.auth.models import Permission

    for name, perms in [("editor", []), ("auditor", ["view_auditentry", "view_reportphoto"])]:
        user = django_user_model.objects.create_user(name, password=PASSWORD, is_staff=True)
        user.user_permissions.add(*Permission.objects.filter(codename__in=perms))
        if name == "editor":
            user.groups.add(Group.objects.get(name="Editor"))
        client.logout()
        sign_in(client, username=name)
        for url in ["/fr/admin/", "/fr/admin/campaign/article/", "/fr/admin/reports/auditentry/"]:
            response = client.get(url)
            assert response.status_code == 302, (name, url)
            assert response["Location"] == ENROL


def test_an_officer_with_an_authenticator_gives_a_code_at_each_sign_in(client, officer, secret):
    response = sign_in(client, next_url=QUEUE)
    assert response["Location"] == MFA
    assert client.get(QUEUE)["Location"].startswith("/fr/admin/login/")  # not signed in yet
    page = client.get(MFA)
    assert 'inputmode="numeric"' in page.content.decode()
    assert client.post(MFA, {"code": "123456"}).status_code == 200
    response = client.post(MFA, {"code": current_code(secret)})
    assert response.status_code == 302
    assert response["Location"] == QUEUE
    assert client.get(QUEUE).status_code == 200
    login = AuditEntry.objects.get(action="login", username="officer")
    assert login.detail == "password + totp"
    assert AuditEntry.objects.filter(action="login_failed", user=officer).exists()


@pytest.mark.parametrize(
    "evil",
    [
        "https://evil.example/",
        "//evil.example/",
        "/\\evil.example/",
        "\\\\evil.example",
        "javascript:alert(1)",
        "https:evil.example",
        "%2F%2Fevil.example%2F",
        "/%2F/evil.example/",
        "http://testserver@evil.example/",
        " //evil.example/",
    ],
)
def test_next_never_leaves_the_site(client, officer, secret, evil):
    """The open redirect after the second factor, found by the attack: never again."""
    response = client.get(f"{LOGIN}?next={evil}")
    assert response.status_code == 200
    response = sign_in(client, next_url=evil)
    assert response["Location"] == MFA
    response = client.post(MFA, {"code": current_code(secret)})
    assert response.status_code == 302
    location = response["Location"]
    assert location.startswith("/")
    assert not location.startswith(("//", "/\\"))
    assert "evil" not in location


def test_a_deep_link_survives_password_and_second_factor(client, officer, secret):
    from tests.test_triage_admin import new_report

    staff_private_key(officer, PASSWORD)  # on the team (signed in before) when it arrives
    report = new_report()
    deep = f"{QUEUE}{report.pk}/change/"
    response = client.get(deep)
    while response.status_code == 302 and not response["Location"].startswith(LOGIN):
        response = client.get(response["Location"])
    assert response["Location"].startswith(LOGIN)
    next_url = response["Location"].split("next=", 1)[1]
    from urllib.parse import unquote

    assert sign_in(client, next_url=unquote(next_url))["Location"] == MFA
    response = client.post(MFA, {"code": current_code(secret)})
    assert response["Location"] == deep
    assert client.get(deep).status_code == 200


def test_a_code_cannot_be_used_twice(client, officer, secret):
    code = current_code(secret)
    sign_in(client)
    assert client.post(MFA, {"code": code}).status_code == 302
    client.logout()
    sign_in(client)
    assert client.post(MFA, {"code": code}).status_code == 200  # refused: already used


def test_a_recovery_code_works_once(client, officer, secret):
    code = recovery_codes(officer)[0]
    sign_in(client)
    assert client.post(MFA, {"code": code}).status_code == 302
    client.logout()
    sign_in(client)
    assert client.post(MFA, {"code": code}).status_code == 200


def test_wrong_codes_are_limited(client, officer, secret, settings):
    settings.ACCOUNT_RATE_LIMITS = {"login_failed": "30/15m/ip,3/15m/key"}
    sign_in(client)
    for _ in range(3):
        client.post(MFA, {"code": "000000"})
    response = client.post(MFA, {"code": current_code(secret)})
    assert response.status_code == 200  # even the right code waits
    assert "_auth_user_id" not in client.session


def test_repeated_failed_sign_ins_are_locked_out(client, officer, settings):
    settings.ACCOUNT_RATE_LIMITS = {"login_failed": "30/15m/ip,3/15m/key"}
    with time_machine.travel("2026-11-23 10:00Z", tick=False) as traveller:
        for minute in range(3):
            traveller.move_to(f"2026-11-23 10:0{minute}Z")
            sign_in(client, password="wrong")
        traveller.move_to("2026-11-23 10:14Z")  # 12 minutes after the last: still locked
        response = sign_in(client)
        assert response.status_code == 200
        assert "_auth_user_id" not in client.session
        assert AuditEntry.objects.filter(action="login_failed", username="officer").count() == 3
        traveller.move_to("2026-11-23 10:15:01Z")
        assert sign_in(client).status_code == 302


def test_a_right_password_does_not_count_against_the_lockout(client, officer, settings):
    settings.ACCOUNT_RATE_LIMITS = {"login_failed": "30/15m/ip,2/15m/key"}
    for _ in range(3):
        assert sign_in(client).status_code == 302
        client.logout()
    sign_in(client, password="wrong")
    assert sign_in(client).status_code == 302


def test_a_secret_that_does_not_decrypt_stops_the_sign_in(client, officer, secret, caplog):
    """Fail closed: never a code computed from an empty key."""
    auth = Authenticator.objects.get(user=officer, type="totp")
    auth.data["secret"] = "not-a-token"
    auth.save()
    sign_in(client)
    empty_key_code = current_code("A" * 16)
    response = client.post(MFA, {"code": empty_key_code})
    assert response.status_code == 403
    assert "_auth_user_id" not in client.session
    assert "does not decrypt" in caplog.text
    assert "not-a-token" not in caplog.text


def test_a_session_without_its_second_factor_is_sent_to_sign_in_again(client, officer, secret):
    client.force_login(officer)  # a password-only session, as from before the library
    response = client.get(QUEUE)
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)
    assert "_auth_user_id" not in client.session


def test_an_idle_staff_session_ends(client, officer, settings, staff_login):
    settings.STAFF_IDLE_MINUTES = 30
    with time_machine.travel("2026-11-23 10:00Z", tick=False) as traveller:
        staff_login(officer)
        assert client.get(QUEUE).status_code == 200
        traveller.move_to("2026-11-23 10:20Z")
        assert client.get(QUEUE).status_code == 200
        traveller.move_to("2026-11-23 10:51Z")
        response = client.get(QUEUE)
        assert response.status_code == 302
        assert response["Location"].startswith(LOGIN)
        assert "_auth_user_id" not in client.session


def test_the_admin_language_choice_sticks(client, editor, staff_login):
    staff_login(editor)
    client.post("/i18n/setlang/", {"language": "nl", "next": "/fr/admin/"})
    response = client.get("/fr/admin/campaign/article/")
    assert response.status_code == 302
    assert response["Location"] == "/nl/admin/campaign/article/"
    assert client.get("/nl/admin/campaign/article/").status_code == 200


@pytest.fixture
def passkey_only_officers():
    from staff.models import GroupSignInPolicy

    return GroupSignInPolicy.objects.create(
        group=Group.objects.get(name="Triage officer"), passkey_only=True
    )


def test_a_passkey_only_member_without_a_passkey_may_only_add_one(
    client, officer, secret, passkey_only_officers
):
    sign_in(client)
    client.post(MFA, {"code": current_code(secret)})
    for url in [QUEUE, "/fr/admin/", "/fr/staff/2fa/totp/activate/"]:
        assert client.get(url)["Location"] == "/fr/staff/2fa/webauthn/add/", url
    assert client.get("/fr/staff/2fa/webauthn/add/").status_code == 200


def test_a_passkey_only_member_with_a_passkey_cannot_use_the_password(
    client, officer, secret, passkey_only_officers
):
    Authenticator.objects.create(user=officer, type="webauthn", data={"name": "Portable"})
    sign_in(client)
    client.post(MFA, {"code": current_code(secret)})
    response = client.get(QUEUE)
    assert response["Location"].startswith(LOGIN)
    assert "_auth_user_id" not in client.session


def test_a_passkey_session_passes_the_passkey_only_rule(client, officer, passkey_only_officers):
    from allauth.account.internal.flows.login import (
        _AUTHENTICATION_METHODS_USER_SESSION_KEY,
        AUTHENTICATION_METHODS_SESSION_KEY,
    )

    client.force_login(officer)
    session = client.session
    session[AUTHENTICATION_METHODS_SESSION_KEY] = [
        {"method": "mfa", "type": "webauthn", "passwordless": True, "at": time.time()}
    ]
    session[_AUTHENTICATION_METHODS_USER_SESSION_KEY] = str(officer.pk)
    session.save()
    assert client.get(QUEUE).status_code == 200


def test_supervisors_set_the_groups_sign_in_rules(client, officer, supervisor, staff_login):
    url = "/fr/admin/staff/groupsigninpolicy/"
    staff_login(officer)
    assert client.get(url).status_code == 403
    staff_login(supervisor)
    assert client.get(url).status_code == 200
    assert client.get(f"{url}add/").status_code == 200


def test_staff_pages_carry_the_idle_warning_and_keepalive_counts_as_activity(
    client, officer, settings, staff_login
):
    settings.STAFF_IDLE_MINUTES = 30
    with time_machine.travel("2026-11-23 10:00Z", tick=False) as traveller:
        staff_login(officer)
        body = client.get(QUEUE).content.decode()
        assert 'id="idle-warning"' in body
        assert 'data-seconds-left="1800"' in body
        assert "staff-idle.js" in body
        traveller.move_to("2026-11-23 10:29Z")
        assert client.get("/fr/staff/keepalive/").status_code == 204
        traveller.move_to("2026-11-23 10:58Z")  # 29 minutes after the keepalive
        assert client.get(QUEUE).status_code == 200


def test_keepalive_says_when_the_session_has_ended(client, officer, staff_login):
    assert client.get("/fr/staff/keepalive/").status_code == 401
    staff_login(officer)
    assert client.get("/fr/staff/keepalive/").status_code == 204
