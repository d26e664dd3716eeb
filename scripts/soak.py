"""Load and soak: 50 concurrent reporters send reports (a third with a photo) for 60 s to the
production-like server on loopback, bounded in count and time. Then every receipt received
must match exactly one stored report, whose follow-up code it verifies.

Prints `submitted`, `stored`, `errors` (and server errors separately). Exit 1 on a mismatch.
"""

from __future__ import annotations

import json
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from httpload import FormSession, receipt_of
from prodserver import gunicorn, prepare, run_python

CONCURRENCY = 50
SECONDS = float(sys.argv[1]) if len(sys.argv) > 1 else 60.0
MAX_SUBMISSIONS = 20_000  # a bound whatever the machine's speed
DB = "jedisstop_soak"

CHECK = """
import json, sys
from reports.models import Report
receipts = json.load(open(sys.argv[-1]))
stored = 0
for reference, code in receipts:
    matches = list(Report.objects.filter(reference=reference))
    if len(matches) == 1 and matches[0].check_follow_up_code(code):
        stored += 1
print(stored, Report.objects.count())
"""


def main() -> None:
    scratch = Path(tempfile.mkdtemp(prefix="jedisstop-soak-"))
    env = prepare(DB, scratch)
    from tests.images import photo_bytes

    photo = photo_bytes(size=(1600, 1200))
    receipts: list[tuple[str, str]] = []
    errors = {"server": 0, "other": 0}
    lock = threading.Lock()
    stop_at = time.time() + SECONDS

    with gunicorn(env, workers=4) as (port, _proc):

        def reporter(index: int) -> None:
            n = 0
            while time.time() < stop_at:
                with lock:
                    if len(receipts) + sum(errors.values()) >= MAX_SUBMISSIONS:
                        return
                n += 1
                try:
                    form = FormSession(port)
                    status, html, _ms = form.submit(
                        {"location": "abroad", "country": "TH",
                         "description": f"Soak report {index}-{n}"},
                        photo if n % 3 == 0 else None,
                    )  # fmt: skip
                except OSError:
                    with lock:
                        errors["other"] += 1
                    continue
                receipt = receipt_of(html) if status == 200 else None
                with lock:
                    if receipt:
                        receipts.append(receipt)
                    elif status >= 500:
                        errors["server"] += 1
                    else:
                        errors["other"] += 1

        threads = [threading.Thread(target=reporter, args=(i,)) for i in range(CONCURRENCY)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()

    receipts_file = scratch / "receipts.json"
    receipts_file.write_text(json.dumps(receipts))
    check = CHECK.replace("sys.argv[-1]", repr(str(receipts_file)))
    stored, total = (int(x) for x in run_python(env, check).split()[-2:])
    print(f"submitted: {len(receipts)}")
    print(f"stored: {stored}")
    print(f"errors: {sum(errors.values())}")
    print(f"server_errors: {errors['server']}")
    print(f"reports_in_database: {total}")
    if stored != len(receipts) or total != len(receipts) or errors["server"]:
        sys.exit(1)


if __name__ == "__main__":
    main()
