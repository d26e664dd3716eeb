"""Contact messages are sealed to their readers (each message a key of its own, wrapped to
each reader's key and to the recovery key: `wraps`); those kept from before stay under the
site's key and still read.

Their readers are the supervisors. Migration 0007 gave them the permissions, but the
triage roles of reports 0004 replaced the Supervisor's permissions whole, and on a database
migrated in that order they lost them: they are given again here, after it."""

from django.db import migrations, models

import encryption.fields
from staff.migrations._roles import grant as grant_roles


def supervisors_read_contact_messages(apps, schema_editor):
    grant_roles(
        apps, {"Supervisor": {"campaign": ["view_contactmessage", "change_contactmessage"]}},
        if_missing="skip",
    )  # fmt: skip


class Migration(migrations.Migration):
    dependencies = [
        ("campaign", "0009_keyfigure_source"),
        ("reports", "0004_triage_roles"),
    ]

    operations = [
        migrations.AddField(
            model_name="contactmessage",
            name="wraps",
            field=models.JSONField(blank=True, default=dict, editable=False),
        ),
        migrations.AlterField(
            model_name="contactmessage",
            name="content",
            field=encryption.fields.SealedJSONField(db_column="content_encrypted", empty={}),
        ),
        migrations.RunPython(supervisors_read_contact_messages, migrations.RunPython.noop),
    ]
