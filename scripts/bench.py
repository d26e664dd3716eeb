"""`make bench`: the site as in production (gunicorn, 4 workers, production settings,
WhiteNoise, PostgreSQL) on loopback, filled with 100,000 reports and 200 articles.
Prints one figure a line, `name: value unit`. Targets are in the README, not in tests.
"""

from __future__ import annotations

import gzip
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from httpload import FormSession, fetch, measure, percentiles, receipt_of
from prodserver import gunicorn, prepare, run_python, worker_peak_rss_mb

REPORTS = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
DB = "jedisstop_bench"

FILL = f"""
import io
from datetime import timedelta
from django.utils import timezone
from campaign import seed
from campaign.models import Article
from jedisstop import crypto
from jedisstop.fields import Ciphertext
from reports.models import Report
seed.load(io.StringIO())
content = crypto.encrypt_json({{"description": "synthetic report for the benchmark"}})
statuses = ["new", "assessing", "waiting", "forwarded", "closed"]
countries = ["TH", "PH", "KH", "KE", "BR", "BE", "FR", "MA", "DO", "VN"]
now = timezone.now()
Report.objects.bulk_create(
    (Report(reference=f"JDS-Z{{i:08d}}", received_at=now - timedelta(minutes=i),
            status=statuses[i % 5], priority=1 + i % 4,
            location="belgium" if i % 6 == 0 else "abroad", country=countries[i % 10],
            place_kind="bar", content=Ciphertext(content), code_lookup=f"bench-{{i}}",
            code_hash="x", last_activity_at=now)
     for i in range({REPORTS})),
    batch_size=5000,
)
Article.objects.bulk_create(
    Article(title_fr=f"Actualité {{i}}", slug_fr=f"actualite-{{i}}", summary_fr="Résumé",
            body_fr="Texte", status="published", published_at=now - timedelta(days=i + 10))
    for i in range(196)
)
print(Report.objects.count(), Article.objects.count())
"""

STAFF = """
from django.contrib.auth.models import Group, User
from jedisstop.sessionstore.backend import SessionStore
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from staff.verification import verified_session_data
import time
user = User.objects.create_user("bench-officer", is_staff=True)
user.groups.add(Group.objects.get(name="Triage officer"))
session = SessionStore()
session["_auth_user_id"] = str(user.pk)
session["_auth_user_backend"] = "allauth.account.auth_backends.AuthenticationBackend"
session["_auth_user_hash"] = user.get_session_auth_hash()
session.update(verified_session_data(user))
session["staff_last_seen"] = time.time() + 86400
session.create()
client = Client(HTTP_HOST="127.0.0.1")
client.cookies["sessionid"] = session.session_key
client.get("/fr/admin/reports/report/")
with CaptureQueriesContext(connection) as queries:
    status = client.get("/fr/admin/reports/report/").status_code
print(session.session_key, len(queries), status)
"""


def line(name: str, value, unit: str) -> None:
    print(f"{name}: {value} {unit}", flush=True)


def main() -> None:
    scratch = Path(tempfile.mkdtemp(prefix="jedisstop-bench-"))
    env = prepare(DB, scratch)
    reports, articles = run_python(env, FILL).split()[-2:]
    line("bench_reports", reports, "reports")
    line("bench_articles", articles, "articles")
    session_key, queue_queries, status = run_python(env, STAFF).split()[-3:]
    if status != "200":
        raise SystemExit(f"admin queue: HTTP {status}")

    manifest = json.loads((scratch / "static" / "staticfiles.json").read_text())["paths"]
    css = "/static/" + manifest["css/site.css"]
    js = "/static/" + manifest["js/report-form.js"]

    from tests.images import big_photo_bytes

    photo = big_photo_bytes(3 * 1024 * 1024)
    with gunicorn(env, workers=4) as (port, proc):
        static = measure(port, css, concurrency=20, total=2000)
        s50, s95 = percentiles(static)
        line("static_p50_ms", f"{s50:.2f}", "ms")
        line("static_p95_ms", f"{s95:.2f}", "ms")
        results = {}
        for name, path in [("home", "/fr/"), ("news_list", "/fr/actualites/"),
                           ("report_form", "/fr/signaler/")]:  # fmt: skip
            for concurrency, total in [(1, 200), (20, 2000)]:
                p50, p95 = percentiles(measure(port, path, concurrency=concurrency, total=total))
                results[(name, concurrency)] = p50
                line(f"{name}_c{concurrency}_p50_ms", f"{p50:.2f}", "ms")
                line(f"{name}_c{concurrency}_p95_ms", f"{p95:.2f}", "ms")
        line("home_vs_static_ratio", f"{results[('home', 20)] / s50:.2f}", "x")

        timings = []
        for _ in range(22):
            form = FormSession(port)
            status, html, elapsed = form.submit(
                {"location": "abroad", "country": "TH", "description": "Benchmark report"}, photo
            )
            if status != 200 or receipt_of(html) is None:
                raise SystemExit(f"submission failed: HTTP {status}")
            timings.append(elapsed)
        p50, p95 = percentiles(timings[2:])
        line("report_submit_p50_ms", f"{p50:.1f}", "ms")
        line("report_submit_p95_ms", f"{p95:.1f}", "ms")

        queue = measure(port, "/fr/admin/reports/report/", concurrency=1, total=20,
                        headers={"Cookie": f"sessionid={session_key}"})  # fmt: skip
        line("admin_queue_ms", f"{percentiles(queue)[0]:.1f}", "ms")
        line("admin_queue_queries", queue_queries, "queries")

        gz = {"Accept-Encoding": "gzip"}
        for name, path, assets in [
            ("home", "/fr/", [css]),
            ("report_form", "/fr/signaler/", [css, js]),
        ]:
            _s, _h, html = fetch(port, path)
            total = len(gzip.compress(html, 6))  # a proxy compresses HTML; WhiteNoise the rest
            for asset in assets:
                _s, _headers, body = fetch(port, asset, gz)
                total += len(body)
            line(f"{name}_bytes_compressed", total, "B")
        line("worker_peak_rss_mb", f"{worker_peak_rss_mb(proc.pid):.1f}", "MB")


if __name__ == "__main__":
    main()
