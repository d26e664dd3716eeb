"""Carry the hand-written authenticators over to the sign-in library.

Each confirmed TOTP key becomes an allauth TOTP authenticator, encrypted the way the
library's adapter stores it (staff.adapters). Recovery codes were stored as hashes and
cannot be carried over: their owners make new ones from "Two-step verification".
"""

from django.db import migrations


def carry_over(apps, schema_editor):
    from encryption import crypto

    StaffDevice = apps.get_model("reports", "StaffDevice")
    Authenticator = apps.get_model("mfa", "Authenticator")
    for device in StaffDevice.objects.filter(confirmed_at__isnull=False):
        try:
            secret = crypto.decrypt_json(device.secret_encrypted, default="")
        except crypto.DecryptionError:
            secret = ""
        if not secret or len(secret) < 16:
            continue  # unreadable: its owner enrols again at the next sign-in
        Authenticator.objects.get_or_create(
            user_id=device.user_id,
            type="totp",
            defaults={"data": {"secret": crypto.encrypt_bytes(secret.encode()).decode("ascii")}},
        )


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0007_queue_indexes"),
        ("mfa", "0003_authenticator_type_uniq"),
    ]

    operations = [migrations.RunPython(carry_over, migrations.RunPython.noop)]
