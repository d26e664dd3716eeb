"""Editors and supervisors keep the organisation's details; supervisors read the contact
messages (a person may write there what belongs in a report)."""

from django.db import migrations

from staff.migrations._roles import grant as grant_roles

GRANTS = {
    "Editor": ["view_organisation", "add_organisation", "change_organisation"],
    "Supervisor": ["view_organisation", "add_organisation", "change_organisation",
                   "view_contactmessage", "change_contactmessage"],
}  # fmt: skip


def grant(apps, schema_editor):
    grant_roles(apps, {role: {"campaign": codenames} for role, codenames in GRANTS.items()})


class Migration(migrations.Migration):
    dependencies = [
        ("campaign", "0006_organisation_contact"),
        ("reports", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
