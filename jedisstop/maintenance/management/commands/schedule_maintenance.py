"""Book the daily maintenance (jedisstop.maintenance) if none is booked.

Run once at deployment (and by `make run`); the task then books its own next run.
"""

from django.core.management.base import BaseCommand
from django_tasks_db.models import DBTaskResult

from jedisstop.maintenance.tasks import daily_maintenance


class Command(BaseCommand):
    help = "Enqueue the daily maintenance task unless one is already waiting."

    def handle(self, *args, **options):
        waiting = DBTaskResult.objects.filter(
            task_path=daily_maintenance.module_path, status__in=["READY", "RUNNING"]
        ).exists()
        if waiting:
            self.stdout.write("Daily maintenance already booked.")
            return
        daily_maintenance.enqueue()
        self.stdout.write("Daily maintenance booked.")
