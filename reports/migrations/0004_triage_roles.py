"""Give the triage roles their permissions on the triage models.

Triage officers see and work reports; supervisors also see the audit log, reassign reports
and read the statistics. Editors get nothing here.
"""

from django.db import migrations

OFFICER = ["view_report", "work_report", "view_reportphoto", "view_message", "view_reportevent"]
SUPERVISOR = [*OFFICER, "supervise_report", "view_auditentry"]


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in [("Triage officer", OFFICER), ("Supervisor", SUPERVISOR)]:
        group = Group.objects.get(name=name)
        perms = Permission.objects.filter(content_type__app_label="reports", codename__in=codenames)
        if perms.count() != len(codenames):
            raise RuntimeError(f"missing permissions for {name}")
        group.permissions.set(perms)


class Migration(migrations.Migration):
    dependencies = [("reports", "0003_triage_events_audit")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
