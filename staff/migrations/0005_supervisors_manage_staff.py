"""Supervisors manage staff accounts (invite officers and editors, disable, reset)."""

from django.db import migrations

CODENAMES = ["view_staffaccount", "manage_staffaccount"]


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
    perms = Permission.objects.filter(content_type__app_label="staff", codename__in=CODENAMES)
    if perms.count() != len(CODENAMES):
        raise RuntimeError("missing permissions for managing staff accounts")
    supervisor.permissions.add(*perms)


class Migration(migrations.Migration):
    dependencies = [("staff", "0004_staff_accounts")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
