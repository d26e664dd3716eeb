"""The blind index with the recovery key, from the terminal: index every report waiting
for it (after an upgrade, or a new search key when nobody can sign in). The supervisors'
button on the search page does the same from a member's key; this command asks for the
recovery key on the terminal and never stores it."""

from django.core.management.base import BaseCommand

from encryption import holders
from reports import search
from reports.access.recovery import ask_recovery_key


class Command(BaseCommand):
    help = "Index every report waiting for the search, with the recovery key (asked for here)."

    def handle(self, *args, **options):
        private = ask_recovery_key()
        count = 0
        with holders.holding(holders.recovery(private)):
            while done := search.index_waiting(limit=1000):
                count += done
        self.stdout.write(f"{count} reports indexed; {search.waiting_count()} left waiting.")
