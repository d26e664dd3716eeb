"""The database part of a backup: PostgreSQL through its own tools, SQLite through its
backup API. Both give a consistent snapshot of a running site."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.db import connection

from jedisstop.backups.archive import BackupError


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


def dump(target: Path) -> None:
    if engine() == "postgresql":
        env, args = _pg_env_and_args()
        subprocess.run(  # noqa: S603 (the site's own settings, no visitor input)
            [_tool("pg_dump"), "--format=custom", "--no-owner", "--no-privileges",
             "--file", str(target), *args],
            env=env, check=True,
        )  # fmt: skip
        return
    connection.ensure_connection()
    with sqlite3.connect(target) as copy:
        connection.connection.backup(copy)


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
