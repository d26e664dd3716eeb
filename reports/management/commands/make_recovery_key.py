"""The organisation's recovery key, made once at set-up: prints its private half once, to be
written down and kept offline by the director (never on the server), and the public half for
`REPORT_RECOVERY_PUBLIC_KEY`. Every report sent afterwards is wrapped to it too, so that the
team's access can be restored when no supervisor can grant it."""

import base64

from django.core.management.base import BaseCommand

from encryption import sealing


class Command(BaseCommand):
    help = "Make the organisation's recovery key: print its private half once, and its public half."

    def handle(self, *args, **options):
        private = sealing.new_key()  # any 32 random bytes are an X25519 private key
        public = sealing.public_key_of(private)
        self.stdout.write(
            "The recovery key's PRIVATE half (shown once, stored nowhere). Write it down or\n"
            "print it, and keep it offline with the director: whoever holds it reads every\n"
            "report. It is asked for on the terminal when it is needed, never stored.\n"
        )
        self.stdout.write(f"  {base64.b64encode(private).decode()}\n")
        self.stdout.write("Its public half, for the site's environment:\n")
        self.stdout.write(f"  REPORT_RECOVERY_PUBLIC_KEY={base64.b64encode(public).decode()}\n")
