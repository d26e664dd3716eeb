"""A team member's key pair (issue "Reports sealed to the team", slice 1): made at the first
sign-in with a password, its private key wrapped under the password (Argon2id), unlocked once
the password is verified and usable only once the second factor has passed, held for the
session under a key whose only copy is the browser's cookie, wrapped again on a password
change, gone from the session and the browser at sign-out."""

from __future__ import annotations

import logging
from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.contrib.auth.models import AnonymousUser, Group
from django.test import RequestFactory
from django.utils import timezone

from encryption import staffkeys
from staff import keyring
from staff.authenticators import current_code, give_totp
from staff.models import StaffKey
from tests.test_staff_sign_in import LOGIN, MFA, PASSWORD

pytestmark = pytest.mark.django_db

COOKIE = "staffkey"


@pytest.fixture
def officer(django_user_model):
    user = django_user_model.objects.create_user("officer", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="Triage officer"))
    return user


@pytest.fixture
def secret(officer):
    return give_totp(officer)


def sign_in(client, username="officer", password=PASSWORD, secret=None):
    response = client.post(LOGIN, {"login": username, "password": password})
    if secret is not None and response.get("Location") == MFA:
        response = client.post(MFA, {"code": current_code(secret)})
    return response


def sign_in_again(client, secret, password=PASSWORD):
    """Signed out, then in again a minute later: a code is never accepted twice."""
    client.post("/fr/staff/logout/")
    with time_machine.travel(timezone.now() + timedelta(minutes=1), tick=True):
        return sign_in(client, password=password, secret=secret)


def request_of(client, user):
    """A request as the signed-in browser would send it: its session and its cookies."""
    request = RequestFactory().get("/fr/admin/")
    request.user = user
    request.session = client.session
    request.COOKIES = {name: morsel.value for name, morsel in client.cookies.items()}
    return request


def test_the_first_sign_in_makes_a_key_pair_that_opens_only_after_the_code(client, officer, secret):
    response = client.post(LOGIN, {"login": "officer", "password": PASSWORD})
    assert response["Location"] == MFA
    record = StaffKey.objects.get(user=officer)
    assert len(bytes(record.public_key)) == 32
    cookie = response.cookies[COOKIE]
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"
    assert cookie["path"] == "/"
    assert not cookie["max-age"]  # the browser session only
    # Between the password and the code: held, but nobody is signed in to use it.
    assert keyring.unlocked_key(request_of(client, AnonymousUser())) is None
    assert keyring.unlocked_key(request_of(client, officer)) is None  # no second factor yet
    assert client.post(MFA, {"code": current_code(secret)}).status_code == 302
    private = keyring.unlocked_key(request_of(client, officer))
    assert private is not None
    assert staffkeys.public_key_of(private) == bytes(record.public_key)
    # The next sign-in opens the same key.
    sign_in_again(client, secret)
    assert keyring.unlocked_key(request_of(client, officer)) == private
    assert StaffKey.objects.count() == 1


def test_what_the_server_keeps_opens_nothing_without_the_browsers_cookie(
    client, officer, secret, caplog
):
    sign_in(client, secret=secret)
    request = request_of(client, officer)
    private = keyring.unlocked_key(request)
    cookie = request.COOKIES.pop(COOKIE)
    assert keyring.unlocked_key(request) is None  # the session row alone
    request.COOKIES[COOKIE] = cookie[:-4] + ("AAAA" if not cookie.endswith("AAAA") else "BBBB")
    with caplog.at_level(logging.WARNING, logger="staff.keys"):
        assert keyring.unlocked_key(request) is None
    assert "does not open" in caplog.text
    # Nothing of the key or of the cookie in the database row, nor in any log record.
    record = StaffKey.objects.get(user=officer)
    assert private not in bytes(record.wrapped_private_key)
    assert cookie not in caplog.text
    assert PASSWORD not in caplog.text
    session_row = str(dict(client.session))
    assert cookie not in session_row


def test_a_wrong_password_derives_nothing(client, officer, secret):
    response = sign_in(client, password="wrong horse")
    assert response.status_code == 200
    assert not StaffKey.objects.exists()
    assert COOKIE not in response.cookies


