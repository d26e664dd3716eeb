"""Two-step verification for everyone who can see reports; lockout; idle timeout; login audit."""

import re

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core.cache import cache

from reports import totp
from reports.models import AuditEntry, RecoveryCode, StaffDevice

pytestmark = pytest.mark.django_db

ADMIN = "/fr/admin/"
QUEUE = "/fr/admin/reports/report/"


@pytest.fixture
def officer(django_user_model):
    user = django_user_model.objects.create_user(
        "officer", password="correct horse battery", is_staff=True
    )
    user.groups.add(Group.objects.get(name="Triage officer"))
    return user


def login(client, username="officer", password="correct horse battery"):
    return client.post(f"{ADMIN}login/", {"username": username, "password": password})


def test_it_sends_a_new_officer_to_set_up_an_authenticator(client, officer):
    login(client)
    response = client.get(QUEUE)
    assert response.status_code == 302
    assert response["Location"] == "/fr/admin/two-factor/setup/"
    page = client.get("/fr/admin/two-factor/setup/")
    body = page.content.decode()
    assert "<svg" in body  # the QR code, drawn by the site
    assert "http" not in re.search(r"<svg.*?</svg>", body, re.S).group(0).replace(
        "http://www.w3.org", ""
    )


def test_setting_up_gives_recovery_codes_and_opens_the_queue(client, officer):
    login(client)
    client.get("/fr/admin/two-factor/setup/")
    secret = StaffDevice.objects.get(user=officer).secret
    wrong = client.post("/fr/admin/two-factor/setup/", {"code": "000000"})
    assert "pas correct" in wrong.content.decode() or "not right" in wrong.content.decode()
    response = client.post("/fr/admin/two-factor/setup/", {"code": totp.current_code(secret)})
    codes = re.findall(
        r"<code>([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})</code>", response.content.decode()
    )
    assert len(codes) == 10
    assert RecoveryCode.objects.filter(user=officer).count() == 10
    assert codes[0].replace("-", "") not in RecoveryCode.objects.first().code_hash
    assert client.get(QUEUE).status_code == 200


def confirmed(officer):
    device = StaffDevice(user=officer)
    device.secret = totp.new_secret()
    device.confirmed_at = "2026-01-01T00:00Z"
    device.save()
    return device


def test_an_officer_with_an_authenticator_gives_a_code_at_each_login(client, officer):
    device = confirmed(officer)
    login(client)
    assert client.get(QUEUE)["Location"] == "/fr/admin/two-factor/verify/"
    assert client.post("/fr/admin/two-factor/verify/", {"code": "123456"}).status_code == 200
    response = client.post(
        "/fr/admin/two-factor/verify/", {"code": totp.current_code(device.secret)}
    )
    assert response.status_code == 302
    assert client.get(QUEUE).status_code == 200
    assert AuditEntry.objects.filter(action="login", username="officer").exists()
    assert AuditEntry.objects.filter(action="login_failed", username="officer").exists()


def test_a_code_cannot_be_used_twice(client, officer):
    device = confirmed(officer)
    code = totp.current_code(device.secret)
    login(client)
    client.post("/fr/admin/two-factor/verify/", {"code": code})
    client.logout()
    login(client)
    response = client.post("/fr/admin/two-factor/verify/", {"code": code})
    assert response.status_code == 200  # refused: already used


def test_a_recovery_code_works_once(client, officer):
    from reports.twofactor import new_recovery_codes

    confirmed(officer)
    code = new_recovery_codes(officer)[0]
    login(client)
    assert client.post("/fr/admin/two-factor/verify/", {"code": code}).status_code == 302
    client.logout()
    login(client)
    assert client.post("/fr/admin/two-factor/verify/", {"code": code}).status_code == 200


def test_wrong_codes_are_limited(client, officer, settings):
    settings.STAFF_LOGIN_FAILURE_LIMIT = 3
    device = confirmed(officer)
    login(client)
    for _ in range(3):
        client.post("/fr/admin/two-factor/verify/", {"code": "000000"})
    response = client.post(
        "/fr/admin/two-factor/verify/", {"code": totp.current_code(device.secret)}
    )
    assert "15 minutes" in response.content.decode()


def test_repeated_failed_logins_are_locked_out_with_a_clear_message(client, officer, settings):
    settings.STAFF_LOGIN_FAILURE_LIMIT = 3
    for _ in range(3):
        login(client, password="wrong")
    response = login(client)
    assert response.status_code == 200
    assert "15 minutes" in response.content.decode()
    assert "_auth_user_id" not in client.session
    cache.clear()
    assert login(client).status_code == 302


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
        assert "/admin/login/" in response["Location"]
        assert "_auth_user_id" not in client.session


def test_editors_need_no_second_factor(client, editor):
    client.force_login(editor)
    assert client.get("/fr/admin/campaign/article/").status_code == 200


def test_the_admin_language_choice_sticks(client, editor):
    client.force_login(editor)
    client.post("/i18n/setlang/", {"language": "nl", "next": "/fr/admin/"})
    response = client.get("/fr/admin/campaign/article/")
    assert response.status_code == 302
    assert response["Location"] == "/nl/admin/campaign/article/"
    assert client.get("/nl/admin/campaign/article/").status_code == 200
