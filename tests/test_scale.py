"""Nothing lives in one process's memory: two gunicorn processes on one PostgreSQL share the
throttles and the reporter's follow-up session."""

import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.core.cache import cache
from django.db import connection

from reports.intake.services import submit_report

ROOT = Path(__file__).resolve().parent.parent
pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL, as production"),
    pytest.mark.django_db(transaction=True),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def two_servers(tmp_path):
    db = connection.settings_dict
    url = f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DATABASE_URL": url, "DEBUG": "false", "FOLLOW_UP_FAILURE_LIMIT": "3",
        "DJANGO_ENV": "local",
        "PRIVATE_ROOT": str(tmp_path), "TASKS_BACKEND": "django.tasks.backends.dummy.DummyBackend",
    }  # fmt: skip
    ports = [free_port(), free_port()]
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "jedisstop.wsgi",
                "--workers",
                "1",
                "--bind",
                f"127.0.0.1:{port}",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for port in ports
    ]
    cache.clear()  # the cache table outlives a transactional test's flush
    deadline = time.time() + 30
    for port in ports:
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/robots.txt", timeout=2)
                break
            except (urllib.error.URLError, ConnectionError):
                if time.time() > deadline:
                    raise
                time.sleep(0.2)
    yield [f"http://127.0.0.1:{port}" for port in ports]
    for proc in procs:
        proc.terminate()
        proc.wait(timeout=10)
    cache.clear()


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
        token = next(c.value for c in self.jar if c.name == "csrftoken")
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": token}).encode()
        request = urllib.request.Request(url, data=body, headers={"Referer": url})
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
