"""The daily salt leaves the database (its key is now LIMITS_KEY, in the environment), and so
do the counters hashed with it: their ends were set to the millisecond, and nothing can read
them under the new keys anyway. A visitor counted before the upgrade starts afresh."""

from django.db import migrations


def delete_counters(apps, schema_editor):
    apps.get_model("limits", "Counter").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("limits", "0002_daily_salt"),
    ]

    operations = [
        migrations.RunPython(delete_counters, migrations.RunPython.noop, elidable=True),
        migrations.DeleteModel(
            name="Salt",
        ),
    ]
