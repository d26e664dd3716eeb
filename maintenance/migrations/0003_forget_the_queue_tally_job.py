# The queue's tally and the job that summed it are gone (reports, migration 0031): its
# row of last runs goes too, so the maintenance page lists only jobs that exist.

from django.db import migrations


def forget(apps, schema_editor):
    apps.get_model("maintenance", "MaintenanceJob").objects.filter(
        name="compact_queue_tally"
    ).delete()


class Migration(migrations.Migration):

    dependencies = [
        ("maintenance", "0002_supervisors_see_maintenance"),
    ]

    operations = [
        migrations.RunPython(forget, migrations.RunPython.noop),
    ]
