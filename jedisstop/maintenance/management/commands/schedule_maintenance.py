"""Book the daily maintenance (jedisstop.maintenance) if none is booked.

Run once at deployment (and by `make run`); the task then books its own next run.
"""

from django.core.management.base import BaseCommand
from django_tasks_db.models import DBTaskResult

from jedisstop.maintenance.tasks import daily_maintenance, frequent_maintenance


class Command(BaseCommand):
    help = "Enqueue the daily and the frequent maintenance tasks unless already waiting."

    def handle(self, *args, **options):
        for task, name in [(daily_maintenance, "Daily"), (frequent_maintenance, "Frequent")]:
            waiting = DBTaskResult.objects.filter(
                task_path=task.module_path, status__in=["READY", "RUNNING"]
            ).exists()
            if waiting:
                self.stdout.write(f"{name} maintenance already booked.")
                continue
            task.enqueue()
            self.stdout.write(f"{name} maintenance booked.")
