"""Backup and restore, proven: a site with reports in every state, photos and messages is
backed up, restored into a fresh database and fresh file stores, and every report, photo
and message decrypts there and matches. On SQLite (the local mode) and on PostgreSQL
(pg_dump / pg_restore, as production), whichever the suite runs on."""

import hashlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import RequestFactory

from encryption import crypto
from limits import throttle
from reports.intake.services import store_pending_upload, submit_report
from reports.models import Message, Report
from reports.referrals.services import forward_report, record_outcome
from reports.triage.services import add_note, ask_reporter, claim_report, close_report
from tests import images
from tests.keys import as_member, as_recovery

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parent.parent
READ_BACK = """
import hashlib, json
from encryption import holders
from encryption.sealing import Locked
from reports.models import Report
from tests.keys import RECOVERY_PRIVATE_KEY
try:  # the site's own keys read no report: they are sealed to the team
    Report.objects.first().content
    raise SystemExit("a report read without a member's key")
except Locked:
    pass
out = {}
with holders.holding(holders.recovery(RECOVERY_PRIVATE_KEY)):
    for r in Report.objects.order_by("reference"):
        out[r.reference] = {
            "status": r.status, "content": r.content,
            "messages": [m.body for m in r.messages.all()],
            "notes": [e.text for e in r.events.all()],
            "photos": [hashlib.sha256(p.read()).hexdigest() for p in r.photos.all()],
        }
print(json.dumps(out, sort_keys=True))
"""


def snapshot() -> dict:
    with as_recovery():
        return _snapshot()


def _snapshot() -> dict:
    out = {}
    for r in Report.objects.order_by("reference"):
        out[r.reference] = {
            "status": r.status,
            "content": r.content,
            "messages": [m.body for m in r.messages.all()],
            "notes": [e.text for e in r.events.all()],
            "photos": [hashlib.sha256(p.read()).hexdigest() for p in r.photos.all()],
        }
    return json.loads(json.dumps(out, sort_keys=True))


def a_site_in_every_state(officer):
    from reports.intake.images import clean_photo

    reports = []
    for i, state in enumerate(["new", "assessing", "waiting", "forwarded", "closed"]):
        photo = clean_photo(images.upload(f"p{i}.jpg"), keep_place_and_time=False, max_bytes=10**7)
        store_pending_upload(f"tok{i}", photo)
        receipt = submit_report(
            location="abroad", country="TH", place_kind="bar",
            content={"description": f"Rapport {state} : un homme et une fillette, hôtel {i}"},
            upload_token=f"tok{i}",
        )  # fmt: skip
        report = Report.objects.get(reference=receipt.reference)
        with as_member(officer):  # the officer's steps, in their session
            reports.append(_work(report, state, officer, i))
    with as_member(officer):
        reply = Message(report=reports[2], author=Message.Author.REPORTER)
        reply.body = "Réponse du voyageur"
        reply.save()
    return reports


def _work(report, state, officer, i):
    if state != "new":
        report = claim_report(report, by=officer)
        add_note(report, by=officer, text=f"Note {i}")
    if state in {"waiting", "forwarded", "closed"}:
        report = ask_reporter(report, by=officer, question=f"Question {i} ?")
    if state in {"forwarded", "closed"}:
        report = forward_report(report, by=officer, authority="federal_police")
    if state == "closed":
        record_outcome(report.referrals.get(), by=officer, outcome="no_action")
        report = close_report(report, by=officer, outcome="forwarded")
    return report


