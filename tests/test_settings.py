"""Production settings refuse to start half-configured, and check --deploy is clean."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOOD_KEY = "k3y-" + "x9Qz7" * 12
PROD_ENV = {
    "DJANGO_ENV": "production",
    "SECRET_KEY": GOOD_KEY,
    "ALLOWED_HOSTS": "www.jedisstop.be",
    "SITE_URL": "https://www.jedisstop.be",
    "DATABASE_URL": "postgres://u:p@127.0.0.1:5432/jedisstop",
    "REPORT_ENCRYPTION_KEYS": "3q2-7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
    "LIMITS_KEY": "l1m1ts-" + "k" * 40,
    "REPORT_RECOVERY_PUBLIC_KEY": "eSkmkv8IUmuUMiiRvbbGuNk4O+LNAntnNV5Ftj7dTHQ=",
}


# Variables of the test run that must not leak into the production check.
LOCAL_ONLY_VARIABLES = {"DATABASE_URL", "SECRET_KEY", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}


def run_manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in LOCAL_ONLY_VARIABLES}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_it_runs_check_deploy_clean_in_production():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=PROD_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    ("override", "message"),
    [
        ({"SECRET_KEY": ""}, "SECRET_KEY"),
        ({"SECRET_KEY": "short"}, "SECRET_KEY"),
        ({"ALLOWED_HOSTS": ""}, "ALLOWED_HOSTS"),
        ({"DATABASE_URL": ""}, "DATABASE_URL"),
        ({"DEBUG": "true"}, "DEBUG"),
        ({"STORAGE_BACKEND": "s3"}, "S3_BUCKET"),
        ({"LIMITS_KEY": ""}, "LIMITS_KEY"),
        ({"LIMITS_KEY": "short"}, "LIMITS_KEY"),
        # Without it, a team locked out loses every report; half a key is no key.
        ({"REPORT_RECOVERY_PUBLIC_KEY": ""}, "REPORT_RECOVERY_PUBLIC_KEY"),
        ({"REPORT_RECOVERY_PUBLIC_KEY": "c2hvcnQ="}, "REPORT_RECOVERY_PUBLIC_KEY"),
        # The links in staff mails (an invitation) would point to the local run, or go in
        # clear over http.
        ({"SITE_URL": ""}, "SITE_URL"),
        ({"SITE_URL": "http://www.jedisstop.be"}, "SITE_URL"),
        ({"SITE_URL": "https://"}, "SITE_URL"),
        ({"SITE_URL": "https://www.jedisstop.be/fr/"}, "SITE_URL"),
    ],
)
def test_it_refuses_to_start_production_half_configured(override, message):
    result = run_manage("check", env={**PROD_ENV, **override})
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert message in result.stderr


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("DEBUG", "maybe"),
        ("DJANGO_ENV", "staging"),
        ("EMAIL_PORT", "abc"),
        ("DATABASE_URL", "mysql://x/y"),
        ("STORAGE_BACKEND", "ftp"),
    ],
)
def test_it_rejects_nonsense_values(name, value):
    env = {name: value, "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend"}
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert name in result.stderr


def test_it_runs_check_deploy_clean_with_uploads_on_s3():
    env = {**PROD_ENV, "STORAGE_BACKEND": "s3", "S3_BUCKET": "jedisstop-uploads",
           "S3_ENDPOINT_URL": "https://s3.example.be", "S3_REGION": "eu-west-1"}  # fmt: skip
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode == 0, result.stdout + result.stderr


def test_env_helpers_parse_a_database_url():
    from jedisstop.env import parse_database_url

    db = parse_database_url("postgres://me:s%40cret@db.internal:6543/stop?sslmode=require")
    assert db["NAME"] == "stop"
    assert db["USER"] == "me"
    assert db["PASSWORD"] == "s@cret"
    assert db["HOST"] == "db.internal"
    assert db["PORT"] == "6543"
    assert db["OPTIONS"] == {"sslmode": "require", "connect_timeout": "5"}


def test_a_database_that_does_not_answer_is_given_up_after_a_few_seconds():
    """Without a connect timeout a database that does not answer held a worker until
    gunicorn's 60 s, and the reporter got nothing back, not even their text."""
    from jedisstop.env import parse_database_url

    assert parse_database_url("postgres://db/stop")["OPTIONS"]["connect_timeout"] == "5"
    slower = parse_database_url("postgres://db/stop?connect_timeout=10")
    assert slower["OPTIONS"]["connect_timeout"] == "10"


def test_a_real_server_without_django_env_refuses_to_start(tmp_path):
    """Fail closed: a forgotten DJANGO_ENV never serves in local mode (DEBUG, public key)."""
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ENV"}
    env["SQLITE_PATH"] = str(tmp_path / "db.sqlite3")
    command = [sys.executable, "-c", "import jedisstop.wsgi"]
    refused = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    assert refused.returncode != 0
    assert "DJANGO_ENV is not set" in refused.stderr
    assert "DJANGO_ENV=production" in refused.stderr
    started = subprocess.run(
        command, env={**env, "DJANGO_ENV": "local"}, capture_output=True, text=True, check=False
    )
    assert started.returncode == 0, started.stderr
