"""The staff roles: Triage officer, Supervisor, Editor, with exact permissions.

Editors get nothing of the reports app: not even the right to see that reports exist.
"""

from django.db import migrations

from staff.migrations._roles import grant as grant_roles

ROLES = {
    # Their report permissions come with the triage models (0004_triage_roles).
    "Triage officer": {},
    "Supervisor": {},
    "Editor": {
        "campaign": [
            "view_page", "change_page",
            "view_keyfigure", "add_keyfigure", "change_keyfigure", "delete_keyfigure",
            "view_article", "add_article", "change_article", "delete_article",
        ],
        "partners": ["view_partner", "add_partner", "change_partner", "delete_partner"],
    },
}  # fmt: skip


def create_roles(apps, schema_editor):
    grant_roles(apps, ROLES, if_missing="create")


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("reports", "0001_reports_photos_messages"),
        ("campaign", "0001_pages_figures_articles"),
        ("partners", "0001_partners"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
