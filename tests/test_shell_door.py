"""The blank report form answered at the door in front of Django (jedisstop.shelldoor): the
same answer as Django's, with each visitor's own tokens, and only when Django would give it."""

import re

import pytest
from django.conf import settings
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.middleware.csrf import _mask_cipher_secret, _unmask_cipher_token
from django.test import Client, RequestFactory
from django.urls import set_script_prefix

from jedisstop import pagecache
from jedisstop.shelldoor import ShellDoor

pytestmark = pytest.mark.django_db

FORM = "/fr/signaler/"


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300
    settings.PAGE_MEMORY_SECONDS = 60
    pagecache.clear_memory()
    yield
    pagecache.clear_memory()


@pytest.fixture
def door():
    # Django closes the database connection around each request it handles; the test's
    # transaction lives on that connection (as tests/test_nothing_lost.py does).
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield ShellDoor(WSGIHandler())
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


class Visit:
    """One request through the WSGI application, as a server would make it."""

    def __init__(self, app, path=FORM, *, method="GET", cookies=None, **environ):
        request = RequestFactory().generic(method, path, **environ)
        env = dict(request.environ)
        if cookies:
            env["HTTP_COOKIE"] = "; ".join(f"{name}={value}" for name, value in cookies.items())
        self.django_ran = False

        def started(**_kwargs):
            self.django_ran = True

        request_started.connect(started)
        try:
            result = app(env, self._start)
            self.body = b"".join(result)
            if hasattr(result, "close"):
                result.close()
        finally:
            request_started.disconnect(started)
            # Django's handler sets the script prefix from SCRIPT_NAME for the thread: put
            # it back, or every later reverse() in this process starts with it.
            set_script_prefix("/")
        self.text = self.body.decode()

    def _start(self, status, headers, exc_info=None):
        self.status, self.headers = status, headers

    def header(self, name):
        values = [value for header, value in self.headers if header.lower() == name.lower()]
        return values[0] if len(values) == 1 else values

    @property
    def cookie(self):
        match = re.match(rf"{settings.CSRF_COOKIE_NAME}=([^;]+)", self.header("Set-Cookie"))
        return match.group(1)

    def hidden(self, name):
        return re.search(rf'name="{name}" value="([^"]+)"', self.text).group(1)


def warm(door):
    """Rendered and stored, then answered from the shell through Django (the door learns)."""
    first, second = Visit(door), Visit(door)
    assert first.django_ran
    assert second.django_ran
    return second


def test_the_third_visitor_gets_the_form_at_the_door(door, seeded):
    through = warm(door)
    at_door = Visit(door)
    assert not at_door.django_ran
    assert at_door.status == through.status == "200 OK"
    assert at_door.header("Content-Length") == str(len(at_door.body))

    def without_tokens(visit):
        tokens = ("set-cookie", "content-length")
        return [(h, v) for h, v in visit.headers if h.lower() not in tokens]

    # Every header Django's middlewares set, as Django set it.
    assert without_tokens(at_door) == without_tokens(through)
    assert "default-src" in at_door.header("Content-Security-Policy")
    assert "no-store" in at_door.header("Cache-Control")
    assert at_door.header("X-Frame-Options") == "DENY"
    # The cookie as Django set it, with this visitor's own secret.
    assert at_door.header("Set-Cookie").replace(at_door.cookie, "S") == through.header(
        "Set-Cookie"
    ).replace(through.cookie, "S")
    assert at_door.cookie != through.cookie
    # The page is the same but for the visitor's own tokens.
    tokens = ("csrfmiddlewaretoken", "upload_token", "started")
    assert "placeholder" not in at_door.text
    for name in tokens[:2]:
        assert at_door.hidden(name) != through.hidden(name)
    masked = at_door.text
    for name in tokens:
        masked = masked.replace(at_door.hidden(name), through.hidden(name))
    assert masked == through.text
    assert _unmask_cipher_token(at_door.hidden("csrfmiddlewaretoken")) == at_door.cookie


def test_a_form_from_the_door_is_sent_as_any_other(door, seeded):
    from tests.reporting import report_data

    warm(door)
    at_door = Visit(door)
    assert not at_door.django_ran
    visitor = Client(enforce_csrf_checks=True)
    visitor.cookies[settings.CSRF_COOKIE_NAME] = at_door.cookie
    data = report_data(upload_token=at_door.hidden("upload_token"))
    data["csrfmiddlewaretoken"] = at_door.hidden("csrfmiddlewaretoken")
    response = visitor.post(FORM, data, follow=True)
    assert response.redirect_chain == [("/fr/signaler/envoye/", 302)]


