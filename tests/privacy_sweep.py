"""The privacy sweep over the whole test suite (a pytest plugin, loaded by conftest.py).

- Logs: every record any logger handles during the run, whatever its logger, handlers or
  propagation, is kept. Every report text, reporter or staff message and follow-up code that
  any test creates is noted as it is encrypted or hashed. When the run ends, no record may
  hold any of them; the run fails if one does.
- IP addresses: after every test that used the database, and before its data is rolled back
  or flushed, every text column of every table (decrypted report texts, decoded sessions and
  cache entries included) is searched for an IP address. The test fails if one is found.

Tests that want to see the detectors work use `find_secrets` and `ip_addresses_in_database`.
"""

from __future__ import annotations

import base64
import logging
import pickle
import re
import traceback

import pytest

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
    def __init__(self):
        self.secrets: set[str] = set()
        self.lines: list[tuple[str, str]] = []
        self.database_checks = 0

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

    from jedisstop.sessionstore.models import HashedSession as Session
    from reports.models import Message, Report

    found: list[str] = []

    def search(where: str, text: str) -> None:
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
    for report in Report.objects.all():
        search(f"report {report.pk} (decrypted)", repr(report.content))
    for message in Message.objects.all():
        search(f"message {message.pk} (decrypted)", message.body)
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


def _install_log_capture(sweep: Sweep, monkeypatch: pytest.MonkeyPatch) -> None:
    original = logging.Logger.handle

    def handle(self, record):
        sweep.lines.append((record.name, record_text(record)))
        return original(self, record)

    monkeypatch.setattr(logging.Logger, "handle", handle)


def _install_secret_notes(sweep: Sweep, monkeypatch: pytest.MonkeyPatch) -> None:
    from reports.models import Message, Report

    content = Report.content

    def set_content(self, value):
        sweep.note(value)
        content.fset(self, value)

    monkeypatch.setattr(Report, "content", property(content.fget, set_content))

    body = Message.body

    def set_body(self, value):
        sweep.note(value)
        body.fset(self, value)

    monkeypatch.setattr(Message, "body", property(body.fget, set_body))

    set_code = Report.set_follow_up_code

    def set_follow_up_code(self, code):
        sweep.note_code(code)
        set_code(self, code)

    monkeypatch.setattr(Report, "set_follow_up_code", set_follow_up_code)


_SWEEP = Sweep()


def pytest_terminal_summary(terminalreporter):
    if _SWEEP.lines or _SWEEP.database_checks:
        terminalreporter.write_line(
            f"privacy sweep: {len(_SWEEP.lines)} log records searched for "
            f"{len(_SWEEP.secrets)} report texts and follow-up codes; "
            f"database searched for IP addresses after {_SWEEP.database_checks} tests"
        )


@pytest.fixture(scope="session", autouse=True)
def privacy_sweep(django_db_setup):
    sweep = _SWEEP
    with pytest.MonkeyPatch.context() as monkeypatch:
        _install_log_capture(sweep, monkeypatch)
        _install_secret_notes(sweep, monkeypatch)
        yield sweep
    found = find_secrets(sweep.lines, sweep.secrets)
    if found:
        pytest.fail(
            "Privacy sweep: report text or a follow-up code reached the logs:\n"
            + "\n".join(found[:20]),
            pytrace=False,
        )


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
    _SWEEP.database_checks += 1
    found = ip_addresses_in_database()
    assert not found, "An IP address was stored: " + "; ".join(found[:10])
