"""Supervisors see when each daily job last succeeded."""

from django.db import migrations


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    supervisor = Group.objects.filter(name="Supervisor").first()
    if supervisor is None:
        return
    perm = Permission.objects.get(
        content_type__app_label="maintenance", codename="view_maintenancejob"
    )
    supervisor.permissions.add(perm)


class Migration(migrations.Migration):
    dependencies = [
        ("maintenance", "0001_maintenance_jobs"),
        ("reports", "0004_triage_roles"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
