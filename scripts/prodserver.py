"""A production-like server on loopback for the benchmark and the soak test: its own
PostgreSQL database, production settings, gunicorn with several workers, WhiteNoise, and
nginx in front of it as `make serve` runs it.

Used by scripts/bench.py and scripts/soak.py; it cleans up after itself."""

from __future__ import annotations

import contextlib
import http.client
import os
import secrets
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import time
from pathlib import Path

from cryptography.fernet import Fernet

ROOT = Path(__file__).resolve().parent.parent
PY = str(ROOT / ".venv" / "bin" / "python")
PG = {"user": "jedisstop", "password": "jedisstop", "host": "127.0.0.1", "port": 5432}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def recreate_database(name: str) -> None:
    import psycopg2

    conn = psycopg2.connect(dbname="postgres", **PG)
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        cur.execute(f'CREATE DATABASE "{name}"')
    conn.close()


def _throwaway_recovery_key() -> str:
    import base64

    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    public = (
        X25519PrivateKey.generate()
        .public_key()
        .public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    )
    return base64.b64encode(public).decode()


def environment(name: str, scratch: Path) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "jedisstop.settings",
        "DJANGO_ENV": "production",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "REPORT_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
        "LIMITS_KEY": secrets.token_hex(32),
        # Required in production: a recovery key of this run's own (its private half is not
        # kept: nothing here restores access).
        "REPORT_RECOVERY_PUBLIC_KEY": _throwaway_recovery_key(),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        # Required in production; nginx's port is chosen later, and no mail is read here.
        "SITE_URL": "https://localhost",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": "postgres://{user}:{password}@{host}:{port}/".format(**PG) + name,
        "STATIC_ROOT": str(scratch / "static"),
        "MEDIA_ROOT": str(scratch / "media"),
        "PRIVATE_ROOT": str(scratch / "private"),
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_PORT": "2",  # nothing listens: mail fails and the queue keeps it, as it should
        "REPORT_SUBMIT_LIMIT": "1000000",
        "REPORT_PHOTO_BUDGET": "1000000",
        "REPORT_MIN_FILL_SECONDS": "0",
        # nginx in front sets the scheme and appends the client's address (a request to
        # gunicorn straight has neither, and is plain http).
        "BEHIND_PROXY": "true",
        "TRUSTED_PROXY_COUNT": "1",
        "LOG_LEVEL": "WARNING",
    }


def prepare(name: str, scratch: Path) -> dict[str, str]:
    """A fresh database, migrated, with its cache table and collected static files."""
    env = environment(name, scratch)
    recreate_database(name)
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "createcachetable")
    manage(env, "collectstatic", "--noinput", "-v", "0")
    return env


def manage(env: dict, *args: str) -> str:
    out = subprocess.run(
        [PY, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    )
    return out.stdout


def run_python(env: dict, code: str) -> str:
    out = subprocess.run(
        [PY, "-c", "import django; django.setup()\n" + code],
        cwd=ROOT, env=env, check=False, capture_output=True, text=True,
    )  # fmt: skip
    if out.returncode:
        # What went wrong, said (the code is the bench's own: nothing of a visitor's).
        sys.stderr.write(out.stderr[-4000:])
        raise SystemExit(f"a step of the bench failed (exit {out.returncode})")
    return out.stdout


@contextlib.contextmanager
def gunicorn(env: dict, workers: int = 4, socket_path: Path | None = None):
    """gunicorn on a free port of 127.0.0.1 (and on `socket_path`, nginx's way in)."""
    port = free_port()
    binds = ["--bind", f"127.0.0.1:{port}"]
    if socket_path is not None:
        binds += ["--bind", f"unix:{socket_path}"]
    proc = subprocess.Popen(
        [str(ROOT / ".venv/bin/gunicorn"), "jedisstop.wsgi", "--workers", str(workers),
         *binds, "--timeout", "60"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True,
    )  # fmt: skip
    deadline = time.time() + 60
    while True:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/robots.txt")
            if conn.getresponse().status == 200:
                break
        except OSError:
            pass
        if time.time() > deadline or proc.poll() is not None:
            proc.kill()
            raise SystemExit("gunicorn did not start")
        time.sleep(0.3)
    try:
        yield port, proc
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)


@contextlib.contextmanager
def nginx(env: dict, folder: Path, socket_path: Path):
    """nginx in front of gunicorn's socket, configured as `make serve` does (TLS with a
    self-signed certificate); yields its https port."""
    https = free_port()
    main = run_script(
        env, "nginx_config.py", "--standalone", "--self-signed", "--output", str(folder),
        "--https-listen", f"127.0.0.1:{https}", "--http-listen", f"127.0.0.1:{free_port()}",
        "--upstream", f"unix:{socket_path}", "--server-name", "localhost",
    ).strip()  # fmt: skip
    binary = shutil.which("nginx", path=os.environ.get("PATH", "") + ":/usr/sbin:/sbin")
    if binary is None:
        raise SystemExit("nginx is missing: make nginx (Debian's nginx)")
    proc = subprocess.Popen(
        [binary, "-p", str(folder), "-c", main, "-e", str(folder / "error.log")],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    context = ssl.create_default_context()
    context.check_hostname, context.verify_mode = False, ssl.CERT_NONE
    deadline = time.time() + 30
    while True:
        try:
            conn = http.client.HTTPSConnection("localhost", https, timeout=2, context=context)
            conn.request("GET", "/robots.txt")
            if conn.getresponse().status == 200:
                break
        except OSError:
            pass
        if time.time() > deadline or proc.poll() is not None:
            proc.kill()
            raise SystemExit("nginx did not start: see " + str(folder / "error.log"))
        time.sleep(0.2)
    try:
        yield https
    finally:
        os.killpg(proc.pid, signal.SIGQUIT)
        proc.wait(timeout=30)


def run_script(env: dict, script: str, *args: str) -> str:
    out = subprocess.run(
        [PY, str(ROOT / "scripts" / script), *args],
        cwd=ROOT, env=env, check=True, capture_output=True, text=True,
    )  # fmt: skip
    return out.stdout


def worker_peak_rss_mb(master_pid: int) -> float:
    """Peak resident memory (VmHWM) of the gunicorn workers, the largest one."""
    peak = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        if fields.get("PPid", "").strip() == str(master_pid) and "VmHWM" in fields:
            peak = max(peak, int(fields["VmHWM"].split()[0]))
    return peak / 1024
