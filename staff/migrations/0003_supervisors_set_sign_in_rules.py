"""Supervisors set the groups' sign-in rules (superusers can anyway)."""

from django.db import migrations

from staff.migrations._roles import grant as grant_roles

CODENAMES = ["view_groupsigninpolicy", "add_groupsigninpolicy", "change_groupsigninpolicy"]


def grant(apps, schema_editor):
    grant_roles(apps, {"Supervisor": {"staff": CODENAMES}}, if_missing="skip")


class Migration(migrations.Migration):
    dependencies = [
        ("staff", "0002_group_sign_in_policy"),
        ("reports", "0004_triage_roles"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
