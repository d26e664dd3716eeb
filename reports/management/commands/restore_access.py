"""The recovery key ceremony: when no supervisor can grant access (all locked out, their
passwords reset), the director types the organisation's recovery key on the server's
terminal, and the named members are given every report sealed to it.

The key is asked for on the terminal (never an argument: it would stay in the shell's
history and the process list), checked against REPORT_RECOVERY_PUBLIC_KEY, held in memory
for this command only and never stored or logged. Each batch is one transaction and one
entry in the audit log ("with the recovery key").
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from encryption import holders
from reports.access import services
from reports.access.recovery import ask_recovery_key


class Command(BaseCommand):
    help = "Give members access to every sealed report with the recovery key (asked for here)."

    def add_arguments(self, parser):
        parser.add_argument("usernames", nargs="+", help="the members to give access to")

    def handle(self, *args, usernames, **options):
        members = []
        for name in usernames:
            member = get_user_model().objects.filter(username=name).first()
            if member is None:
                raise CommandError(f"No account is named {name!r}.")
            members.append(member)
        private = ask_recovery_key()
        with holders.holding(holders.recovery(private)):
            for member in members:
                self._restore(member)

    def _restore(self, member):
        total = 0
        while True:
            try:
                granted = services.grant_access(member, by=None)
            except services.AccessError as error:
                raise CommandError(f"{member.get_username()}: {error}") from None
            total += granted.done
            self.stdout.write(f"{member.get_username()}: {total} reports, {granted.left} left")
            if not granted.left or not granted.done:
                break
        self.stdout.write(self.style.SUCCESS(f"{member.get_username()}: access restored."))
