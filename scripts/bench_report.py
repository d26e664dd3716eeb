"""Figures for the reporting flow, printed one a line as `name: value unit`.

- report_submit_server_p50_ms / p95 (20 runs): a full submission with one 3 MB photo,
  in-process (the server's own time, no network), on a scratch SQLite database;
- report_form_bytes_compressed: the form page as a browser fetches it (HTML + CSS + JS, gzip).

Run: .venv/bin/python scripts/bench_report.py
"""

import statistics
import time

from benchlib import over_the_wire, percentile, setup_django

setup_django(
    REPORT_SUBMIT_LIMIT="100000", REPORT_PHOTO_BUDGET="100000", REPORT_MIN_FILL_SECONDS="0"
)

from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from django.test import Client  # noqa: E402

from reports.models import Report  # noqa: E402
from tests.images import big_photo_bytes  # noqa: E402
from tests.reporting import report_data  # noqa: E402

RUNS = 20


def main() -> None:
    client = Client()
    photo = big_photo_bytes(3 * 1024 * 1024)
    timings = []
    for i in range(RUNS + 2):
        data = report_data()
        data["photos"] = [SimpleUploadedFile(f"p{i}.jpg", photo, "image/jpeg")]
        start = time.perf_counter()
        response = client.post("/fr/signaler/", data, follow=True)
        elapsed = (time.perf_counter() - start) * 1000
        if response.status_code != 200 or b"follow-up-code" not in response.content:
            raise SystemExit(f"submission {i} failed: HTTP {response.status_code}")
        if i >= 2:  # the first two warm the caches
            timings.append(elapsed)
    if Report.objects.count() != RUNS + 2:
        raise SystemExit("not every submission was stored")
    timings.sort()
    print(f"report_photo_bytes: {len(photo)} B")
    print(f"report_submit_server_p50_ms: {statistics.median(timings):.1f} ms")
    print(f"report_submit_server_p95_ms: {percentile(timings, 0.95):.1f} ms")
    sizes = over_the_wire(client.get("/fr/signaler/").content)
    print(f"report_form_html_bytes_compressed: {sizes['html']} B")
    print(f"report_form_bytes_compressed: {sum(sizes.values())} B")


if __name__ == "__main__":
    main()
