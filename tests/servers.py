"""Real multi-process servers for the tests that must cross processes: gunicorn on the test
PostgreSQL database, started and stopped around one test."""

from __future__ import annotations

import contextlib
import http.client
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from django.core.cache import cache
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _answers(port: int) -> bool:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
    try:
        conn.request("GET", "/robots.txt")
        return conn.getresponse().status == 200
    finally:
        conn.close()


def _start(port: int, environment: dict, workers: int, threads: int) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "jedisstop.wsgi", "--workers", str(workers),
         "--threads", str(threads), "--bind", f"127.0.0.1:{port}", "--timeout", "60"],
        cwd=ROOT, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True,
    )  # fmt: skip


@contextlib.contextmanager
def gunicorn(env: dict, private_root, *, count: int = 1, workers: int = 1, threads: int = 1):
    """`count` gunicorn servers sharing the test database; yields their ports."""
    db = connection.settings_dict
    url = f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"
    environment = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DATABASE_URL": url, "DEBUG": "false", "DJANGO_ENV": "local",
        "PRIVATE_ROOT": str(private_root),
        "TASKS_BACKEND": "django.tasks.backends.dummy.DummyBackend",
        **{name: str(value) for name, value in env.items()},
    }  # fmt: skip
    ports = [free_port() for _ in range(count)]
    procs = [_start(port, environment, workers, threads) for port in ports]
    cache.clear()  # the cache table outlives a transactional test's flush
    try:
        deadline = time.time() + 30
        for port, proc in zip(ports, procs, strict=True):
            while True:
                try:
                    if _answers(port):
                        break
                except OSError:
                    if time.time() > deadline or proc.poll() is not None:
                        raise
                time.sleep(0.2)
        yield ports
    finally:
        for proc in procs:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGTERM)
        for proc in procs:
            proc.wait(timeout=20)
        cache.clear()
