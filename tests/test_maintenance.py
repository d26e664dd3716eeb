"""The daily maintenance cannot stop for good: each job on its own, failures logged and
retried, the next run booked first, every job's last success shown to supervisors."""

from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from mailing.delivery import MailNotSent
from maintenance.jobs import ALL_JOBS, JOBS, cull_cache
from maintenance.models import MaintenanceJob
from maintenance.tasks import daily_maintenance, frequent_maintenance, run_job
from reports.intake.services import submit_report

pytestmark = pytest.mark.django_db

DAILY = "maintenance.tasks.daily_maintenance"
JOB = "maintenance.tasks.run_job"


def late_report():
    with time_machine.travel(timezone.now() - timedelta(days=3)):
        submit_report(location="abroad", country="PH", place_kind="",
                      content={"description": "secret"}, upload_token="none")  # fmt: skip


def test_every_job_runs_and_its_success_is_recorded(settings, mailoutbox):
    settings.TRIAGE_INBOX = ["triage@example.org"]
    late_report()
    daily_maintenance.enqueue()  # the immediate backend of the tests runs each job at once
    jobs = {job.name: job for job in MaintenanceJob.objects.all()}
    assert set(jobs) == set(JOBS)
    assert all(job.last_succeeded_at for job in jobs.values())
    assert len(mailoutbox) == 1
    assert "not claimed in time: 1" in mailoutbox[0].body
    assert "secret" not in mailoutbox[0].body
    assert "PH" not in mailoutbox[0].body


def test_an_smtp_outage_stops_no_other_job_and_is_retried(settings, caplog):
    """Found: one SMTP outage ended every later purge, silently."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.TRIAGE_INBOX = ["triage@example.org"]
    smtp = "django.core.mail.backends.smtp.EmailBackend"  # nothing listens on port 9
    settings.MAILERS = {
        "default": {"BACKEND": smtp, "OPTIONS": {"host": "127.0.0.1", "port": 9, "timeout": 1}}
    }
    late_report()
    daily_maintenance.call()
    assert DBTaskResult.objects.filter(task_path=DAILY).count() == 1  # tomorrow, booked first
    failed = []
    for name in JOBS:
        try:
            run_job.call(name)
        except MailNotSent as error:  # never with an address, in the log or the task's row
            failed.append((name, "@" in str(error)))
    assert failed == [("remind_overdue", False)]
    jobs = {job.name: job for job in MaintenanceJob.objects.all()}
    assert jobs["remind_overdue"].last_succeeded_at is None
    assert jobs["remind_overdue"].failures_in_a_row == 1
    assert jobs["remind_overdue"].last_error
    assert all(jobs[n].last_succeeded_at for n in JOBS if n != "remind_overdue")
    retries = DBTaskResult.objects.filter(task_path=JOB, status="READY")
    assert any(r.args_kwargs["args"] == ["remind_overdue", 2] for r in retries)
    assert "Maintenance job remind_overdue failed" in caplog.text
    assert "triage@example.org" not in caplog.text


def test_schedule_maintenance_books_the_task_once(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    call_command("schedule_maintenance", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("schedule_maintenance", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert DBTaskResult.objects.filter(task_path=DAILY).count() == 1


def test_a_run_booked_under_the_former_path_is_booked_again_under_the_new_one(settings):
    """Maintenance moved out of jedisstop/: the daily run booked before the upgrade names a
    path that no longer imports, and the chain of runs would end there."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    call_command("schedule_maintenance", stdout=open("/dev/null", "w"))  # noqa: SIM115
    DBTaskResult.objects.filter(task_path=DAILY).update(
        task_path="jedisstop.maintenance.tasks.daily_maintenance"
    )
    call_command("schedule_maintenance", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert not DBTaskResult.objects.filter(task_path__startswith="jedisstop.").exists()
    assert DBTaskResult.objects.filter(task_path=DAILY).count() == 1


def test_expired_cache_rows_and_sessions_go(client, officer, staff_login):
    from django.core.cache import cache

    from sessionstore.models import HashedSession

    cache.set("short", 1, timeout=1)
    cache.set("long", 1, timeout=3600)
    staff_login(officer)
    with time_machine.travel(timezone.now() + timedelta(seconds=5)):
        assert cull_cache() >= 1
    assert cache.get("long") == 1
    HashedSession.objects.update(expire_date=timezone.now() - timedelta(minutes=1))
    run_job.call("clear_sessions")
    assert not HashedSession.objects.exists()


def test_supervisors_see_when_each_job_last_succeeded(client, supervisor, officer, staff_login):
    url = "/fr/admin/maintenance/maintenancejob/"
    staff_login(officer)
    assert client.get(url).status_code == 403
    staff_login(supervisor)
    page = client.get(url).content.decode()
    assert page.count("⚠") == len(ALL_JOBS)  # never ran: all late
    daily_maintenance.enqueue()
    frequent_maintenance.enqueue()
    page = client.get(url).content.decode()
    assert "⚠" not in page


def test_a_job_queued_before_an_upgrade_that_removed_it_does_nothing(caplog):
    """The queue's tally and its 15-minute job are gone: a run booked before the upgrade
    finds no job, says so, and records nothing."""
    assert "compact_queue_tally" not in ALL_JOBS
    assert run_job.call("compact_queue_tally") is None
    assert "compact_queue_tally no longer exists" in caplog.text
    assert not MaintenanceJob.objects.filter(name="compact_queue_tally").exists()
