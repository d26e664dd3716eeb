"""`make bench`: the site as in production (nginx in front, gunicorn with 4 workers,
production settings, PostgreSQL) on loopback, filled with 20,000 reports (the most a 365-day
retention keeps at tens of reports a day; `scripts/bench.py 100000` for more) and 200 articles.
Prints one figure a line, `name: value unit`. Targets are in the README, not in tests.

Against the limit (wrk, through nginx over TLS, concurrency 20 and 200): nginx serving a
static copy of the home page from disk (`static_limit_*`, the machine's limit), then the home
page, a campaign page, the news list and the report form through the whole stack
(`*_stack_*`), and each public page's throughput over the limit's (`*_vs_limit_ratio`). The
earlier figures (Python client straight to gunicorn) keep their names.

The report form is also held against its own bytes sent by nginx from disk
(`report_form_static_*`, `report_form_vs_own_static_ratio`): what the stack costs, apart
from the form weighing more than the home page.

A report sent while the home page is under load at c200 is timed with every process at the
scheduler's equal share: the bench changes no process's scheduling. The home page's own
throughput meanwhile is printed beside it.
"""

from __future__ import annotations

import gzip
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import wrkload
from httpload import FormSession, fetch, measure, percentiles, receipt_of
from prodserver import gunicorn, nginx, prepare, run_python, worker_peak_rss_mb

REPORTS = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
LEGACY = 20  # reports kept from before sealing, to measure the report page as it was
OFFICER_PASSWORD = "bench officer passphrase"  # noqa: S105 (a throwaway bench account)
DB = "jedisstop_bench"

FILL = f"""
import io
from datetime import timedelta
from django.contrib.auth.models import Group, User
from django.utils import timezone
from campaign import seed
from campaign.models import Article
from encryption import crypto, sealing
from encryption.fields import Ciphertext
from reports.models import Report, ReportKey
from reports.models.keys import _context, value_context
from staff import keyring
seed.load(io.StringIO())
# The team the reports are sealed to, as after its first sign-in: one officer with a key.
officer = User.objects.create_user("bench-officer", password="{OFFICER_PASSWORD}", is_staff=True)
officer.groups.add(Group.objects.get(name="Triage officer"))
keyring.make_key(officer, "{OFFICER_PASSWORD}")
officer_public = bytes(officer.staff_key.public_key)
statuses = ["new", "assessing", "waiting", "forwarded", "closed"]
countries = ["TH", "PH", "KH", "KE", "BR", "BE", "FR", "MA", "DO", "VN"]
from reports.triage import clocks
now = timezone.now()
answers = {{"description": "synthetic report for the benchmark"}}
LEGACY = {LEGACY}  # the last ones kept from before sealing (the site's key): "today"
keys = {{}}
def bench_report(i):
    reference = f"JDS-Z{{i:08d}}"
    if i >= {REPORTS} - LEGACY:
        content = crypto.encrypt_json(answers)
    else:
        keys[reference] = {{"team": sealing.new_key(), "channel": sealing.new_key()}}
        content = sealing.seal_value(keys[reference]["channel"], answers,
                                     context=value_context(reference, "reports.report.content"))
    report = Report(
        reference=reference, received_at=now - timedelta(minutes=i),
        status=statuses[i % 5], priority=1 + i % 4,
        location="belgium" if i % 6 == 0 else "abroad", country=countries[i % 10],
        place_kind="bar", content=Ciphertext(content), code_lookup=f"bench-{{i}}",
        code_hash="x", last_activity_at=now, search_indexed=True)
    # Each open report's clock as the steps would have set it: most new and assessed ones
    # are late here (received up to 69 days ago), the worst case for the queue's order.
    report.clock, report.due_at = clocks.due(report)
    return report
Report.objects.bulk_create((bench_report(i) for i in range({REPORTS})), batch_size=5000)
ids = dict(Report.objects.values_list("reference", "pk"))
def wraps():
    for reference, scoped in keys.items():
        wrapper = sealing.Wrapper(officer_public)
        for scope, key in scoped.items():
            yield ReportKey(report_id=ids[reference], scope=scope, holder="member",
                            user=officer, public_key=officer_public,
                            wrapped=wrapper.wrap(key, context=_context(
                                reference, scope, "member", officer_public)))
ReportKey.objects.bulk_create(wraps(), batch_size=5000)
from django.db import connection
with connection.cursor() as cursor:
    cursor.execute("ANALYZE")  # as autovacuum would, a minute after the load
# The blind index (reports.search) of a hotel per report: 40 x 25 names, numbered by 5,000,
# under the search key sealed to the officer.
from reports import search
from reports.models import SearchTerm
_search_key, key = search.make_search_key()
first, second = ["Sunrise", "Golden", "Royal", "Blue", "Palm", "Ocean", "Green", "Silver"] * 5, [
    "Palace", "Resort", "Inn", "Lodge", "Suites"] * 5
def terms(i):
    hotel = f"{{first[i % 40]}}{{i % 7}} {{second[i % 25]}}{{i % 3}} {{i % 5000}}"
    for term in search.terms({{"travel_hotel": hotel}}):
        scope = "value" if term.whole else "word"
        yield SearchTerm(report_id=ids[f"JDS-Z{{i:08d}}"], group=term.group, whole=term.whole,
                         digest=search._digest(key, scope, term.text))
SearchTerm.objects.bulk_create((t for i in range({REPORTS}) for t in terms(i)), batch_size=5000)
Article.objects.bulk_create(
    Article(title_fr=f"Actualité {{i}}", slug_fr=f"actualite-{{i}}", summary_fr="Résumé",
            body_fr="Texte", status="published", published_at=now - timedelta(days=i + 10))
    for i in range(196)
)
print(Report.objects.count(), Article.objects.count())
"""