def test_a_visitors_own_cookie_is_kept_and_a_bad_one_replaced(door, seeded):
    warm(door)
    kept = Visit(door, cookies={settings.CSRF_COOKIE_NAME: "a" * 32})
    assert not kept.django_ran
    assert kept.cookie == "a" * 32
    assert _unmask_cipher_token(kept.hidden("csrfmiddlewaretoken")) == "a" * 32
    # A masked cookie of an older Django: its secret, sent back unmasked (as Django does).
    older = Visit(door, cookies={settings.CSRF_COOKIE_NAME: _mask_cipher_secret("b" * 32)})
    assert older.cookie == "b" * 32
    for bad in ("short", "!" * 32):
        replaced = Visit(door, cookies={settings.CSRF_COOKIE_NAME: bad})
        assert not replaced.django_ran
        assert len(replaced.cookie) == 32
        assert replaced.cookie != bad
        assert _unmask_cipher_token(replaced.hidden("csrfmiddlewaretoken")) == replaced.cookie


@pytest.mark.parametrize(
    "visit",
    [
        {"cookies": {"sessionid": "x"}},  # staff, or anyone with a session
        {"cookies": {"messages": "x"}},  # a message waiting to be shown
        {"path": FORM + "?location=abroad"},
        {"method": "POST"},
        {"method": "HEAD"},
        {"HTTP_HOST": "evil.example"},
    ],
    ids=["session", "messages", "query", "post", "head", "host"],
)
def test_the_door_answers_only_what_the_page_cache_would(door, seeded, visit):
    warm(door)
    other = Visit(door, **visit)
    assert other.django_ran
    if "HTTP_HOST" in visit:
        assert other.status.startswith("400")


def test_another_page_is_never_answered_at_the_door(door, seeded):
    for _ in range(3):
        page = Visit(door, "/fr/")
        assert page.django_ran
    dutch = Visit(door, "/nl/melden/")
    assert dutch.django_ran  # another page, another shell


def test_a_content_change_or_the_copy_running_out_sends_the_next_one_through_django(
    door, seeded, settings
):
    warm(door)
    pagecache.clear()  # what an editor's change or a migration does
    assert Visit(door).django_ran  # rendered again
    assert Visit(door).django_ran  # answered from the new shell through Django
    assert not Visit(door).django_ran
    pagecache._memory.clear()  # this process's copy ran out
    assert Visit(door).django_ran


def test_without_the_page_cache_there_is_no_door(door, seeded, settings):
    settings.PAGE_CACHE_SECONDS = 0
    for _ in range(3):
        assert Visit(door).django_ran


def test_an_answer_setting_a_dated_cookie_is_never_kept(door, seeded, settings):
    settings.CSRF_COOKIE_AGE = 3600  # the cookie would carry an expiry date, frozen
    for _ in range(3):
        assert Visit(door).django_ran


def test_a_failing_door_lets_django_answer(door, seeded, monkeypatch):
    warm(door)

    def broken(*_args):
        raise RuntimeError("boom")

    monkeypatch.setattr(door, "_secret", broken)
    visit = Visit(door)
    assert visit.django_ran
    assert visit.status == "200 OK"
    assert "csrfmiddlewaretoken" in visit.text


def test_the_servers_application_has_the_door(monkeypatch):
    import importlib

    monkeypatch.setenv("DJANGO_ENV", "local")
    wsgi = importlib.import_module("jedisstop.wsgi")
    assert isinstance(wsgi.application, ShellDoor)


def test_the_least_recently_used_answer_goes_first(door, seeded, monkeypatch):
    """Answers for other hosts (ports) must not push out the form being used."""
    from jedisstop import shelldoor

    monkeypatch.setattr(shelldoor, "MAX_ANSWERS", 3)
    warm(door)
    for port in (1, 2, 3, 4):
        warm_other = [Visit(door, HTTP_HOST=f"testserver:{port}") for _ in range(2)]
        assert all(visit.status == "200 OK" for visit in warm_other)
        assert not Visit(door).django_ran  # the form in use stays at the door
    assert len(door.answers) == 3
    assert Visit(door, HTTP_HOST="testserver:1").django_ran  # the oldest other went


