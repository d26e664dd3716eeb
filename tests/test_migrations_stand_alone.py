"""A migration runs on a live site years after it was written: at its top it takes nothing
from the code as it is today but the field classes and callables a field names (Django
writes those paths itself). Migration 0029 of reports imported the module that wrote the
queue's triggers at its top: every `migrate` loaded it, and deleting it broke them all.

The data backfills of a few older migrations import a function of their day inside the
function that runs them (they read the rows there were then): BACKFILLS lists them, and a
new one fails here."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROJECT = {
    "backups", "campaign", "edge", "encryption", "jedisstop", "limits", "mailing",
    "maintenance", "media", "partners", "reports", "sessionstore", "sitewide", "staff",
}  # fmt: skip
# What a field of a model names, as `makemigrations` writes it: `import x.y` then `x.y.Name`.
FIELD_PATHS = {"encryption.fields", "media.guard", "reports.models", "reports.storage"}


def migrations():
    return sorted(p for p in ROOT.glob("**/migrations/[0-9]*.py") if ".venv" not in p.parts)


def test_there_are_migrations_to_check():
    assert len(migrations()) > 40


BACKFILLS = {
    "campaign/migrations/0004_seed_keys.py": {"campaign.seed"},
    "campaign/migrations/0005_article_date_shown.py": {"campaign.seed"},
    "campaign/migrations/0009_keyfigure_source.py": {"campaign.seed"},
    "reports/migrations/0016_consent_messages_links.py": {"encryption.crypto"},
    "reports/migrations/0020_service_clocks_on_call.py": {"reports.triage.clocks"},
    "reports/migrations/0022_blind_index.py": {"reports"},
    "staff/migrations/0001_authenticators_from_reports.py": {"encryption"},
}


def test_no_migration_imports_a_live_module_of_the_project_at_its_top():
    found = []
    for path in migrations():
        for node in ast.parse(path.read_text()).body:
            if isinstance(node, ast.ImportFrom) and node.module:
                if node.module.split(".")[0] in PROJECT:
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