def test_an_editor_gets_no_key(client, django_user_model):
    editor = django_user_model.objects.create_user("editor", password=PASSWORD, is_staff=True)
    editor.groups.add(Group.objects.get(name="Editor"))
    sign_in(client, username="editor")
    assert not StaffKey.objects.exists()


def test_the_key_is_wrapped_with_the_sites_argon2id_parameters_stored_beside_it(
    client, officer, secret, settings
):
    settings.STAFF_KEY_ARGON2 = {"memory_kib": 65536, "iterations": 3, "lanes": 4}
    sign_in(client, secret=secret)
    record = StaffKey.objects.get(user=officer)
    assert (record.memory_kib, record.iterations, record.lanes) == (65536, 3, 4)
    assert len(bytes(record.salt)) == 16
    # Raised later, an old key still opens with what it was made with.
    settings.STAFF_KEY_ARGON2 = {"memory_kib": 8, "iterations": 1, "lanes": 1}
    sign_in_again(client, secret)
    assert keyring.unlocked_key(request_of(client, officer)) is not None


def test_a_wrapped_key_does_not_open_for_another_account(officer, django_user_model):
    params = staffkeys.Argon2Params(8, 1, 1)
    private = staffkeys.new_private_key()
    wrapped = staffkeys.wrap(private, PASSWORD, params=params, context=b"user 1")
    assert staffkeys.unwrap(wrapped, PASSWORD, context=b"user 1") == private
    with pytest.raises(staffkeys.Locked):
        staffkeys.unwrap(wrapped, PASSWORD, context=b"user 2")
    with pytest.raises(staffkeys.Locked):
        staffkeys.unwrap(wrapped, "another password", context=b"user 1")


def test_a_password_change_wraps_the_same_key_under_the_new_password(client, officer, secret):
    sign_in(client, secret=secret)
    before = StaffKey.objects.get(user=officer)
    private = keyring.unlocked_key(request_of(client, officer))
    new = "a much longer new passphrase"
    response = client.post(
        "/fr/staff/password/change/",
        {"oldpassword": PASSWORD, "password1": new, "password2": new},
    )
    assert response.status_code == 302, response.content.decode()[:500]
    after = StaffKey.objects.get(user=officer)
    assert bytes(after.public_key) == bytes(before.public_key)
    assert bytes(after.salt) != bytes(before.salt)
    context = f"jedisstop staff key of user {officer.pk}".encode()
    wrapped = staffkeys.Wrapped(
        bytes(after.wrapped_private_key), bytes(after.salt),
        staffkeys.Argon2Params(after.memory_kib, after.iterations, after.lanes),
    )  # fmt: skip
    assert staffkeys.unwrap(wrapped, new, context=context) == private
    with pytest.raises(staffkeys.Locked):
        staffkeys.unwrap(wrapped, PASSWORD, context=context)
    # Still unlocked in this session.
    assert keyring.unlocked_key(request_of(client, officer)) == private


def test_a_password_set_while_the_key_is_locked_drops_it_and_the_next_sign_in_makes_one(
    client, officer, secret
):
    """A reset by email or by a supervisor cannot wrap a key it cannot open."""
    sign_in(client, secret=secret)
    old = bytes(StaffKey.objects.get(user=officer).public_key)
    officer.set_password("reset by email, long enough")
    officer.save()
    keyring.password_set(None, officer, "reset by email, long enough")
    assert not StaffKey.objects.filter(user=officer).exists()
    sign_in_again(client, secret, password="reset by email, long enough")
    assert bytes(StaffKey.objects.get(user=officer).public_key) != old


def test_a_password_set_elsewhere_gives_a_new_key_at_the_next_sign_in(client, officer, secret):
    """A password set without the site's flows (an administrator's shell): the stored key
    no longer opens with the verified password; a new pair replaces it."""
    sign_in(client, secret=secret)
    old = bytes(StaffKey.objects.get(user=officer).public_key)
    officer.set_password("set in a shell, long enough")
    officer.save()
    sign_in_again(client, secret, password="set in a shell, long enough")
    assert bytes(StaffKey.objects.get(user=officer).public_key) != old
    assert keyring.unlocked_key(request_of(client, officer)) is not None


