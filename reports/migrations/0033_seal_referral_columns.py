"""The referral's case reference, contact person and authority's name, the deliveries'
recipients and the report's authority reference leave their clear columns.

Each value is moved under the site's key (REPORT_ENCRYPTION_KEYS), as every value of a report
kept from before sealing: `manage.py seal_reports` then seals them to the team. Nothing is
left in clear: the old columns are dropped (VACUUM, as the README says, for the free pages).
"""

from django.db import migrations

import encryption.fields

# (model, field, its new column)
MOVED = [
    ("referral", "authority_name", "authority_name_sealed"),
    ("referral", "reference", "reference_sealed"),
    ("referral", "contact", "contact_sealed"),
    ("delivery", "recipient", "recipient_sealed"),
    ("report", "authority_reference", "authority_reference_sealed"),
]


def under_the_sites_key(apps, schema_editor):
    from encryption import crypto
    from encryption.fields import Ciphertext

    for model_name, field, _column in MOVED:
        model = apps.get_model("reports", model_name)
        rows = model.objects.exclude(**{field: ""}).values_list("pk", field)
        for pk, value in rows.iterator():
            model.objects.filter(pk=pk).update(
                **{f"{field}_new": Ciphertext(crypto.encrypt_json(value))}
            )


def back_to_clear(apps, schema_editor):
    from encryption import crypto

    for model_name, field, _column in MOVED:
        model = apps.get_model("reports", model_name)
        for pk, token in model.objects.exclude(**{f"{field}_new": ""}).values_list(
            "pk", f"{field}_new"
        ):
            if not token.startswith("s1:"):  # a sealed value is left to its holders
                model.objects.filter(pk=pk).update(**{field: crypto.decrypt_json_strict(token)})


class Migration(migrations.Migration):
    dependencies = [("reports", "0032_sealed_to_the_team")]

    operations = [
        *[
            migrations.AddField(
                model_name=model_name, name=f"{field}_new",
                field=encryption.fields.SealedJSONField(db_column=column, empty=""),
            )  # fmt: skip
            for model_name, field, column in MOVED
        ],
        migrations.RunPython(under_the_sites_key, back_to_clear),
        *[migrations.RemoveField(model_name=m, name=f) for m, f, _c in MOVED],
        *[migrations.RenameField(m, f"{f}_new", f) for m, f, _c in MOVED],
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
