"""The referral's case reference, contact person and authority's name, the deliveries'
recipients and the report's authority reference leave their clear columns.

Each value is moved under the site's key (REPORT_ENCRYPTION_KEYS), as every value of a report
kept from before sealing: `manage.py seal_reports` then seals them to the team. The old columns
are dropped by the next migration (in a transaction of its own: on PostgreSQL a table whose
rows were just updated cannot be altered in the same one, while their deferred foreign-key
checks are pending).
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
    ]
