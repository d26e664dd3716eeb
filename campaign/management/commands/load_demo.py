"""Load the demo content. Idempotent: running it twice changes nothing.

In the local run it also creates one demo staff account per role and prints each name
and password once, when the account is created; production refuses that part.
"""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.utils import timezone

from reports import totp
from reports.models import StaffDevice
from reports.twofactor import needs_two_factor

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
        for loader in LOCAL_LOADERS:
            loader(self.stdout)
        self._load_accounts()

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
            line = f"{username:<12} {password:<20} {group_name}"
            if needs_two_factor(user):
                # A real authenticator, ready: add this key to an authenticator app.
                device = StaffDevice(user=user, confirmed_at=timezone.now())
                device.secret = totp.new_secret()
                device.save()
                line += f"   TOTP key: {device.secret}"
            created_lines.append(line)
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
                "  Officer and supervisor log in with a code from an authenticator app set up "
                'with their TOTP key\n  (or: .venv/bin/python -c "from reports.totp import '
                "current_code; print(current_code('KEY'))\")."
            )
            self.stdout.write("")
        else:
            self.stdout.write(
                f"Demo staff accounts already exist; their passwords are in {secrets_file}."
            )
