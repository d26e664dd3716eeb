"""Supervisors keep the on-call rota; officers read it."""

from django.db import migrations

GRANTS = {
    "Triage officer": ["view_oncallshift"],
    "Supervisor": ["view_oncallshift", "add_oncallshift", "change_oncallshift",
                   "delete_oncallshift"],
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
        perms = Permission.objects.filter(content_type__app_label="reports", codename__in=codenames)
        if perms.count() != len(codenames):
            raise RuntimeError(f"missing permissions for {name}")
        group.permissions.add(*perms)


class Migration(migrations.Migration):
    dependencies = [("reports", "0020_service_clocks_on_call")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
