"""The suite-wide privacy sweep (tests/privacy_sweep.py) finds what it looks for."""

import logging
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest
from django.core.cache import cache

from reports.models import AuditEntry
from sessionstore.backend import SessionStore
from tests.privacy_sweep import find_secrets, ip_addresses_in_database

pytestmark = pytest.mark.django_db


def test_it_finds_an_ip_address_in_a_column_a_session_and_the_cache():
    assert ip_addresses_in_database() == []
    entry = AuditEntry.objects.create(action="view_report", detail="from 203.0.113.7")
    session = SessionStore()
    session["where"] = "2001:db8::5"
    session.create()
    cache.set("visitor", {"ip": "198.51.100.23"})
    found = " ".join(ip_addresses_in_database())
    assert "reports_auditentry.detail: 203.0.113.7" in found
    assert "2001:db8::5" in found
    assert "198.51.100.23" in found
    # Clean up: the sweep itself checks this test's database when it ends.
    AuditEntry.objects.filter(pk=entry.pk).delete()
    session.delete()
    cache.delete("visitor")


def test_it_ignores_what_only_looks_like_an_address():
    AuditEntry.objects.create(action="view_report", detail="Django 6.1.3, 1.2.3.4.5, 2026-11-23")
    assert ip_addresses_in_database() == []


def test_the_sites_own_address_in_a_cached_link_is_not_a_visitors():
    cache.set("page", '<img src="http://127.0.0.1:8000/static/og.png"> from 192.0.2.9')
    found = " ".join(ip_addresses_in_database())
    cache.delete("page")
    assert "127.0.0.1" not in found
    assert "192.0.2.9" in found


def test_it_notes_report_texts_and_codes_and_finds_them_in_log_records(privacy_sweep, client):
    from reports.intake.services import submit_report

    receipt = submit_report(
        location="abroad", country="TH", place_kind="bar",
        content={"description": "Un texte qui ne doit jamais être journalisé"},
        upload_token="none",
    )  # fmt: skip
    assert "Un texte qui ne doit jamais être journalisé" in privacy_sweep.secrets
    assert receipt.code in privacy_sweep.secrets
    logging.getLogger("jedisstop.test").warning("status of %s", "JDS-1")
    assert privacy_sweep.lines[-1] == ("jedisstop.test", "status of JDS-1\n('JDS-1',)")
    leaked = [("x", f"code {receipt.code}")]
    assert find_secrets(leaked, privacy_sweep.secrets)
    assert not find_secrets(privacy_sweep.lines[-1:], privacy_sweep.secrets)


def test_strings_of_little_variety_are_not_taken_for_secrets():
    from tests.privacy_sweep import Sweep

    sweep = Sweep()
    sweep.note({"description": "0000000000000", "city": "Gand", "text": "Un vrai secret ici"})
    assert sweep.secrets == {"Un vrai secret ici"}


# --- The sweep on a run of its own: each test's verdict, in any order -----------------------

