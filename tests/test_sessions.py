"""Sessions: a database read gives no usable session; disabling ends them at once."""

import pytest
from django.test import Client

from sessionstore.backend import end_sessions_of, key_hash
from sessionstore.models import HashedSession

pytestmark = pytest.mark.django_db

QUEUE = "/fr/admin/reports/report/"


def test_the_table_holds_no_key_a_browser_could_present(client, officer, staff_login, settings):
    staff_login(officer)
    assert client.get(QUEUE).status_code == 200
    key = client.cookies[settings.SESSION_COOKIE_NAME].value
    stored = list(HashedSession.objects.values_list("session_key", flat=True))
    assert key not in stored
    assert key_hash(key) in stored
    # What an attacker with a database read would try: every stored value as a cookie.
    thief = Client()
    for value in stored:
        thief.cookies[settings.SESSION_COOKIE_NAME] = value
        response = thief.get(QUEUE)
        assert response.status_code == 302
        assert "/login/" in response["Location"]


def test_each_session_knows_whose_it_is_and_ends_with_the_account(client, officer, staff_login):
    staff_login(officer)
    other = Client()
    other.force_login(officer)
    assert HashedSession.objects.filter(user_id=officer.pk).count() == 2
    assert end_sessions_of(officer) == 2
    response = client.get(QUEUE)
    assert response.status_code == 302


def test_a_reporters_follow_up_session_is_hashed_too(client):
    from reports.intake.services import submit_report

    receipt = submit_report(
        location="belgium", country="BE", place_kind="", content={"description": "x"},
        upload_token="none",
    )  # fmt: skip
    client.post("/fr/suivi/", {"action": "login", "code": receipt.code})
    assert client.get("/fr/suivi/").status_code == 200
    session = HashedSession.objects.get()
    assert session.user_id is None
    assert session.session_key != client.cookies["sessionid"].value
