"""Purge closed reports older than REPORT_RETENTION_DAYS, keeping content-free statistics."""

from django.conf import settings
from django.core.management.base import BaseCommand

from reports.retention.services import purge_closed_reports


class Command(BaseCommand):
    help = "Delete the content, messages and photos of closed reports past the retention period."

    def handle(self, *args, **options):
        count = purge_closed_reports(older_than_days=settings.REPORT_RETENTION_DAYS)
        self.stdout.write(f"Purged {count} closed report(s).")