STAFF = """
from django.contrib.auth.models import Group, User
from sessionstore.backend import SessionStore
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from staff.verification import verified_session_data
import time
user = User.objects.get(username="bench-officer")
session = SessionStore()
session["_auth_user_id"] = str(user.pk)
session["_auth_user_backend"] = "allauth.account.auth_backends.AuthenticationBackend"
session["_auth_user_hash"] = user.get_session_auth_hash()
session.update(verified_session_data(user))
session["staff_last_seen"] = time.time() + 86400
# The member's key held for the session, as their sign-in with the password does.
import base64
from encryption import staffkeys
from staff import keyring
private = keyring._unwrap_or_make(user, "@OFFICER_PASSWORD@")
held, cookie_key = staffkeys.hold(private, context=keyring._held_context(user))
session[keyring.SESSION_ENTRY] = {"user": user.pk, "held": base64.b64encode(held).decode()}
session.create()
client = Client(HTTP_HOST="127.0.0.1")
from django.conf import settings
key_cookie = base64.urlsafe_b64encode(cookie_key).decode()
client.cookies[settings.SESSION_COOKIE_NAME] = session.session_key
client.cookies[settings.STAFF_KEY_COOKIE_NAME] = key_cookie
client.get("/fr/admin/reports/report/")
with CaptureQueriesContext(connection) as queries:
    status = client.get("/fr/admin/reports/report/").status_code
queue_queries = len(queries)  # now: the next request empties the log it reads
# The blind-index search (a posted form, never in an address): median of 20, in-process.
timings = []
for _ in range(21):
    start = time.perf_counter()
    found = client.post("/fr/admin/reports/report/search/", {"q": "Sunrise0 Palace0 1680"})
    timings.append((time.perf_counter() - start) * 1000)
    assert found.status_code == 200 and b"JDS-Z00001680" in found.content, found.status_code
timings = sorted(timings[1:])
search_ms = f"{timings[len(timings) // 2]:.1f}"
# A sign-in's password step with the production hasher: Django's check, then the member's
# key unwrapped with Argon2id and held for the session (the first one makes the key pair).
from staff.authenticators import give_totp
signing_in = User.objects.create_user("bench-signin", password="bench sign-in passphrase",
                                      is_staff=True)
signing_in.groups.add(Group.objects.get(name="Triage officer"))
give_totp(signing_in)
steps = []
for _ in range(6):
    fresh = Client(HTTP_HOST="127.0.0.1")
    start = time.perf_counter()
    answer = fresh.post("/fr/staff/login/", {"login": "bench-signin",
                                             "password": "bench sign-in passphrase"})
    steps.append((time.perf_counter() - start) * 1000)
    assert answer.status_code == 302 and "2fa" in answer["Location"], answer.status_code
steps = sorted(steps[1:])
from reports.models import Report
sealed_pk = Report.objects.get(reference="JDS-Z00000002").pk  # assessing, sealed
legacy_pk = Report.objects.get(reference=f"JDS-Z{@REPORTS@ - 3:08d}").pk  # kept from before
cookies = (f"{settings.SESSION_COOKIE_NAME}={session.session_key};"
           f"{settings.STAFF_KEY_COOKIE_NAME}={key_cookie}")
print(cookies, queue_queries, status, search_ms, f"{steps[len(steps) // 2]:.0f}",
      sealed_pk, legacy_pk)
""".replace("@OFFICER_PASSWORD@", OFFICER_PASSWORD).replace("@REPORTS@", str(REPORTS))


