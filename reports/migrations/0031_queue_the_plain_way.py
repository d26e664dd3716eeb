# The queue the plain way: its counts are the admin's own (one aggregate per filter) and its
# order is the need rule computed as it is read (reports.triage.clocks.need_expression).
# The triggers that kept a tally and a stored need go, with the tally and the column.
# Constant SQL only, written here: a migration imports no live module.

from django.db import migrations

POSTGRESQL = [
    "DROP TRIGGER IF EXISTS reports_queue_tally_insert ON reports_report",
    "DROP TRIGGER IF EXISTS reports_queue_tally_update ON reports_report",
    "DROP TRIGGER IF EXISTS reports_queue_tally_delete ON reports_report",
    "DROP TRIGGER IF EXISTS reports_need ON reports_report",
    "DROP FUNCTION IF EXISTS reports_queue_tally()",
    "DROP FUNCTION IF EXISTS reports_need()",
]
SQLITE = [
    f"DROP TRIGGER IF EXISTS {name}"
    for name in [
        "reports_queue_tally_insert",
        "reports_queue_tally_update",
        "reports_queue_tally_delete",
        "reports_need_insert",
        "reports_need_update",
    ]
]


def drop_triggers(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    statements = POSTGRESQL if vendor == "postgresql" else SQLITE if vendor == "sqlite" else []
    for statement in statements:
        schema_editor.execute(statement)


class Migration(migrations.Migration):

    dependencies = [
        ("reports", "0030_delivery_unencrypted_reason"),
    ]

    operations = [
        # Nothing to put back going backwards: the triggers belonged to the old code.
        migrations.RunPython(drop_triggers, migrations.RunPython.noop),
        migrations.RemoveIndex(model_name="report", name="report_need"),
        migrations.RemoveIndex(model_name="report", name="report_due_not_late"),
        migrations.RemoveField(model_name="report", name="need"),
        migrations.DeleteModel(name="QueueTally"),
    ]
