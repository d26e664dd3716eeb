"""Supervisors see when each daily job last succeeded."""

from django.db import migrations

from staff.migrations._roles import grant as grant_roles


def grant(apps, schema_editor):
    grant_roles(apps, {"Supervisor": {"maintenance": ["view_maintenancejob"]}}, if_missing="skip")


class Migration(migrations.Migration):
    dependencies = [
        ("maintenance", "0001_maintenance_jobs"),
        ("reports", "0004_triage_roles"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
