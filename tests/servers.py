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
import threading
import time
from pathlib import Path

from django.core.cache import cache
from django.db import connection

from tests.keys import RECOVERY_PUBLIC_KEY

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
        # Reports are wrapped to the tests' recovery key, as in the tests' own process.
        "REPORT_RECOVERY_PUBLIC_KEY": RECOVERY_PUBLIC_KEY,
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


class Relay:
    """A TCP relay in front of a server (the test database), to take it away for real:
    `cut()` breaks every connection through it and closes each new one at once, as a
    database server that stops or a network that fails; `restore()` lets them through."""

    def __init__(self, host: str, port: int):
        self.target = (host, port)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.open: list[socket.socket] = []
        self.up = True
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _address = self.listener.accept()
            except OSError:
                return  # closed
            if not self.up:
                client.close()
                continue
            upstream = socket.create_connection(self.target)
            self.open += [client, upstream]
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pipe(source: socket.socket, sink: socket.socket) -> None:
        with contextlib.suppress(OSError):
            while data := source.recv(65536):
                sink.sendall(data)
        for end in (source, sink):
            with contextlib.suppress(OSError):
                end.shutdown(socket.SHUT_RDWR)

    def cut(self) -> None:
        self.up = False
        for end in self.open:
            with contextlib.suppress(OSError):
                end.shutdown(socket.SHUT_RDWR)
        self.open = []

    def restore(self) -> None:
        self.up = True

    def close(self) -> None:
        self.cut()
        self.listener.close()
