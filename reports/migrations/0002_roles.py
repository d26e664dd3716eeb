"""The staff roles: Triage officer, Supervisor, Editor, with exact permissions.

Editors get nothing of the reports app: not even the right to see that reports exist.
"""

from django.db import migrations

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
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after all migrations; the roles need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, by_app in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        for app_label, codenames in by_app.items():
            perms = Permission.objects.filter(
                content_type__app_label=app_label, codename__in=codenames
            )
            if perms.count() != len(codenames):
                raise RuntimeError(f"missing permissions for {name} in {app_label}")
            group.permissions.add(*perms)


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