def test_signing_out_deletes_the_sessions_copy_and_the_cookie(client, officer, secret):
    sign_in(client, secret=secret)
    assert keyring.SESSION_ENTRY in client.session
    response = client.post("/fr/staff/logout/")
    assert response.cookies[COOKIE].value == ""
    assert response.cookies[COOKIE]["max-age"] == 0
    assert keyring.SESSION_ENTRY not in client.session


def test_production_names_the_cookie_host_only():
    """__Host-: sent only to this host, over HTTPS, path /."""
    from tests.test_settings import PROD_ENV, run_manage

    code = (
        "from django.conf import settings as s; "
        "print(s.STAFF_KEY_COOKIE_NAME, s.SESSION_COOKIE_SECURE)"
    )
    shown = run_manage("shell", "--no-imports", "-c", code, env=PROD_ENV)
    assert shown.stdout.split() == ["__Host-staffkey", "True"], shown.stderr[-500:]
    assert settings.STAFF_KEY_COOKIE_NAME == "staffkey"  # locally, over http


def test_two_first_sign_ins_at_once_share_one_key_pair(client, officer, secret, monkeypatch):
    """The second finds no key when it looks, and the first has made one when it writes:
    it takes that one, instead of an error page."""
    sign_in(client, secret=secret)
    made = bytes(StaffKey.objects.get(user=officer).public_key)
    monkeypatch.setattr(keyring, "_stored", lambda user: None)
    other = type(client)()
    sign_in(other, secret=None)
    with time_machine.travel(timezone.now() + timedelta(minutes=1), tick=True):
        other.post(MFA, {"code": current_code(secret)})
    assert bytes(StaffKey.objects.get(user=officer).public_key) == made
    private = keyring.unlocked_key(request_of(other, officer))
    assert staffkeys.public_key_of(private) == made


def test_a_passkeys_prf_output_wraps_the_same_key_and_only_it_opens_it(client, officer, secret):
    """WebAuthn's PRF: the key unlocked by a password sign-in is wrapped under a passkey's PRF
    output; that output alone unlocks it at a passkey sign-in (a wrong one holds nothing)."""
    sign_in(client, secret=secret)
    request = request_of(client, officer)
    private = keyring.unlocked_key(request)
    output = bytes(range(32))
    assert keyring.add_passkey_unlock(request, "cred-1", output)
    assert keyring.passkey_unlocks(officer, "cred-1")
    assert output.hex() not in str(StaffKey.objects.get(user=officer).passkey_wraps)

    client.post("/fr/staff/logout/")
    fresh = request_of(client, officer)
    assert not keyring.unlock_with_passkey(fresh, officer, "cred-1", bytes(32))  # wrong output
    assert not keyring.unlock_with_passkey(fresh, officer, "cred-2", output)  # another passkey
    assert keyring.SESSION_ENTRY not in fresh.session
    assert keyring.unlock_with_passkey(fresh, officer, "cred-1", output)
    import base64

    held = base64.b64decode(fresh.session[keyring.SESSION_ENTRY]["held"])
    cookie = base64.urlsafe_b64decode(fresh._staff_key_cookie)
    assert staffkeys.release(held, cookie, context=keyring._held_context(officer)) == private
    # Nothing is wrapped without the key unlocked in the session.
    assert not keyring.add_passkey_unlock(request_of(client, officer), "cred-3", output)


@pytest.mark.parametrize("credential_id", ["abcde", "é-not-ascii", "a", "%%%%"])
def test_letting_a_passkey_open_the_reports_refuses_any_credential_it_does_not_know(
    client, officer, secret, credential_id
):
    """The page's form takes only the member's own passkeys; whatever else is posted as a
    credential's id (malformed base64 too) is refused in words, never a server error."""
    import json

    sign_in(client, secret=secret)
    response = client.post(
        "/fr/staff/passkey-unlock/",
        {"credential": json.dumps({"id": credential_id}), "prf": "A" * 43},
        follow=True,
    )
    assert response.status_code == 200
    assert "pas pu être réglée pour ouvrir les signalements" in response.content.decode()
    assert StaffKey.objects.get(user=officer).passkey_wraps == {}
