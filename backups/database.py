"""The database part of a backup: PostgreSQL through its own tools, SQLite through its
backup API. Both give a consistent snapshot of a running site."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.db import connection

from backups.archive import BackupError


def engine() -> str:
    return "postgresql" if connection.vendor == "postgresql" else "sqlite"


def _pg_env_and_args() -> tuple[dict, list[str]]:
    db = connection.settings_dict
    env = {**os.environ, "PGPASSWORD": str(db.get("PASSWORD") or "")}
    args = ["--host", str(db.get("HOST") or "127.0.0.1"), "--port", str(db.get("PORT") or 5432),
            "--username", str(db.get("USER") or ""), "--dbname", str(db["NAME"])]  # fmt: skip
    return env, args


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise BackupError(f"{name} is not installed (Debian: postgresql-client).")
    return found


# Tables whose rows never go into a backup: the limits' counters (keyed hashes of visitors'
# addresses, gone within two hours anyway; a restored site starts them afresh).
NOT_BACKED_UP = ("limits_counter",)


def dump(target: Path) -> None:
    if engine() == "postgresql":
        env, args = _pg_env_and_args()
        skipped = [f"--exclude-table-data={table}" for table in NOT_BACKED_UP]
        subprocess.run(  # noqa: S603 (the site's own settings, no visitor input)
            [_tool("pg_dump"), "--format=custom", "--no-owner", "--no-privileges",
             *skipped, "--file", str(target), *args],
            env=env, check=True,
        )  # fmt: skip
        return
    connection.ensure_connection()
    with sqlite3.connect(target) as copy:
        connection.connection.backup(copy)
    # Emptied in the copy, then rewritten whole: a deleted row's bytes stay in a SQLite
    # file's free pages until VACUUM.
    with sqlite3.connect(target) as copy:
        for table in NOT_BACKED_UP:
            copy.execute(f'DELETE FROM "{table}"')  # noqa: S608 (a constant of this module)
    with sqlite3.connect(target, isolation_level=None) as copy:
        copy.execute("VACUUM")


def is_empty() -> bool:
    return not connection.introspection.table_names()


def load(source: Path, stored_engine: str) -> None:
    if stored_engine != engine():
        raise BackupError(
            f"This backup holds a {stored_engine} database; the site now uses {engine()}."
        )
    if not is_empty():
        raise BackupError("The database is not empty: restore only into an empty database.")
    if engine() == "postgresql":
        env, args = _pg_env_and_args()
        subprocess.run(  # noqa: S603 (the site's own settings, no visitor input)
            [_tool("pg_restore"), "--no-owner", "--no-privileges", "--exit-on-error",
             "--single-transaction", *args, str(source)],
            env=env, check=True,
        )  # fmt: skip
        return
    connection.ensure_connection()
    with sqlite3.connect(source) as stored:
        stored.backup(connection.connection)
