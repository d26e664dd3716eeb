"""Nothing deadlocks and nothing fails but the races the site loses on purpose, when
several processes change reports at once, each on its own connection to the test PostgreSQL
database, with real commits: claims, bulk updates of overlapping sets of reports (in
different orders and shapes of query), closes (one report, or the bulk "claim then close"
step), deletes, answers from reporters and new reports. PostgreSQL only, as in production.
(Written for the queue's tally, kept by triggers until "A lighter house"; the queue now
counts as it reads, and these hold the steps to the same.) STEPS_SEED=n picks another set
of changes (the timing differs from run to run anyway)."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import threading
import time
from collections import Counter

import pytest
from django.conf import settings
from django.db import connection

from tests.servers import ROOT

WORKERS = 4
OPERATIONS = 100  # each worker's
SEED_REPORTS = 60
COUNTRIES = ["TH", "PH", "VN"]
pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL, as production"),
    pytest.mark.django_db(transaction=True),
]

# A worker: Django on the test database, told when to start (all four at the same instant),
# its findings as one line of JSON on stdout.
WORKER = """
import json, sys
import django
django.setup()
from tests.keys import as_recovery
from tests.test_concurrent_steps import work
print("ready", flush=True)
sys.stdin.readline()
with as_recovery():  # sealed values open with the tests' recovery key: this is about locks
    print(json.dumps(work(*json.loads(sys.argv[1]))), flush=True)
