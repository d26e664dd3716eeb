"""Book the daily maintenance (maintenance) if none is booked.

Run once at deployment (and by `make run`); the task then books its own next run. A run
booked before the maintenance moved out of `jedisstop/` names the former path, which no longer
imports: it is taken off the queue, and booked again under the new one.
"""

from django.core.management.base import BaseCommand
from django_tasks_db.models import DBTaskResult

from maintenance.tasks import daily_maintenance, frequent_maintenance


class Command(BaseCommand):
    help = "Enqueue the daily and the frequent maintenance tasks unless already waiting."

    def handle(self, *args, **options):
        former = DBTaskResult.objects.filter(
            task_path__startswith="jedisstop.maintenance.", status__in=["READY", "RUNNING"]
        ).delete()[0]
        if former:
            self.stdout.write(f"{former} run(s) booked under the former path taken off.")
        for task, name in [(daily_maintenance, "Daily"), (frequent_maintenance, "Frequent")]:
            waiting = DBTaskResult.objects.filter(
                task_path=task.module_path, status__in=["READY", "RUNNING"]
            ).exists()
            if waiting:
                self.stdout.write(f"{name} maintenance already booked.")
                continue
            task.enqueue()
            self.stdout.write(f"{name} maintenance booked.")
