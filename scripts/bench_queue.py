"""The triage queue under load: first page of the admin queue with N reports (default 10,000),
printed as `name: value unit` — its server time (median of 20) and its query count.

Run: .venv/bin/python scripts/bench_queue.py [N]
"""

import statistics
import sys
import time

from benchlib import percentile, setup_django

setup_django()

from django.contrib.auth.models import Group, User  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from encryption import crypto  # noqa: E402
from encryption.fields import Ciphertext  # noqa: E402
from reports.models import Report  # noqa: E402
from staff.verification import verified_session_data  # noqa: E402

STATUSES = ["new", "assessing", "waiting", "forwarded", "closed"]
COUNTRIES = ["TH", "PH", "KH", "KE", "BR", "BE", "FR", "MA", "DO", "VN"]


def fill(n: int, officer) -> None:
    content = crypto.encrypt_json({"description": "synthetic"})
    now = timezone.now()
    batch = []
    for i in range(n):
        status = STATUSES[i % len(STATUSES)]
        batch.append(
            Report(
                reference=f"JDS-B{i:07d}"[:13], received_at=now - timezone.timedelta(minutes=i),
                status=status, priority=1 + i % 4, location="belgium" if i % 6 == 0 else "abroad",
                country=COUNTRIES[i % len(COUNTRIES)], place_kind="bar",
                assigned_to=officer if status != "new" else None,
                content=Ciphertext(content), code_lookup=f"bench-{i}", code_hash="x",
            )
        )  # fmt: skip
    Report.objects.bulk_create(batch, batch_size=2000)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    officer = User.objects.create_user("bench-officer", is_staff=True)
    officer.groups.add(Group.objects.get(name="Triage officer"))
    fill(n, officer)
    client = Client()
    client.force_login(officer)
    session = client.session
    session.update(verified_session_data(officer))
    session.save()
    url = "/fr/admin/reports/report/"
    client.get(url)
    # The local settings run with DEBUG on, which logs queries and resets the log at each
    # request: count them from a request_finished-safe copy.
    connection.force_debug_cursor = True
    response = client.get(url)
    queries = list(connection.queries_log)
    connection.force_debug_cursor = False
    if response.status_code != 200:
        raise SystemExit(f"queue answered HTTP {response.status_code}")
    timings = []
    for _ in range(20):
        start = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    print(f"queue_reports: {n} reports")
    print(f"admin_queue_queries: {len(queries)} queries")
    print(f"admin_queue_p50_ms: {statistics.median(timings):.1f} ms")
    print(f"admin_queue_p95_ms: {percentile(timings, 0.95):.1f} ms")


if __name__ == "__main__":
    main()
