"""The privacy sweep over the whole test suite (a pytest plugin, loaded by conftest.py).

Each test is swept on its own, when its teardown is over:

- Logs: every record any logger handles while the test is set up, run and torn down,
  whatever its logger, handlers or propagation, is kept. Every report text, reporter or staff
  message and follow-up code the test creates is noted as it is encrypted or hashed (with
  those that a wider-scoped fixture the test uses created when it was set up). No record of
  the test may hold any of them; the test errors at teardown if one does. What one test
  submits and another logs (a hostile address probed with the same string, say) is no leak:
  the verdict on a test depends on that test alone, in any order and on any xdist worker.
- IP addresses: after every test that used the database, and before its data is rolled back
  or flushed, every text column of every table (decrypted report texts, decoded sessions and
  cache entries included) is searched for an IP address. The test fails if one is found.

Tests that want to see the detectors work use the `privacy_sweep` fixture (what the running
test created and logged so far), `find_secrets` and `ip_addresses_in_database`.
"""

from __future__ import annotations

import base64
import logging
import pickle
import re
import traceback
from collections import Counter

import pytest

SITE_HOST_IN_LINK = re.compile(r"//\[?[0-9A-Fa-f:.]+\]?(?::\d+)?(?=/)")
IPV4 = re.compile(
    r"(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)(?![\d.])"
)
IPV6 = re.compile(
    r"(?<![\w:])(?:::1|(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}|2001:db8:[0-9a-f:]+)(?![\w:])", re.I
)
# Shorter strings (a country code, "bar", a number of children) are not secrets of their own,
# nor strings of little variety ("0000000000", as Hypothesis generates them), which could
# turn up anywhere by chance.
MIN_SECRET = 10
MIN_DISTINCT = 6
DB_FIXTURES = {"db", "transactional_db", "live_server", "django_db_reset_sequences",
               "django_db_serialized_rollback"}  # fmt: skip


class Sweep:
    """What one test (or one wider-scoped fixture) created and logged."""

    def __init__(self):
        self.secrets: set[str] = set()
        self.lines: list[tuple[str, str]] = []
        self.database_checked = False

    def note(self, value) -> None:
        if isinstance(value, str):
            value = value.strip()
            if len(value) >= MIN_SECRET and len(set(value)) >= MIN_DISTINCT:
                self.secrets.add(value)
        elif isinstance(value, dict):
            for item in value.values():
                self.note(item)
        elif isinstance(value, list | tuple):
            for item in value:
                self.note(item)

    def note_code(self, code: str) -> None:
        self.secrets.add(code)
        self.secrets.add(code.replace("-", ""))


def record_text(record: logging.LogRecord) -> str:
    parts = [record.getMessage(), repr(record.args)]
    if record.exc_info:
        parts.append("".join(traceback.format_exception(*record.exc_info)))
    if record.exc_text:
        parts.append(record.exc_text)
    for name in ("request", "data", "body"):
        if hasattr(record, name):
            parts.append(repr(getattr(record, name)))
    return "\n".join(parts)


def find_secrets(lines: list[tuple[str, str]], secrets: set[str]) -> list[str]:
    found = []
    for logger, text in lines:
        for secret in secrets:
            if secret in text:
                found.append(f"{logger}: {secret[:30]!r} in {text[:200]!r}")
    return found


def _text_of(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bytes | memoryview):
        return bytes(value).decode("latin-1")
    return str(value)


def _decoded_cache_value(raw: str) -> str:
    try:
        return repr(pickle.loads(base64.b64decode(raw)))  # noqa: S301 - our own cache table
    except Exception:  # anything unreadable is searched as it is
        return raw


def ip_addresses_in_database() -> list[str]:
    """Every IP address stored anywhere in the database, with where it was found."""
    from django.apps import apps
    from django.conf import settings
    from django.db import connection, models

    from sessionstore.models import HashedSession as Session

    found: list[str] = []

    def search(where: str, text: str) -> None:
        # The site's own address in a link of a cached page (http://127.0.0.1:8000/…, the
        # test server) is not a visitor's: a host after "//" is left out of the search.
        text = SITE_HOST_IN_LINK.sub("//host", text)
        for match in (*IPV4.findall(text), *IPV6.findall(text)):
            found.append(f"{where}: {match}")

    for model in apps.get_models():
        if model._meta.proxy:
            continue
        fields = [
            f.attname for f in model._meta.concrete_fields
            if isinstance(f, models.CharField | models.TextField | models.JSONField
                          | models.GenericIPAddressField | models.BinaryField)
        ]  # fmt: skip
        if not fields:
            continue
        for row in model._default_manager.values_list(*fields):
            for name, value in zip(fields, row, strict=True):
                search(f"{model._meta.db_table}.{name}", _text_of(value))
    from encryption import holders
    from encryption.crypto import DecryptionError
    from encryption.fields import encrypted_fields
    from encryption.sealing import Locked
    from tests.keys import RECOVERY_PRIVATE_KEY

    # Every encrypted column, decrypted; sealed ones opened with the tests' recovery key
    # (a test that used keys of its own and has put the site's back leaves values this
    # cannot read: their stored form was searched above).
    with holders.holding(holders.recovery(RECOVERY_PRIVATE_KEY)):
        for model, columns, _files in encrypted_fields():
            for row in model._default_manager.all():
                for field in columns:
                    try:
                        value = getattr(row, field.name)
                    except (DecryptionError, Locked):
                        continue
                    search(f"{model._meta.label} {row.pk} {field.name} (decrypted)", repr(value))
    for session in Session.objects.all():
        search("session (decoded)", repr(session.get_decoded()))
    tables = set(connection.introspection.table_names())
    for alias in settings.CACHES.values():
        table = alias.get("LOCATION")
        if alias["BACKEND"].endswith("DatabaseCache") and table in tables:
            with connection.cursor() as cursor:
                cursor.execute(f"SELECT cache_key, value FROM {connection.ops.quote_name(table)}")  # noqa: S608
                for key, value in cursor.fetchall():
                    search(f"{table} {key}", key + _decoded_cache_value(value))
    return found


