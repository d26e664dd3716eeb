"""The systemd units of deploy/systemd/: they run what the README says, on the socket nginx's
configuration reaches, with processor weights that put a report being sent first."""

from __future__ import annotations

import configparser
from pathlib import Path

UNITS = Path(__file__).resolve().parent.parent / "deploy" / "systemd"


def unit(name: str) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # systemd's keys are case-sensitive
    parser.read_string((UNITS / name).read_text())
    return parser


def test_gunicorn_runs_the_sites_wsgi_entry_on_the_socket_unit():
    web, socket = unit("jedisstop-web.service"), unit("jedisstop-web.socket")
    start = web["Service"]["ExecStart"]
    assert "gunicorn jedisstop.wsgi" in start
    assert "--bind" not in start  # the socket comes from systemd (LISTEN_FDS)
    assert web["Unit"]["Requires"] == "jedisstop-web.socket"
    assert socket["Socket"]["ListenStream"] == "/run/jedisstop/gunicorn.sock"
    assert socket["Socket"]["SocketMode"] == "0600"  # nginx's user alone may connect
    assert web["Service"]["EnvironmentFile"] == "/etc/jedisstop/environment"


def test_the_task_worker_runs_without_reloading():
    worker = unit("jedisstop-worker.service")
    assert worker["Service"]["ExecStart"].endswith("manage.py db_worker --no-reload")


def test_the_units_weigh_the_site_over_nginx_over_the_worker():
    web = int(unit("jedisstop-web.service")["Service"]["CPUWeight"])
    nginx = int(unit("nginx.service.d/jedisstop.conf")["Service"]["CPUWeight"])
    worker = int(unit("jedisstop-worker.service")["Service"]["CPUWeight"])
    assert worker < nginx < web  # a report being sent first, maintenance last


def test_the_readme_installs_these_units():
    readme = (UNITS.parent.parent / "README.md").read_text()
    for name in ("jedisstop-web.socket", "jedisstop-web", "jedisstop-worker"):
        assert name in readme
