"""A migration runs on a live site years after it was written: at its top it takes nothing
from the code as it is today but the field classes and callables a field names (Django
writes those paths itself). Migration 0029 of reports imported the module that wrote the
queue's triggers at its top: every `migrate` loaded it, and deleting it broke them all.

The data backfills of a few older migrations import a function of their day inside the
function that runs them (they read the rows there were then): BACKFILLS lists them, and a
new one fails here."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROJECT = {
    "backups", "campaign", "edge", "encryption", "jedisstop", "limits", "mailing",
    "maintenance", "media", "partners", "reports", "sessionstore", "sitewide", "staff",
}  # fmt: skip
# What a field of a model names, as `makemigrations` writes it: `import x.y` then `x.y.Name`.
# A helper kept among the migrations themselves (the loader passes over "_" modules).
MIGRATIONS_OWN = re.compile(r"^\w+\.migrations\._\w+$")
FIELD_PATHS = {"encryption.fields", "media.guard", "reports.models", "reports.storage"}


def migrations():
    return sorted(p for p in ROOT.glob("**/migrations/[0-9]*.py") if ".venv" not in p.parts)


def test_there_are_migrations_to_check():
    assert len(migrations()) > 40


# Each reads the rows there were with the site's own keys or settings, which a frozen copy
# would not follow (a key rotation, a new format): the live function is the right one.
BACKFILLS = {
    # Reads each report's encrypted answers (skips one that does not decrypt).
    "reports/migrations/0016_consent_messages_links.py": {"encryption.crypto"},
    # Each open report's deadline from the service-clock settings of the site.
    "reports/migrations/0020_service_clocks_on_call.py": {"reports.triage.clocks"},
    # Referral columns moved from clear text to the site's key, as stored (Ciphertext).
    "reports/migrations/0033_seal_referral_columns.py": {"encryption", "encryption.fields"},
    # TOTP secrets decrypted and encrypted again under the site's keys.
    "staff/migrations/0001_authenticators_from_reports.py": {"encryption"},
}


def test_no_migration_imports_a_live_module_of_the_project_at_its_top():
    found = []
    for path in migrations():
        for node in ast.parse(path.read_text()).body:
            if isinstance(node, ast.ImportFrom) and node.module:
                if node.module.split(".")[0] in PROJECT and not MIGRATIONS_OWN.match(node.module):
                    found.append(f"{path.relative_to(ROOT)}: from {node.module} import …")
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    top = alias.name.split(".")[0]
                    if top in PROJECT and alias.name not in FIELD_PATHS:
                        found.append(f"{path.relative_to(ROOT)}: import {alias.name}")
    assert found == []


def test_a_backfill_imports_only_what_it_did_when_it_was_written():
    found = {}
    for path in migrations():
        inner = [
            node.module if isinstance(node, ast.ImportFrom) else alias.name
            for function in ast.parse(path.read_text()).body
            if isinstance(function, ast.FunctionDef)
            for node in ast.walk(function)
            if isinstance(node, ast.ImportFrom | ast.Import)
            for alias in node.names
        ]
        mine = {name for name in inner if name and name.split(".")[0] in PROJECT}
        if mine:
            found[str(path.relative_to(ROOT))] = mine
    assert found == BACKFILLS


def test_the_role_grants_share_one_helper():
    """Seven migrations gave roles their permissions, each with its own copy of the same
    fifteen lines (create the permissions now, find the group, check every codename)."""
    copies = [
        str(path.relative_to(ROOT))
        for path in migrations()
        if "create_permissions(" in path.read_text()
    ]
    assert copies == []
    users = [p for p in migrations() if "staff.migrations._roles" in p.read_text()]
    assert len(users) == 8  # and campaign 0010 gives supervisors the contact messages again


def test_the_migrations_fingerprint_is_the_seeds():
    """The campaign's data migrations compute the seed's fingerprint with their own copy."""
    from datetime import UTC, datetime

    from campaign.migrations._seed import fingerprint as frozen
    from campaign.seed import fingerprint as live

    for values in [{}, {"title_fr": "Été", "n": 3, "at": datetime(2011, 7, 28, tzinfo=UTC)}]:
        assert frozen(values) == live(values)
