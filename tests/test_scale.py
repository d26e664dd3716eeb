"""Nothing lives in one process's memory: two gunicorn processes on one PostgreSQL share the
throttles and the reporter's follow-up session."""

import http.cookiejar
import re
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.db import connection

from reports.intake.services import submit_report
from tests.servers import gunicorn

ROOT = Path(__file__).resolve().parent.parent
pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL, as production"),
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def two_servers(tmp_path):
    with gunicorn({"FOLLOW_UP_FAILURE_LIMIT": 3}, tmp_path, count=2) as ports:
        yield [f"http://127.0.0.1:{port}" for port in ports]


class Browser:
    """A cookie jar shared across both servers, as a browser behind a load balancer."""

    def __init__(self):
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), NoRedirect()
        )

    def get(self, url):
        return self._open(urllib.request.Request(url))

    def post(self, url, data):
        """As a browser sends a public form: no token, the page's own origin."""
        body = urllib.parse.urlencode(data).encode()
        origin = "/".join(url.split("/")[:3])
        headers = {"Referer": url, "Origin": origin, "Sec-Fetch-Site": "same-origin"}
        request = urllib.request.Request(url, data=body, headers=headers)
        return self._open(request)

    def _open(self, request):
        try:
            response = self.opener.open(request, timeout=10)
            return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def test_a_throttle_holds_across_two_processes(two_servers):
    a, b = two_servers
    browser = Browser()
    browser.get(f"{a}/fr/suivi/")
    statuses = [
        browser.post(
            f"{server}/fr/suivi/", {"action": "login", "code": "AAAA-BBBB-CCCC-DDDD-EEEE"}
        )[0]
        for server in (a, b, a)
    ]
    assert statuses == [200, 200, 200]
    status, body = browser.post(f"{b}/fr/suivi/", {"action": "login", "code": "AAAA"})
    assert status == 429
    assert "15 minutes" in body


def test_a_follow_up_session_holds_across_two_processes(two_servers):
    a, b = two_servers
    receipt = submit_report(
        location="belgium", country="BE", place_kind="", content={}, upload_token="none"
    )
    browser = Browser()
    browser.get(f"{a}/fr/suivi/")
    status, _body = browser.post(f"{a}/fr/suivi/", {"action": "login", "code": receipt.code})
    assert status == 302
    status, body = browser.get(f"{b}/fr/suivi/")
    assert status == 200
    assert re.search(re.escape(receipt.reference), body)