@pytest.fixture
def fresh_site(tmp_path):
    """The environment of an empty site: its own database and file stores."""
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "SQLITE_PATH"}}
    env.update(
        DJANGO_SETTINGS_MODULE="jedisstop.settings",
        MEDIA_ROOT=str(tmp_path / "restored-media"),
        PRIVATE_ROOT=str(tmp_path / "restored-private"),
    )
    if connection.vendor == "postgresql":
        import psycopg2

        db = connection.settings_dict
        name = f"{db['NAME']}_restored"
        params = {"user": db["USER"], "password": db["PASSWORD"], "host": db["HOST"] or "127.0.0.1",
                      "port": db["PORT"] or 5432}  # fmt: skip
        admin = psycopg2.connect(dbname="postgres", **params)
        admin.autocommit = True
        with admin.cursor() as cur:
            cur.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            cur.execute(f'CREATE DATABASE "{name}"')
        env["DATABASE_URL"] = (
            f"postgres://{params['user']}:{params['password']}@{params['host']}:"
            f"{params['port']}/{name}"
        )
        yield env
        with admin.cursor() as cur:
            cur.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()
    else:
        env["SQLITE_PATH"] = str(tmp_path / "restored.sqlite3")
        yield env


def manage(env, *args):
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True,
        check=False, timeout=300,
    )  # fmt: skip


def test_a_backup_restores_into_an_empty_site_and_every_report_matches(
    roles, officer, settings, tmp_path, fresh_site
):
    report_key, backup_key = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.REPORT_ENCRYPTION_KEYS = [report_key]
    settings.BACKUP_ENCRYPTION_KEY = backup_key
    crypto.reset_keys()
    reports = a_site_in_every_state(officer)
    throttle.take("submit", RequestFactory().post("/", REMOTE_ADDR="198.51.100.7"), 10, 3600)
    before = snapshot()
    assert len(before) == 5
    assert all(entry["photos"] for entry in before.values())

    target = tmp_path / "site.backup"
    out = io.StringIO()
    call_command("backup", output=str(target), stdout=out)
    assert "Backup written" in out.getvalue()
    raw = target.read_bytes()
    for report in reports:  # the archive holds nothing readable
        assert report.reference.encode() not in raw
    assert b"hotel" not in raw
    assert b"CREATE TABLE" not in raw

    env = {**fresh_site, "REPORT_ENCRYPTION_KEYS": report_key, "BACKUP_ENCRYPTION_KEY": backup_key}
    restored = manage(env, "restore", str(target))
    assert restored.returncode == 0, restored.stderr
    assert "Restored the database and" in restored.stdout
    after = manage(env, "shell", "-c", READ_BACK)
    assert after.returncode == 0, after.stderr
    assert json.loads(after.stdout.strip().splitlines()[-1]) == before
    counters = manage(
        env,
        "shell",
        "-c",
        "from limits.models import Counter; print(Counter.objects.count())",
    )
    assert counters.stdout.strip().splitlines()[-1] == "0"  # never in a backup
    again = manage(env, "restore", str(target))  # never over a site that has data
    assert again.returncode != 0
    assert "not empty" in again.stderr
    crypto.reset_keys()


def test_a_backup_with_another_key_or_altered_is_refused():
    from backups.archive import BackupError, DecryptingReader, EncryptingWriter

    key = Fernet(Fernet.generate_key())
    sink = io.BytesIO()
    with EncryptingWriter(sink, key) as writer:
        writer.write(b"a tar stream" * 1000)
    data = sink.getvalue()
    assert DecryptingReader(io.BytesIO(data), key).read() == b"a tar stream" * 1000
    with pytest.raises(BackupError, match="does not decrypt"):
        DecryptingReader(io.BytesIO(data), Fernet(Fernet.generate_key())).read()
    altered = data[:40] + bytes([data[40] ^ 1]) + data[41:]
    with pytest.raises(BackupError):
        DecryptingReader(io.BytesIO(altered), key).read()
    with pytest.raises(BackupError, match="cut short"):
        DecryptingReader(io.BytesIO(data[:-10]), key).read()


def test_restore_refuses_a_database_that_is_not_empty(roles, tmp_path):
    with pytest.raises(CommandError, match="not empty"):
        call_command("restore", str(tmp_path / "whatever.backup"), stdout=io.StringIO())