PRODUCTION = {
    "CSRF_COOKIE_SECURE": True,
    "CSRF_COOKIE_NAME": "__Host-csrftoken",
    "SESSION_COOKIE_NAME": "__Host-sessionid",
    "SECURE_SSL_REDIRECT": True,
    "SECURE_HSTS_SECONDS": 31536000,
    "SECURE_PROXY_SSL_HEADER": ("HTTP_X_FORWARDED_PROTO", "https"),
    "ALLOWED_HOSTS": ["jedisstop.example"],
}
HTTPS = {"HTTP_HOST": "jedisstop.example", "HTTP_X_FORWARDED_PROTO": "https"}
VARIANTS = {
    "https": dict(HTTPS),
    "http": {"HTTP_HOST": "jedisstop.example"},
    "forwarded-list": {"HTTP_HOST": "jedisstop.example", "HTTP_X_FORWARDED_PROTO": "https, http"},
    "port": {"HTTP_HOST": "jedisstop.example:444", "HTTP_X_FORWARDED_PROTO": "https"},
    "other-host": {"HTTP_HOST": "evil.example", "HTTP_X_FORWARDED_PROTO": "https"},
    "session": {**HTTPS, "HTTP_COOKIE": "__Host-sessionid=x"},
    "plain-session": {**HTTPS, "HTTP_COOKIE": "sessionid=x"},
    "cookie-injection": {**HTTPS, "HTTP_COOKIE": "__Host-csrftoken=" + "a" * 32 + "\r\nX: y"},
    "http10": {"SERVER_PROTOCOL": "HTTP/1.0", "SERVER_NAME": "jedisstop.example",
               "HTTP_X_FORWARDED_PROTO": "https"},
    "no-slash": {**HTTPS, "PATH_INFO": "/fr/signaler"},
    "double-slash": {**HTTPS, "PATH_INFO": "//fr/signaler/"},
    "upper-case": {**HTTPS, "PATH_INFO": "/FR/signaler/"},
    "dot-segment": {**HTTPS, "PATH_INFO": "/fr/./signaler/"},
    "dutch": {**HTTPS, "PATH_INFO": "/nl/melden/"},
    "script-name": {**HTTPS, "SCRIPT_NAME": "/fr", "PATH_INFO": "/signaler/"},
}  # fmt: skip


def same_but_tokens(visit):
    headers = []
    for name, value in sorted((h.lower(), v) for h, v in visit.headers):
        if name == "content-length":
            continue
        if name == "expires":  # the time it was rendered
            value = "E"
        if name == "set-cookie":
            value = re.sub(r"=[A-Za-z0-9]{32}", "=S", value)
        headers.append((name, value))
    return visit.status, headers


@pytest.mark.parametrize("variant", VARIANTS)
def test_in_production_settings_the_door_answers_as_django_would(door, seeded, settings, variant):
    """Status and every header, the door's answer (or its passing the request on) against
    Django's alone, request by request (found by a review: none differed)."""
    for name, value in PRODUCTION.items():
        setattr(settings, name, value)
    door = ShellDoor(WSGIHandler())  # its middlewares read these settings as they start
    environ = dict(VARIANTS[variant])
    path = environ.pop("PATH_INFO", FORM)
    for _ in range(3):
        Visit(door, path, **environ)
    at_door = Visit(door, path, **environ)
    pagecache.clear_memory()
    django = WSGIHandler()
    for _ in range(2):
        Visit(django, path, **environ)
    assert same_but_tokens(at_door) == same_but_tokens(Visit(django, path, **environ))
    if variant == "https":
        assert not at_door.django_ran
        assert "Secure" in at_door.header("Set-Cookie")
        assert at_door.header("Set-Cookie").startswith("__Host-csrftoken=")
        assert at_door.header("Strict-Transport-Security")


def test_threads_share_the_door_without_losing_an_answer(door, seeded):
    """A threaded server (runserver, gthread) shares one door: every visitor is still
    answered at the door, each with their own token."""
    import sys
    import threading

    warm(door)
    tokens, ran, errors = [], [], []

    def visitor():
        try:
            for _ in range(25):
                visit = Visit(door)
                ran.append(visit.django_ran)
                tokens.append(visit.hidden("csrfmiddlewaretoken"))
        except Exception as error:
            errors.append(error)

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible
    try:
        threads = [threading.Thread(target=visitor) for _ in range(6)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
    assert errors == []
    assert ran == [False] * 150
    assert len(set(tokens)) == 150


def test_any_other_request_costs_the_door_nothing(door, seeded, monkeypatch):
    """Only a path with an answer gets a request object and a key at the door; the home
    page, a static file or an admin page go straight to Django."""
    from jedisstop import shelldoor

    warm(door)
    made = []
    real = shelldoor.WSGIRequest

    def counted(environ):
        made.append(environ["PATH_INFO"])
        return real(environ)

    monkeypatch.setattr(shelldoor, "WSGIRequest", counted)
    for path in ("/fr/", "/robots.txt", "/fr/campagne/"):
        assert Visit(door, path).django_ran
    assert not Visit(door).django_ran
    assert made == [FORM]
