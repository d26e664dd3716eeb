"""The suite-wide privacy sweep (tests/privacy_sweep.py) finds what it looks for."""

import logging

import pytest
from django.core.cache import cache

from jedisstop.sessionstore.backend import SessionStore
from reports.models import AuditEntry
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


def test_it_notes_report_texts_and_codes_and_finds_them_in_log_records(privacy_sweep, client):
    from reports.services import submit_report

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
