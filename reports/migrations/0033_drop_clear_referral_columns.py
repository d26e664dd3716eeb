"""The clear columns of the referrals, deliveries and reports whose values 0033 moved under
the site's key are dropped, and the new ones take their names (VACUUM, as the README says,
for the pages the old values were on)."""

from django.db import migrations

import encryption.fields

MOVED = [
    ("referral", "authority_name"),
    ("referral", "reference"),
    ("referral", "contact"),
    ("delivery", "recipient"),
    ("report", "authority_reference"),
]


class Migration(migrations.Migration):
    dependencies = [("reports", "0033_seal_referral_columns")]

    operations = [
        *[migrations.RemoveField(model_name=m, name=f) for m, f in MOVED],
        *[migrations.RenameField(m, f"{f}_new", f) for m, f in MOVED],
        # Their names and help, as before.
        migrations.AlterField(
            model_name='delivery',
            name='recipient',
            field=encryption.fields.SealedJSONField(db_column='recipient_sealed', empty='', verbose_name='for'),
        ),
        migrations.AlterField(
            model_name='referral',
            name='authority_name',
            field=encryption.fields.SealedJSONField(db_column='authority_name_sealed', empty='', help_text='For a foreign authority or another body: its name.', verbose_name='name of the authority'),
        ),
        migrations.AlterField(
            model_name='referral',
            name='contact',
            field=encryption.fields.SealedJSONField(db_column='contact_sealed', empty='', verbose_name='contact person'),
        ),
        migrations.AlterField(
            model_name='referral',
            name='reference',
            field=encryption.fields.SealedJSONField(db_column='reference_sealed', empty='', verbose_name="authority's case reference"),
        ),
        migrations.AlterField(
            model_name='report',
            name='authority_reference',
            field=encryption.fields.SealedJSONField(db_column='authority_reference_sealed', empty='', verbose_name="authority's case reference"),
        ),
    ]
