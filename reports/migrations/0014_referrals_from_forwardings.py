"""Each report forwarded before referrals existed gets its referral: the authority, its
reference and the time it was forwarded."""

from django.db import migrations


def carry_over(apps, schema_editor):
    Report = apps.get_model("reports", "Report")
    Referral = apps.get_model("reports", "Referral")
    for report in Report.objects.filter(forwarded_at__isnull=False).exclude(authority=""):
        Referral.objects.get_or_create(
            report=report,
            authority=report.authority,
            defaults={"reference": report.authority_reference, "sent_at": report.forwarded_at},
        )


class Migration(migrations.Migration):
    dependencies = [("reports", "0013_referrals")]

    operations = [migrations.RunPython(carry_over, migrations.RunPython.noop)]