"""


def submit(rng: random.Random):
    from reports.intake.services import submit_report

    location = rng.choice(["abroad", "abroad", "belgium"])
    country = rng.choice(COUNTRIES) if location == "abroad" else ""
    return submit_report(
        location=location, country=country, place_kind="bar",
        content={"description": "Texte"}, upload_token="none",
    )  # fmt: skip


def work(index: int, seed: int, officer_ids: list[int], supervisor_id: int) -> dict:
    """`OPERATIONS` changes to the reports, picked at random; what went wrong, counted."""
    from django.contrib.auth import get_user_model
    from django.db import DatabaseError, transaction

    from reports.errors import ReportError
    from reports.intake.services import add_reporter_reply
    from reports.models import Report
    from reports.triage import services as triage

    users = get_user_model().objects.in_bulk([*officer_ids, supervisor_id])
    me, supervisor = users[officer_ids[index]], users[supervisor_id]
    rng = random.Random(seed * 1000 + index)
    done, refused, deadlocks, errors = Counter(), Counter(), [], []

    def ids(**filters):
        return sorted(Report.objects.filter(**filters).values_list("pk", flat=True))

    def one_of(**filters):
        found = ids(**filters)
        return Report(pk=rng.choice(found)) if found else None

    def bulk_update():
        everything = ids()
        start = rng.randrange(len(everything)) if everything else 0
        window = everything[start : start + rng.randint(3, 15)]
        changes = {
            "status": rng.choice(Report.Status.values),
            "assigned_to_id": rng.choice([None, *officer_ids]),
        }
        if rng.random() < 0.3:
            changes["priority"] = rng.choice(Report.Priority.values)
        shape = rng.randrange(4)
        if shape == 0:  # this worker's share of the reports: no other worker's bulk update
            # waits for their rows, so both reach the database at once
            mine = [pk for pk in everything if pk % WORKERS == index]
            reports = Report.objects.filter(pk__in=rng.sample(mine, min(len(mine), 12)))
        elif shape == 1:  # a set of reports, listed in any order
            rng.shuffle(window)
            reports = Report.objects.filter(pk__in=window)
        elif shape == 2:  # a range of ids
            reports = Report.objects.filter(pk__gte=min(window, default=0),
                                            pk__lte=max(window, default=0))  # fmt: skip
        else:  # all the open reports from one country
            reports = Report.objects.filter(country=rng.choice(COUNTRIES)).exclude(
                status=Report.Status.CLOSED
            )
        # The reports' own rows locked first, in one order: two UPDATEs lock the rows they
        # change in the order of their plans (an index, the heap), and those of two bulk
        # updates over the same reports would deadlock without any trigger.
        with transaction.atomic():
            locked = list(reports.select_for_update().order_by("pk").values_list("pk", flat=True))
            rng.shuffle(locked)
            Report.objects.filter(pk__in=locked).update(**changes)

    def claim():
        if report := one_of(status=Report.Status.NEW):
            triage.claim_report(report, by=me)

    def close():
        if not (report := one_of(status__in=[Report.Status.NEW, Report.Status.ASSESSING])):
            return
        if rng.random() < 0.5:
            triage.close_report(report, by=supervisor, outcome="spam")
        else:  # the queue's bulk close: claimed (if nobody held it) and closed in one go
            report = Report.objects.get(pk=report.pk)
            _, why = triage.close_reports([report], by=me, outcome="spam")
            if why:
                raise ReportError(why[0][1])

    def delete():
        everything = ids()
        picked = rng.sample(everything, min(rng.randint(1, 2), len(everything)))
        with transaction.atomic():  # as retention does: locked, then deleted
            list(Report.objects.select_for_update().filter(pk__in=picked).order_by("pk"))
            Report.objects.filter(pk__in=picked).delete()

    def reply():
        if report := one_of(status__in=[Report.Status.WAITING, Report.Status.ASSESSING]):
            add_reporter_reply(report, message="Encore une chose", upload_token="none")

    steps = [
        (bulk_update, 40), (claim, 15), (close, 15), (lambda: submit(rng), 12),
        (delete, 8), (reply, 10),
    ]  # fmt: skip
    for _ in range(OPERATIONS):
        step = rng.choices([s for s, _ in steps], weights=[w for _, w in steps])[0]
        name = getattr(step, "__name__", "step")
        name = "submit" if name == "<lambda>" else name
        try:
            step()
            done[name] += 1
        except (ReportError, Report.DoesNotExist) as lost:  # a race lost, as in the site
            refused[f"{name}: {type(lost).__name__}"] += 1
        except DatabaseError as error:
            cause = error.__cause__
            diag = getattr(cause, "diag", None)
            found = {
                "step": name, "error": f"{type(error).__name__}: {error}".strip(),
                "detail": getattr(diag, "message_detail", None),
                "context": getattr(diag, "context", None),
            }  # fmt: skip
            (deadlocks if "deadlock detected" in str(error) else errors).append(found)
    return {"done": done, "refused": refused, "deadlocks": deadlocks, "errors": errors}


def run_workers(seed: int, officer_ids: list[int], supervisor_id: int, tmp_path) -> list[dict]:
    db = connection.settings_dict
    url = f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"
    environment = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DATABASE_URL": url, "DEBUG": "false", "DJANGO_ENV": "local", "LOG_LEVEL": "ERROR",
        "PRIVATE_ROOT": str(tmp_path / "private"), "MEDIA_ROOT": str(tmp_path / "media"),
        "TASKS_BACKEND": "django.tasks.backends.dummy.DummyBackend",
        "REPORT_RECOVERY_PUBLIC_KEY": settings.REPORT_RECOVERY_PUBLIC_KEY,
    }  # fmt: skip
    logs = [tmp_path / f"worker-{i}.log" for i in range(WORKERS)]
    stderrs = [log.open("w") for log in logs]
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, json.dumps([i, seed, officer_ids, supervisor_id])],
            cwd=ROOT, env=environment, text=True,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=stderr,
        )
        for i, stderr in enumerate(stderrs)
    ]  # fmt: skip
    try:
        for proc, log in zip(procs, logs, strict=True):  # every worker set up before any starts
            assert proc.stdout.readline().strip() == "ready", log.read_text()
        for proc in procs:
            proc.stdin.write("go\n")
            proc.stdin.flush()
        results = []
        for proc, log in zip(procs, logs, strict=True):
            out, _ = proc.communicate(timeout=120)
            assert proc.returncode == 0, log.read_text()
            results.append(json.loads(out.strip().splitlines()[-1]))
        return results
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        for stderr in stderrs:
            stderr.close()


def test_processes_changing_reports_at_once_neither_deadlock_nor_fail(roles, make_staff, tmp_path):
    from reports.models import Report

    officers = [make_staff(f"officer{i}", "Triage officer") for i in range(WORKERS)]
    supervisor = make_staff("supervisor", "Supervisor")
    seed = int(os.environ.get("STEPS_SEED", "1"))
    rng = random.Random(seed)
    for _ in range(SEED_REPORTS):
        submit(rng)

    started = time.monotonic()
    results = run_workers(seed, [o.pk for o in officers], supervisor.pk, tmp_path)
    took = time.monotonic() - started

    done = sum((Counter(r["done"]) for r in results), Counter())
    refused = sum((Counter(r["refused"]) for r in results), Counter())
    deadlocks = [d for r in results for d in r["deadlocks"]]
    errors = [e for r in results for e in r["errors"]]
    print(
        f"\n{WORKERS} processes x {OPERATIONS} changes in {took:.1f} s: done {dict(done)}; "
        f"refused {dict(refused)}; {len(deadlocks)} deadlocks; {len(errors)} other errors; "
        f"{Report.objects.count()} reports at the end"
    )
    # Nothing failed but the races the site loses on purpose.
    assert not deadlocks, json.dumps(deadlocks, indent=1)
    assert not errors, json.dumps(errors, indent=1)
    assert sum(done.values()) >= WORKERS * OPERATIONS * 0.5  # the races lost are a minority


def test_a_hand_over_and_a_question_at_once_do_not_deadlock(roles, make_staff, monkeypatch):
    """A hand-over of two reports (one transaction, a statement each) while the new holder
    asks a question on a third: with the queue's counter updated in place by triggers, the
    two took the same rows in opposite orders, and PostgreSQL aborted the question (always,
    there). No step may take a row shared with another report's step."""
    import random

    from django.db import connections

    from reports.models import Report
    from reports.triage import services as triage

    u, v = make_staff("u_officer", "Triage officer"), make_staff("v_officer", "Triage officer")
    boss = make_staff("boss", "Supervisor")
    rng = random.Random(0)
    pks = []
    while len(pks) < 3:
        r = submit(rng)
        found = Report.objects.get(reference=r.reference)
        if found.country == "TH":
            pks.append(found.pk)
        else:
            found.delete()
    r1, r2, r3 = pks
    Report.objects.filter(pk=r1).update(status="waiting", assigned_to=u)
    Report.objects.filter(pk=r2).update(status="assessing", assigned_to=u)
    Report.objects.filter(pk=r3).update(status="assessing", assigned_to=v)
    first_done, go_on = threading.Event(), threading.Event()
    real = triage.first_holder_notice_this_hour

    def pause(report):
        if not first_done.is_set():
            first_done.set()
            go_on.wait(10)
        return real(report)

    monkeypatch.setattr(triage, "first_holder_notice_this_hour", pause)
    result = {}

    def hand_over():
        try:
            triage.hand_over_reports(list(Report.objects.filter(pk__in=[r1, r2])), by=boss, to=v)
            result["hand_over"] = "ok"
        except Exception as e:
            result["hand_over"] = repr(e)[:300]
        finally:
            connections.close_all()

    def ask():
        try:
            triage.ask_reporter(Report.objects.get(pk=r3), by=v, question="Où ?")
            result["ask"] = "ok"
        except Exception as e:
            result["ask"] = repr(e)[:300]
        finally:
            connections.close_all()

    a = threading.Thread(target=hand_over)
    a.start()
    assert first_done.wait(10)  # r1 handed over: (waiting, u) and (waiting, v) locked
    b = threading.Thread(target=ask)
    b.start()
    time.sleep(1.0)  # ask_reporter: (assessing, v) locked, waits for (waiting, v)
    go_on.set()  # hand over r2: wants (assessing, v)
    a.join()
    b.join()
    assert "deadlock" not in str(result), result
