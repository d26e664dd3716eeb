"""Remove photos of forms that were never sent (older than PENDING_UPLOAD_HOURS)."""

from django.core.management.base import BaseCommand

from reports.retention.services import purge_expired_uploads


class Command(BaseCommand):
    help = "Delete unsubmitted uploads older than PENDING_UPLOAD_HOURS (24 h)."

    def handle(self, *args, **options):
        count = purge_expired_uploads()
        self.stdout.write(f"Removed {count} expired upload(s).")
