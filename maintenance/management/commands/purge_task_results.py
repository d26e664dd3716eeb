"""Delete the finished rows of mail tasks, and drop the link an invitation waiting to be sent
carried in its arguments (rows enqueued before the worker made links itself). Run once after
upgrading (README, "Upgrading a running site"); the worker deletes each new row itself."""

from django.core.management.base import BaseCommand
from django.db import transaction

from mailing.delivery import forgotten_tasks


class Command(BaseCommand):
    help = "Delete finished rows of mail tasks and the links of invitations not sent yet."

    def handle(self, *args, **options):
        from django_tasks_db.models import DBTaskResult

        # Importing the tasks registers them as forgotten when finished.
        import campaign.contact  # noqa: F401
        import reports.notifications  # noqa: F401
        import staff.tasks  # noqa: F401

        mail_tasks = forgotten_tasks()
        with transaction.atomic():
            rows = DBTaskResult.objects.filter(task_path__in=mail_tasks)
            deleted, _ = rows.exclude(status__in=["READY", "RUNNING"]).delete()
            scrubbed = 0
            waiting = rows.filter(task_path="staff.tasks.send_account_mail", status="READY")
            for row in waiting.select_for_update():
                args, kwargs = row.args_kwargs["args"], row.args_kwargs["kwargs"]
                if (len(args) > 3 and args[3]) or kwargs.get("link"):
                    row.args_kwargs = {
                        "args": [*args[:3], "", *args[4:]],
                        "kwargs": {k: v for k, v in kwargs.items() if k != "link"},
                    }
                    row.save(update_fields=["args_kwargs"])
                    scrubbed += 1
        self.stdout.write(
            f"Deleted {deleted} finished rows of mail tasks; "
            f"removed the link from {scrubbed} invitations waiting to be sent."
        )
