"""Supervisors manage staff accounts (invite officers and editors, disable, reset)."""

from django.db import migrations

from staff.migrations._roles import grant as grant_roles

CODENAMES = ["view_staffaccount", "manage_staffaccount"]


def grant(apps, schema_editor):
    grant_roles(apps, {"Supervisor": {"staff": CODENAMES}}, if_missing="skip")


class Migration(migrations.Migration):
    dependencies = [("staff", "0004_staff_accounts")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
