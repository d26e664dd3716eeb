"""Give the triage roles their permissions on the triage models.

Triage officers see and work reports; supervisors also see the audit log, reassign reports
and read the statistics. Editors get nothing here.
"""

from django.db import migrations

from staff.migrations._roles import grant as grant_roles

OFFICER = ["view_report", "work_report", "view_reportphoto", "view_message", "view_reportevent"]
SUPERVISOR = [*OFFICER, "supervise_report", "view_auditentry"]


def grant(apps, schema_editor):
    roles = {"Triage officer": {"reports": OFFICER}, "Supervisor": {"reports": SUPERVISOR}}
    grant_roles(apps, roles, replace=True)


class Migration(migrations.Migration):
    dependencies = [("reports", "0003_triage_events_audit")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
