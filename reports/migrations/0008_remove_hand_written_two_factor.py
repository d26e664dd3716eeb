from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0007_queue_indexes"),
        ("staff", "0001_authenticators_from_reports"),
    ]

    operations = [
        migrations.DeleteModel(name="RecoveryCode"),
        migrations.DeleteModel(name="StaffDevice"),
    ]