PROBE = "<script>alert(1)</script>"
INNER_CONFTEST = """
import pytest

pytest_plugins = ["tests.privacy_sweep"]


def pytest_addoption(parser):
    parser.addoption("--reverse", action="store_true")


def pytest_collection_modifyitems(config, items):
    if config.getoption("--reverse"):
        items.reverse()


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    settings.PRIVATE_ROOT = tmp_path / "private"
    settings.MEDIA_ROOT = tmp_path / "media"
"""
INNER_HELPERS = """
import logging

from reports.models import Report
from reports.intake.services import submit_report

log = logging.getLogger("reports")


def submit(text):
    return submit_report(location="abroad", country="TH", place_kind="bar",
                         content={"description": text}, upload_token="none")


def note(text):
    Report(location="abroad").content = {"description": text}
"""
# One test submits a report whose text is the probe; others ask for an article address that
# holds the same string, which Django logs as "Not Found: ...", one before it and one after.
# Each checks that it did what it says, so that a run where nothing was noted or nothing
# reached the logs cannot pass for a clean one.
INNER_TESTS = {
    "test_1_probes": f"""
import urllib.parse

import pytest


@pytest.mark.django_db
def test_probes_before(client, caplog):
    path = "/fr/actualites/1/" + urllib.parse.quote({PROBE!r}, safe="") + "/"
    assert client.get(path).status_code == 404
    assert "Not Found: /fr/actualites/1/" + {PROBE!r} in caplog.text
""",
    "test_2_submits": f"""
import pytest

from inner_helpers import submit


@pytest.mark.django_db
def test_submits_the_probe_as_a_report_text(privacy_sweep):
    submit({PROBE!r})
    assert {PROBE!r} in privacy_sweep.secrets
""",
    "test_3_probes": f"""
import urllib.parse

import pytest


@pytest.mark.django_db
def test_probes_after(client, caplog):
    path = "/fr/actualites/1/" + urllib.parse.quote({PROBE!r}, safe="") + "/"
    assert client.get(path).status_code == 404
    assert "Not Found: /fr/actualites/1/" + {PROBE!r} in caplog.text
""",
    # Real leaks: each test logs what it created itself (or what a wider-scoped fixture it
    # uses created), in its call, in a fixture's teardown, as a code without its dash.
    "test_4_leaks": """
import pytest

from inner_helpers import log, note, submit

TEXT = "Le texte du signalement, en toutes lettres"
SHARED = "Le texte d'un signalement que plusieurs tests voient"


@pytest.mark.django_db
def test_logs_its_own_report_text(privacy_sweep):
    submit(TEXT)
    log.info("received %s", TEXT)
    assert TEXT in privacy_sweep.secrets


@pytest.mark.django_db
def test_logs_its_own_code(privacy_sweep):
    receipt = submit("Un autre texte, rien de plus")
    log.info("code %s", receipt.code.replace("-", ""))
    assert receipt.code in privacy_sweep.secrets


@pytest.fixture
def code_logged_at_teardown(db):
    receipt = submit("Encore un texte de signalement")
    yield receipt
    log.warning("tearing down %s", receipt.code)


def test_logs_a_code_in_a_fixture_teardown(code_logged_at_teardown, privacy_sweep):
    assert code_logged_at_teardown.code in privacy_sweep.secrets


@pytest.fixture(scope="module")
def shared_text():
    note(SHARED)
    return SHARED


def test_uses_the_shared_text(shared_text):
    pass


def test_logs_the_shared_text(shared_text):
    log.info("shared %s", shared_text)


def test_logs_the_same_words_without_the_fixture(caplog):
    log.warning("shared %s", SHARED)
    assert SHARED in caplog.text


def test_clean(privacy_sweep):
    note("Un texte qui ne va nulle part")
    log.info("nothing to see")
    assert privacy_sweep.secrets
""",
}
LEAKS = {
    "test_logs_its_own_report_text": "Le texte du signalement, e",
    "test_logs_its_own_code": "code ",
    "test_logs_a_code_in_a_fixture_teardown": "tearing down ",
    "test_logs_the_shared_text": "Le texte d'un signalement q",
}
ORDERS = {"in order": [], "reversed": ["--reverse"], "on two xdist workers": ["-n", "2"]}


@pytest.fixture(scope="module", params=ORDERS)
def inner_run(request, tmp_path_factory) -> dict[str, tuple[str, str]]:
    """The inner tests run with this plugin (pytest in a subprocess, on SQLite), in one of
    the orders: the outcome of each test and what the sweep said about it."""
    from django.conf import settings

    path = tmp_path_factory.mktemp("inner")
    (path / "conftest.py").write_text(INNER_CONFTEST)
    (path / "inner_helpers.py").write_text(INNER_HELPERS)
    for name, source in INNER_TESTS.items():
        (path / f"{name}.py").write_text(source)
    env = {**os.environ, "PYTHONPATH": f"{path}{os.pathsep}{settings.BASE_DIR}",
           "DJANGO_SETTINGS_MODULE": "jedisstop.settings",
           "SQLITE_PATH": str(path / "db.sqlite3")}  # fmt: skip
    for name in ("DATABASE_URL", "PYTEST_ADDOPTS", "PYTEST_XDIST_WORKER"):
        env.pop(name, None)
    process = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "--junitxml=report.xml",
         *ORDERS[request.param]],
        cwd=path, env=env, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert process.returncode in {0, 1}, process.stdout + process.stderr
    outcomes = {}
    for case in ET.parse(path / "report.xml").iter("testcase"):
        problems = [child for child in case if child.tag in {"error", "failure", "skipped"}]
        outcome = problems[0].tag if problems else "passed"
        detail = "".join(f"{p.get('message', '')}\n{p.text or ''}" for p in problems)
        outcomes[case.get("name")] = (outcome, detail)
    return outcomes


def test_a_text_in_another_tests_log_line_is_no_leak(inner_run):
    """The probe is submitted by one test and logged by others, before and after it; the
    words a module fixture notes are logged by a test that does not use it."""
    for name in ["test_probes_before", "test_submits_the_probe_as_a_report_text",
                 "test_probes_after", "test_uses_the_shared_text",
                 "test_logs_the_same_words_without_the_fixture", "test_clean"]:  # fmt: skip
        assert inner_run[name] == ("passed", ""), name


def test_a_test_that_logs_its_own_report_text_or_code_fails(inner_run):
    """It errors at its own teardown, wherever it comes in the run, naming what leaked."""
    assert len(inner_run) == 10
    errors = {name: detail for name, (outcome, detail) in inner_run.items() if outcome != "passed"}
    assert errors.keys() == LEAKS.keys()
    for name, detail in errors.items():
        assert "Privacy sweep: report text or a follow-up code reached the logs" in detail
        assert LEAKS[name] in detail, (name, detail)
