"""The proof that no limit can be beaten in parallel: a real multi-process server (gunicorn,
2 processes of 16 threads each) on PostgreSQL, 50 attempts sent at once, and never more than
the limit evaluated: reports stored, wrong follow-up codes, wrong passwords and wrong
second-factor codes checked. PostgreSQL only, as in production."""

from __future__ import annotations

import http.client
import re
import threading
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.contrib.auth.models import Group
from django.db import connection

from reports.intake.services import submit_report
from reports.models import AuditEntry, Report
from staff.authenticators import current_code, give_totp
from tests.reporting import report_data
from tests.servers import gunicorn

ROOT = Path(__file__).resolve().parent.parent
ATTEMPTS = 50
LIMITS = {"REPORT_SUBMIT_LIMIT": 10, "FOLLOW_UP_FAILURE_LIMIT": 5, "STAFF_LOGIN_FAILURE_LIMIT": 5}
PASSWORD = "correct horse battery"
pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL, as production"),
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def server(tmp_path):
    env = {**LIMITS, "REPORT_MIN_FILL_SECONDS": 0, "LOG_LEVEL": "ERROR"}
    with gunicorn(env, tmp_path, workers=2, threads=16) as (port,):
        yield port


class Client:
    """One visitor: cookies kept by hand, a fresh connection per request (thread-safe)."""

    def __init__(self, port: int):
        self.port = port
        self.cookies: dict[str, str] = {}

    def request(self, method, path, data=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if data is not None:
            body = urllib.parse.urlencode(
                {**data, "csrfmiddlewaretoken": self.cookies.get("csrftoken", "")}
            )
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        text = response.read().decode()
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                key, _, rest = value.partition("=")
                self.cookies[key] = rest.split(";", 1)[0]
        conn.close()
        return response.status, text

    def burst(self, path, make_data, attempts: int = ATTEMPTS) -> list[tuple[int, str]]:
        """`attempts` POSTs released together from as many threads."""
        gate = threading.Barrier(attempts)

        def one(i):
            data = make_data(i)
            gate.wait()
            return self.request("POST", path, data)

        with ThreadPoolExecutor(attempts) as pool:
            return list(pool.map(one, range(attempts)))


def report(name: str, limit: int, evaluated: int, statuses) -> None:
    counts = {status: statuses.count(status) for status in sorted(set(statuses))}
    print(f"\nparallel {name}: {evaluated} of {len(statuses)} evaluated (limit {limit}); {counts}")


def test_parallel_reports_store_no_more_than_the_limit(server):
    client = Client(server)
    client.request("GET", "/fr/signaler/")
    answers = client.burst("/fr/signaler/", lambda i: report_data())
    stored = Report.objects.count()
    report("reports", LIMITS["REPORT_SUBMIT_LIMIT"], stored, [s for s, _ in answers])
    assert stored == LIMITS["REPORT_SUBMIT_LIMIT"]
    assert {s for s, _ in answers} <= {302, 429}  # sent (to the receipt), or turned away
    assert sum(s == 429 for s, _ in answers) == ATTEMPTS - stored


def test_parallel_wrong_follow_up_codes_are_checked_no_more_than_the_limit(server):
    submit_report(location="belgium", country="BE", place_kind="", content={}, upload_token="x")
    client = Client(server)
    client.request("GET", "/fr/suivi/")
    answers = client.burst(
        "/fr/suivi/", lambda i: {"action": "login", "code": "AAAA-BBBB-CCCC-DDDD-EEEE"}
    )
    wrong = sum("pas reconnu" in text for _, text in answers)
    report("follow-up codes", LIMITS["FOLLOW_UP_FAILURE_LIMIT"], wrong, [s for s, _ in answers])
    assert wrong <= LIMITS["FOLLOW_UP_FAILURE_LIMIT"]
    assert sum(s == 429 for s, _ in answers) == ATTEMPTS - wrong


@pytest.fixture
def officer(roles, django_user_model):
    user = django_user_model.objects.create_user("officer", is_staff=True)
    # A cheap hash the server accepts (the tests' MD5 hasher is not in its list).
    user.password = PBKDF2PasswordHasher().encode(PASSWORD, "saltsaltsalt", iterations=1000)
    user.save()
    user.groups.add(Group.objects.get(name="Triage officer"))
    user.totp_key = give_totp(user)
    return user


def test_parallel_wrong_passwords_are_checked_no_more_than_the_limit(server, officer):
    client = Client(server)
    client.request("GET", "/en/staff/login/")
    answers = client.burst(
        "/en/staff/login/", lambda i: {"login": "officer", "password": f"wrong-{i}"}
    )
    wrong = sum("password you specified are not correct" in text for _, text in answers)
    audited = AuditEntry.objects.filter(action="login_failed", detail="password").count()
    report("passwords", LIMITS["STAFF_LOGIN_FAILURE_LIMIT"], wrong, [s for s, _ in answers])
    assert wrong <= LIMITS["STAFF_LOGIN_FAILURE_LIMIT"]
    assert audited == wrong


def test_parallel_wrong_second_factor_codes_are_checked_no_more_than_the_limit(server, officer):
    client = Client(server)
    client.request("GET", "/en/staff/login/")
    status, _ = client.request(
        "POST", "/en/staff/login/", {"login": "officer", "password": PASSWORD}
    )
    assert status == 302
    answers = client.burst("/en/staff/2fa/authenticate/", lambda i: {"code": f"{i:06d}"[::-1]})
    wrong = sum(re.search(r"Incorrect code", text) is not None for _, text in answers)
    audited = AuditEntry.objects.filter(
        action="login_failed", detail__startswith="second factor"
    ).count()
    limit = LIMITS["STAFF_LOGIN_FAILURE_LIMIT"]
    report("second-factor codes", limit, wrong, [s for s, _ in answers])
    assert wrong <= LIMITS["STAFF_LOGIN_FAILURE_LIMIT"]
    assert audited == wrong


def test_a_success_between_two_bursts_does_not_reset_the_clients_limit(server, officer):
    """A right code cleared every failed-login counter, the client's included: an insider
    tried 48 wrong passwords on other accounts from one client in 3 minutes (limit 20)."""
    per_client = LIMITS["STAFF_LOGIN_FAILURE_LIMIT"] * 4
    attacker = Client(server)
    attacker.request("GET", "/en/staff/login/")
    wrong_text = "password you specified are not correct"

    def guesses(offset):
        return attacker.burst(
            "/en/staff/login/",
            lambda i: {"login": f"colleague-{offset + i % 4}", "password": f"guess-{i}"},
            attempts=15,
        )

    first = guesses(0)
    # The same client signs in with its own account, password and code, in between.
    own = Client(server)
    own.request("GET", "/en/staff/login/")
    status, _ = own.request("POST", "/en/staff/login/", {"login": "officer", "password": PASSWORD})
    assert status == 302
    status, _ = own.request(
        "POST", "/en/staff/2fa/authenticate/", {"code": current_code(officer.totp_key)}
    )
    assert status == 302
    second = guesses(4)
    checked = sum(wrong_text in text for _, text in first + second)
    report("wrong passwords around a success", per_client, checked, [s for s, _ in first + second])
    assert checked <= per_client
    assert sum(wrong_text in text for _, text in first) == 15
