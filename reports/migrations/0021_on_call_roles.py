"""Supervisors keep the on-call rota; officers read it."""

from django.db import migrations

from staff.migrations._roles import grant as grant_roles

GRANTS = {
    "Triage officer": ["view_oncallshift"],
    "Supervisor": ["view_oncallshift", "add_oncallshift", "change_oncallshift",
                   "delete_oncallshift"],
}  # fmt: skip


def grant(apps, schema_editor):
    grant_roles(apps, {role: {"reports": codenames} for role, codenames in GRANTS.items()})


class Migration(migrations.Migration):
    dependencies = [("reports", "0020_service_clocks_on_call")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
