"""Supervisors set the groups' sign-in rules (superusers can anyway)."""

from django.db import migrations

CODENAMES = ["view_groupsigninpolicy", "add_groupsigninpolicy", "change_groupsigninpolicy"]


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
        raise RuntimeError("missing permissions for the sign-in rules")
    supervisor.permissions.add(*perms)


class Migration(migrations.Migration):
    dependencies = [
        ("staff", "0002_group_sign_in_policy"),
        ("reports", "0004_triage_roles"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
