"""Editors and supervisors keep the organisation's details; supervisors read the contact
messages (a person may write there what belongs in a report)."""

from django.db import migrations

GRANTS = {
    "Editor": ["view_organisation", "add_organisation", "change_organisation"],
    "Supervisor": ["view_organisation", "add_organisation", "change_organisation",
                   "view_contactmessage", "change_contactmessage"],
}  # fmt: skip


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GRANTS.items():
        group = Group.objects.get(name=name)
        perms = Permission.objects.filter(content_type__app_label="campaign", codename__in=codenames)
        if perms.count() != len(codenames):
            raise RuntimeError(f"missing permissions for {name}")
        group.permissions.add(*perms)


class Migration(migrations.Migration):
    dependencies = [
        ("campaign", "0006_organisation_contact"),
        ("reports", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
