"""Rebuild the blind index of every report with the newest SEARCH_INDEX_KEYS key (after a
rotation: new key first, this command, then the old key removed)."""

from django.core.management.base import BaseCommand

from reports import search


class Command(BaseCommand):
    help = "Rebuild every report's search digests with the newest SEARCH_INDEX_KEYS key."

    def handle(self, *args, **options):
        count = search.reindex_all()
        self.stdout.write(f"{count} reports indexed with the newest key.")