# The public pages and the report form, measured through the whole stack.
PAGES = [("home", "/fr/"), ("campaign_page", "/fr/campagne/"), ("news_list", "/fr/actualites/"),
         ("report_form", "/fr/signaler/")]  # fmt: skip
# The blank report form is a public page too now (no token): it is held to the same ratio.
PUBLIC = ["home", "campaign_page", "news_list", "report_form"]
LIMIT_PATH = "/static/bench/home.html"
# The form's own bytes as a static file: the stack's cost on the form, apart from its weight.
FORM_STATIC_PATH = "/static/bench/report-form.html"


def line(name: str, value, unit: str) -> None:
    print(f"{name}: {value} {unit}", flush=True)


def submissions(port: int, photo: bytes, *, https: bool = False, count: int = 42) -> list[float]:
    """Times of `count` report submissions with a photo, the first two left out (warm-up):
    40, so that the p95 is not the slowest but one."""
    timings = []
    for _ in range(count):
        form = FormSession(port, https=https)
        status, html, elapsed = form.submit(
            {"location": "abroad", "country": "TH", "description": "Benchmark report"}, photo
        )
        if status != 200 or receipt_of(html) is None:
            raise SystemExit(f"submission failed: HTTP {status}")
        timings.append(elapsed)
    return timings[2:]


def submissions_under_load(https: int, photo: bytes) -> None:
    """Report submissions with a photo while wrk loads the home page at c200: p50 and p95,
    and the home page's own throughput meanwhile (the load was there). Every process keeps
    the scheduler's equal share."""
    with wrkload.background(f"https://localhost:{https}/fr/", connections=200) as load:
        time.sleep(1)
        p50, p95 = percentiles(submissions(https, photo, https=True))
    line("report_submit_under_load_p50_ms", f"{p50:.1f}", "ms")
    line("report_submit_under_load_p95_ms", f"{p95:.1f}", "ms")
    if load.figures is not None:
        line("home_rps_during_submissions", f"{load.figures['rps']:.0f}", "req/s")


ROUNDS = 3  # each figure against the limit: the median of 3 runs, taken in turn


def against_the_limit(https: int) -> None:
    """wrk through nginx: the static limit, the public pages and the report form. Two cores
    carry nginx and wrk both, so one run of a few seconds varies by a fifth: each figure is
    the median of ROUNDS runs, the limit and the pages measured in turn within each round
    (a slow stretch of the machine weighs on both sides of a ratio)."""
    base = f"https://localhost:{https}"
    measured = [("static_limit", LIMIT_PATH), ("report_form_static", FORM_STATIC_PATH), *PAGES]
    for _name, path in measured:
        status, _headers, _body = fetch(https, path, https=True)  # warm: nginx's cache too
        if status != 200:
            raise SystemExit(f"{path} through nginx: HTTP {status}")
    rps = {}
    for connections in (20, 200):
        runs: dict[str, list[dict]] = {}
        for _round in range(ROUNDS):
            for name, path in measured:
                runs.setdefault(name, []).append(
                    wrkload.run(base + path, connections=connections, seconds=5)
                )
        for name, _path in measured:
            on_disk = name in ("static_limit", "report_form_static")
            prefix = f"{name}_c{connections}" if on_disk else f"{name}_stack_c{connections}"
            figures = {
                key: statistics.median(run[key] for run in runs[name])
                for key in ("rps", "p50_ms", "p99_ms")
            }  # fmt: skip
            line(f"{prefix}_rps", f"{figures['rps']:.0f}", "req/s")
            line(f"{prefix}_p50_ms", f"{figures['p50_ms']:.2f}", "ms")
            line(f"{prefix}_p99_ms", f"{figures['p99_ms']:.2f}", "ms")
            errors = sum(run["errors"] for run in runs[name])
            if errors:
                line(f"{prefix}_errors", errors, "requests")
            rps[(name, connections)] = figures["rps"]
        suffix = "" if connections == 200 else f"_c{connections}"
        for name in PUBLIC:
            ratio = rps[(name, connections)] / rps[("static_limit", connections)]
            line(f"{name}_vs_limit_ratio{suffix}", f"{ratio:.2f}", "x")
        own = rps[("report_form", connections)] / rps[("report_form_static", connections)]
        line(f"report_form_vs_own_static_ratio{suffix}", f"{own:.2f}", "x")
    line("report_form_rps", f"{rps[('report_form', 200)]:.0f}", "req/s")


