from __future__ import annotations

import logging
from datetime import timedelta

from django.tasks import default_task_backend, task
from django.utils import timezone
from django.utils.module_loading import import_string

from maintenance.jobs import ALL_JOBS, FREQUENT_INTERVAL_MINUTES, FREQUENT_JOBS, JOBS
from maintenance.models import MaintenanceJob

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 6  # retried after 5, 10, 20, 40, 80 minutes


def book_next_run(after: timedelta = timedelta(days=1)) -> None:
    if default_task_backend.supports_defer:
        daily_maintenance.using(run_after=timezone.now() + after).enqueue()


@task
def daily_maintenance() -> list[str]:
    """Tomorrow's run is booked first; then each job goes on its own."""
    book_next_run()
    for name in JOBS:
        run_job.enqueue(name)
    return list(JOBS)


@task
def frequent_maintenance() -> list[str]:
    """Every FREQUENT_INTERVAL_MINUTES: the next run is booked first, then each job."""
    if default_task_backend.supports_defer:
        after = timezone.now() + timedelta(minutes=FREQUENT_INTERVAL_MINUTES)
        frequent_maintenance.using(run_after=after).enqueue()
    for name in FREQUENT_JOBS:
        run_job.enqueue(name)
    return list(FREQUENT_JOBS)


@task
def run_job(name: str, attempt: int = 1):
    if name not in ALL_JOBS:
        # Queued before an upgrade that removed the job: nothing to run.
        logger.warning("Maintenance job %s no longer exists: not run", name)
        return None
    path, _label = ALL_JOBS[name]
    MaintenanceJob.objects.update_or_create(name=name, defaults={"last_started_at": timezone.now()})
    try:
        result = import_string(path)()
    except Exception as error:
        # The kind of error only: a message could hold anything.
        logger.error("Maintenance job %s failed (attempt %d): %s", name, attempt,
                     type(error).__name__)  # fmt: skip
        job = MaintenanceJob.objects.get(name=name)
        job.last_failed_at = timezone.now()
        job.last_error = type(error).__name__[:100]
        job.failures_in_a_row += 1
        job.save()
        if attempt < MAX_ATTEMPTS and default_task_backend.supports_defer:
            delay = timedelta(minutes=5 * 2 ** (attempt - 1))
            run_job.using(run_after=timezone.now() + delay).enqueue(name, attempt + 1)
        raise
    MaintenanceJob.objects.filter(name=name).update(
        last_succeeded_at=timezone.now(), failures_in_a_row=0, last_result=str(result)[:100]
    )
    return result
