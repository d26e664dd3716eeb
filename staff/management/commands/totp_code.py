"""The current code of an authenticator app set up with KEY (local run only): for the demo
accounts, when no phone is at hand."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from staff.authenticators import current_code


class Command(BaseCommand):
    help = "Print the current 6-digit code for a TOTP key (local run only)."

    def add_arguments(self, parser):
        parser.add_argument("key", help="the TOTP key (base32), as in var/demo-accounts.txt")

    def handle(self, *args, key, **options):
        if settings.PRODUCTION:
            raise CommandError("Not in production: use the authenticator app.")
        try:
            self.stdout.write(current_code(key.replace(" ", "").upper()))
        except ValueError as error:
            raise CommandError("That is not a TOTP key (base32 letters and digits).") from error