def main() -> None:
    scratch = Path(tempfile.mkdtemp(prefix="jedisstop-bench-"))
    env = prepare(DB, scratch)
    reports, articles = run_python(env, FILL).split()[-2:]
    line("bench_reports", reports, "reports")
    line("bench_articles", articles, "articles")
    staff_figures = run_python(env, STAFF).split()[-7:]
    session_cookie, queue_queries, status, search_ms, sign_in_ms, sealed, legacy = staff_figures
    if status != "200":
        raise SystemExit(f"admin queue: HTTP {status}")

    manifest = json.loads((scratch / "static" / "staticfiles.json").read_text())["paths"]
    css = "/static/" + manifest["css/site.css"]
    js = "/static/" + manifest["js/report-form.js"]

    from tests.images import big_photo_bytes

    photo = big_photo_bytes(3 * 1024 * 1024)
    socket_path = scratch / "gunicorn.sock"
    with (
        gunicorn(env, workers=4, socket_path=socket_path) as (port, proc),
        nginx(env, scratch / "nginx", socket_path) as https,
    ):
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

        p50, p95 = percentiles(submissions(port, photo))
        line("report_submit_p50_ms", f"{p50:.1f}", "ms")
        line("report_submit_p95_ms", f"{p95:.1f}", "ms")

        staff = {"Cookie": session_cookie}
        queue = measure(port, "/fr/admin/reports/report/", concurrency=1, total=20, headers=staff)
        line("admin_queue_ms", f"{percentiles(queue)[0]:.1f}", "ms")
        line("admin_queue_queries", queue_queries, "queries")
        line("admin_search_ms", search_ms, "ms")
        line("staff_sign_in_password_step_ms", sign_in_ms, "ms")
        # A report's page: one sealed to the team (opened with the member's key) and one
        # kept from before sealing (the site's key), as the page was before: the difference
        # is what sealing costs a page.
        pages = {}
        for name, pk in [("sealed", sealed), ("kept_from_before", legacy)]:
            path = f"/fr/admin/reports/report/{pk}/change/"
            status, _headers, _body = fetch(port, path, staff)
            if status != 200:
                raise SystemExit(f"report page ({name}): HTTP {status}")
            p50, p95 = percentiles(measure(port, path, concurrency=1, total=42, headers=staff))
            pages[name] = p95
            line(f"report_page_{name}_p50_ms", f"{p50:.1f}", "ms")
            line(f"report_page_{name}_p95_ms", f"{p95:.1f}", "ms")
        line("report_page_sealing_cost_p95_ms",
             f"{pages['sealed'] - pages['kept_from_before']:.1f}", "ms")  # fmt: skip

        # The machine's limit: nginx sending the home page's bytes as a file from disk; and
        # the form's bytes likewise. (Precompressed beside them, as WhiteNoise does for every
        # static file: the clients read gzip, as browsers do.)
        (scratch / "static" / "bench").mkdir()
        for path, copy in [("/fr/", "home.html"), ("/fr/signaler/", "report-form.html")]:
            _status, _headers, page = fetch(https, path, https=True)
            (scratch / "static" / "bench" / copy).write_bytes(page)
            (scratch / "static" / "bench" / f"{copy}.gz").write_bytes(gzip.compress(page))
        against_the_limit(https)

        # A reporter sends a 3 MB photo while the public pages are under load.
        submissions_under_load(https, photo)

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
