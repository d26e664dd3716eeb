"""Figures for the reporting flow, printed one a line as `name: value unit`.

- report_submit_server_ms (median and p95 of 20): a full submission with one 3 MB photo,
  measured in-process (the server's own time, no network), on a scratch SQLite database;
- report_form_bytes_compressed: the form page as a browser fetches it (HTML + CSS + JS, gzip).

Run: .venv/bin/python scripts/bench_report.py
"""

import gzip
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
scratch = tempfile.mkdtemp(prefix="jedisstop-bench-")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jedisstop.settings")
os.environ["SQLITE_PATH"] = f"{scratch}/bench.sqlite3"
os.environ["PRIVATE_ROOT"] = f"{scratch}/private"
os.environ["TASKS_BACKEND"] = "django.tasks.backends.dummy.DummyBackend"
os.environ["REPORT_SUBMIT_LIMIT"] = "100000"
os.environ["REPORT_MIN_FILL_SECONDS"] = "0"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

from reports.models import Report  # noqa: E402
from tests.images import big_photo_bytes  # noqa: E402
from tests.reporting import report_data  # noqa: E402


def main() -> None:
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    client = Client()
    photo = big_photo_bytes(3 * 1024 * 1024)
    timings = []
    for i in range(22):
        from django.core.files.uploadedfile import SimpleUploadedFile

        data = report_data()
        data["photos"] = [SimpleUploadedFile(f"p{i}.jpg", photo, "image/jpeg")]
        start = time.perf_counter()
        response = client.post("/fr/signaler/", data)
        elapsed = (time.perf_counter() - start) * 1000
        if response.status_code != 200 or b"follow-up-code" not in response.content:
            raise SystemExit(f"submission {i} failed: HTTP {response.status_code}")
        if i >= 2:  # the first two warm the caches
            timings.append(elapsed)
    if Report.objects.count() != 22:
        raise SystemExit("not every submission was stored")
    timings.sort()
    print(f"report_photo_bytes: {len(photo)} B")
    print(f"report_submit_server_p50_ms: {statistics.median(timings):.1f} ms")
    print(f"report_submit_server_p95_ms: {timings[int(len(timings) * 0.95) - 1]:.1f} ms")

    html = client.get("/fr/signaler/").content
    css = (ROOT / "static/css/site.css").read_bytes()
    js = (ROOT / "static/js/report-form.js").read_bytes()
    sizes = {name: len(gzip.compress(body, 9)) for name, body in
             [("html", html), ("css", css), ("js", js)]}  # fmt: skip
    print(f"report_form_html_bytes_compressed: {sizes['html']} B")
    print(f"report_form_bytes_compressed: {sum(sizes.values())} B")


if __name__ == "__main__":
    main()