class _Run:
    """The sweep of the running test, and what outlives one test."""

    def __init__(self):
        self.monkeypatch: pytest.MonkeyPatch | None = None
        self.test: Sweep | None = None
        # Wider-scoped fixtures being set up (innermost last), and the secrets of those that
        # are set up, for every test that uses them.
        self.fixtures: list[Sweep] = []
        self.shared: dict[object, tuple[str, set[str]]] = {}
        self.totals: Counter[str] = Counter()

    def note(self, value) -> None:
        for sweep in self._noting():
            sweep.note(value)

    def note_code(self, code: str) -> None:
        for sweep in self._noting():
            sweep.note_code(code)

    def _noting(self) -> list[Sweep]:
        return [s for s in (self.test, *self.fixtures) if s is not None]

    def log(self, record: logging.LogRecord) -> None:
        test = self.test
        if test is not None:
            test.lines.append((record.name, record_text(record)))


_RUN = _Run()


def _install_log_capture(run: _Run, monkeypatch: pytest.MonkeyPatch) -> None:
    original = logging.Logger.handle

    def handle(self, record):
        run.log(record)
        return original(self, record)

    monkeypatch.setattr(logging.Logger, "handle", handle)


def _install_secret_notes(run: _Run, monkeypatch: pytest.MonkeyPatch) -> None:
    from encryption.fields import Ciphertext
    from reports.models import Message, Report

    def noting(model, name: str) -> None:
        """The encrypted field's attribute, noting every clear value assigned to it."""
        descriptor = model.__dict__[name]

        class Noting(type(descriptor)):
            def __set__(self, instance, value):
                if not isinstance(value, Ciphertext):
                    run.note(value)
                super().__set__(instance, value)

        monkeypatch.setattr(model, name, Noting(descriptor.field))

    noting(Report, "content")
    noting(Message, "body")

    set_code = Report.set_follow_up_code

    def set_follow_up_code(self, code):
        run.note_code(code)
        set_code(self, code)

    monkeypatch.setattr(Report, "set_follow_up_code", set_follow_up_code)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_setup(item):
    if _RUN.monkeypatch is None:  # Django is set up by now (pytest-django's pytest_configure)
        _RUN.monkeypatch = pytest.MonkeyPatch()
        _install_log_capture(_RUN, _RUN.monkeypatch)
        _install_secret_notes(_RUN, _RUN.monkeypatch)
    _RUN.test = Sweep()
    return (yield)


@pytest.hookimpl(wrapper=True)
def pytest_fixture_setup(fixturedef, request):
    if fixturedef.scope == "function":
        return (yield)
    sweep = Sweep()
    _RUN.fixtures.append(sweep)
    try:
        return (yield)
    finally:
        _RUN.fixtures.remove(sweep)
        if sweep.secrets:
            _RUN.shared[fixturedef] = (fixturedef.argname, sweep.secrets)


def pytest_fixture_post_finalizer(fixturedef, request):
    _RUN.shared.pop(fixturedef, None)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_teardown(item, nextitem):
    test = _RUN.test
    if test is None:  # no setup phase went through this plugin: nothing to sweep
        return (yield)
    # Wider-scoped fixtures may be torn down with this test: take their secrets first.
    for name, secrets in list(_RUN.shared.values()):
        if name in getattr(item, "fixturenames", ()):
            test.secrets |= secrets
    try:
        return (yield)
    finally:
        _RUN.test = None
        found = find_secrets(test.lines, test.secrets)
        _RUN.totals.update(
            tests=1, records=len(test.lines), secrets=len(test.secrets),
            database=int(test.database_checked),
        )  # fmt: skip
        if found:
            pytest.fail(
                "Privacy sweep: report text or a follow-up code reached the logs (this "
                "test's own, in a record made while it was set up, ran or was torn down):\n"
                + "\n".join(found[:20]),
                pytrace=False,
            )


def pytest_sessionfinish(session):
    # Under xdist, each worker hands its totals to the controller (pytest_testnodedown).
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:
        workeroutput["privacy_sweep"] = dict(_RUN.totals)


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    _RUN.totals.update(getattr(node, "workeroutput", {}).get("privacy_sweep", {}))


def pytest_unconfigure(config):
    if _RUN.monkeypatch is not None:
        _RUN.monkeypatch.undo()
        _RUN.monkeypatch = None


def pytest_terminal_summary(terminalreporter):
    totals = _RUN.totals
    if totals["tests"]:
        terminalreporter.write_line(
            f"privacy sweep: {totals['tests']} tests, each searched for the report texts and "
            f"follow-up codes it created ({totals['secrets']} in all) in the log records it "
            f"made ({totals['records']} in all); database searched for IP addresses after "
            f"{totals['database']} tests"
        )


@pytest.fixture
def privacy_sweep():
    """What the running test has created and logged so far."""
    assert _RUN.test is not None
    return _RUN.test


@pytest.fixture(autouse=True)
def _no_ip_address_stored(request):
    uses_db = request.node.get_closest_marker("django_db") or DB_FIXTURES & set(
        request.fixturenames
    )
    if not uses_db:
        yield
        return
    request.getfixturevalue("_django_db_helper")
    yield
    _RUN.test.database_checked = True
    found = ip_addresses_in_database()
    assert not found, "An IP address was stored: " + "; ".join(found[:10])
