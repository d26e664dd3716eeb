"""How long a supervisor's grant takes: N reports sealed to a supervisor, then access granted
to a newcomer batch after batch, as the grant page does (reports.access). Prints
`grant_reports`, `grant_seconds` and `grant_batches`. On the embedded SQLite of a scratch
folder: what is measured is the cryptography and the rows, not a server."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
REPORTS = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000


def main() -> None:
    scratch = Path(tempfile.mkdtemp(prefix="jedisstop-grant-"))
    os.environ["SQLITE_PATH"] = str(scratch / "db.sqlite3")
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jedisstop.settings")
    import django

    django.setup()
    from django.contrib.auth.models import Group, User
    from django.core.management import call_command
    from django.utils import timezone

    call_command("migrate", verbosity=0)
    from encryption import holders, sealing
    from reports.access.services import grant_access
    from reports.models import Report, ReportKey
    from reports.models.keys import _context
    from staff import keyring

    password = "bench grant passphrase"  # noqa: S105 (a throwaway account)
    supervisor = User.objects.create_user("supervisor", password=password, is_staff=True)
    supervisor.groups.add(Group.objects.get(name="Supervisor"))
    newcomer = User.objects.create_user("newcomer", password=password, is_staff=True)
    newcomer.groups.add(Group.objects.get(name="Triage officer"))
    for user in (supervisor, newcomer):
        keyring.make_key(user, password)
    public = bytes(supervisor.staff_key.public_key)
    now = timezone.now()
    Report.objects.bulk_create(
        (Report(reference=f"JDS-G{i:08d}", received_at=now, code_lookup=f"grant-{i}",
                code_hash="x", last_activity_at=now) for i in range(REPORTS)),
        batch_size=5000,
    )  # fmt: skip

    def wraps():
        for pk, reference in Report.objects.values_list("pk", "reference").iterator():
            wrapper = sealing.Wrapper(public)
            for scope in ("team", "channel"):
                yield ReportKey(
                    report_id=pk, scope=scope, holder="member", user=supervisor,
                    public_key=public, wrapped=wrapper.wrap(
                        sealing.new_key(), context=_context(reference, scope, "member", public)),
                )  # fmt: skip

    ReportKey.objects.bulk_create(wraps(), batch_size=5000)
    private = keyring._unwrap_or_make(supervisor, password)
    batches = done = 0
    start = time.perf_counter()
    with holders.holding(holders.member(supervisor.pk, private)):
        while True:
            granted = grant_access(newcomer, by=supervisor)
            batches, done = batches + 1, done + granted.done
            if not granted.left:
                break
    elapsed = time.perf_counter() - start
    assert ReportKey.objects.filter(user=newcomer).count() == 2 * REPORTS
    print(f"grant_reports: {done} reports")
    print(f"grant_seconds: {elapsed:.2f} s")
    print(f"grant_batches: {batches} requests")


if __name__ == "__main__":
    main()
