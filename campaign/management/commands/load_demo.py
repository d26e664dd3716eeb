"""Load the demo content. Idempotent: running it twice changes nothing.

In the local run it also creates one demo staff account per role and prints each name
and password once, when the account is created; production refuses that part.
"""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

from staff import keyring
from staff.authenticators import give_totp

DEMO_ACCOUNTS = [
    # username, group name, superuser?
    ("officer", "Triage officer"),
    ("supervisor", "Supervisor"),
    ("editor", "Editor"),
]


class Command(BaseCommand):
    help = "Load the demo content (and, in local mode, demo staff accounts)."

    def handle(self, *args, **options):
        from campaign.demo import LOADERS, LOCAL_LOADERS

        for loader in LOADERS:
            loader(self.stdout)
        if settings.PRODUCTION:
            self.stdout.write("Production mode: no demo reports or accounts created.")
            return
        # Accounts first: the demo reports are held by the demo officer and supervisor.
        self._load_accounts()
        for loader in LOCAL_LOADERS:
            loader(self.stdout)

    def _load_accounts(self) -> None:
        user_model = get_user_model()
        secrets_file = settings.SQLITE_PATH.parent / "demo-accounts.txt"
        created_lines = []
        for username, group_name in DEMO_ACCOUNTS:
            user = user_model.objects.filter(username=username).first()
            if user is not None:
                continue
            password = "-".join(secrets.token_urlsafe(4) for _ in range(3))
            user = user_model.objects.create_user(
                username=username,
                password=password,
                email=f"{username}@demo.invalid",
                is_staff=True,
            )
            group = Group.objects.filter(name=group_name).first()
            if group is not None:
                user.groups.add(group)
            # Their key, before the demo reports are sealed to the team.
            keyring.make_key(user, password)
            # Every staff account gives a second factor, editors included: a real
            # authenticator, ready; add this key to an authenticator app.
            secret = give_totp(user)
            created_lines.append(
                f"{username:<12} {password:<20} {group_name:<16} TOTP key: {secret}"
            )
        if created_lines:
            secrets_file.parent.mkdir(parents=True, exist_ok=True)
            with secrets_file.open("a", encoding="utf-8") as fh:
                fh.write("\n".join(created_lines) + "\n")
            self.stdout.write("")
            self.stdout.write(
                f"Demo staff accounts (local only, shown once; also in {secrets_file}):"
            )
            for line in created_lines:
                self.stdout.write("  " + line)
            self.stdout.write(
                "  Each signs in with a code from an authenticator app set up with their TOTP "
                "key\n  (or: .venv/bin/python manage.py totp_code KEY), then may add a passkey "
                "under\n  Two-step verification (open the site at http://localhost:PORT for that)."
            )
            self.stdout.write("")
        else:
            self.stdout.write(
                f"Demo staff accounts already exist; their passwords are in {secrets_file}."
            )
