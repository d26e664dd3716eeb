"""Shared set-up for the in-process benchmark scripts: a scratch SQLite database and
private folder, so a benchmark never touches the local site's data."""

import gzip
import os
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def setup_django(**env: str) -> None:
    sys.path.insert(0, str(ROOT))
    scratch = tempfile.mkdtemp(prefix="jedisstop-bench-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jedisstop.settings")
    os.environ["SQLITE_PATH"] = f"{scratch}/bench.sqlite3"
    os.environ["PRIVATE_ROOT"] = f"{scratch}/private"
    os.environ["MEDIA_ROOT"] = f"{scratch}/media"
    os.environ["TASKS_BACKEND"] = "django.tasks.backends.dummy.DummyBackend"
    os.environ["LOG_LEVEL"] = "WARNING"
    os.environ.update(env)
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)


def over_the_wire(html: bytes) -> dict[str, int]:
    """Gzip sizes of a page and of the site's own CSS and JS it links (as a browser fetches)."""
    sizes = {"html": len(gzip.compress(html, 6))}
    for ref in re.findall(rb'(?:href|src)="/static/([^"]+\.(?:css|js))"', html):
        sizes[ref.decode()] = len(gzip.compress((ROOT / "static" / ref.decode()).read_bytes(), 6))
    return sizes


def percentile(sorted_values: list[float], fraction: float) -> float:
    index = max(0, min(len(sorted_values) - 1, round(fraction * len(sorted_values)) - 1))
    return sorted_values[index]
