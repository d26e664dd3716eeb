"""The roles' permissions, for the data migrations that grant them (in staff, reports,
campaign and maintenance): one helper, kept here beside them. The migration loader passes
over a module whose name starts with "_"; it takes nothing from the live code, only the
historical models a migration is given."""

from __future__ import annotations


def create_permissions(apps) -> None:
    """Permissions are normally created after all migrations; a grant needs them now."""
    from django.contrib.auth.management import create_permissions as create

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create(app_config, verbosity=0, apps=apps)
        app_config.models_module = None


def grant(apps, roles: dict[str, dict[str, list[str]]], *, if_missing="fail", replace=False):
    """Give each role (a group) its permissions: {role: {app label: [codename, ...]}}.

    if_missing: what a role that does not exist means: "fail", "create" it, or "skip" it (a
    database set up without the roles). replace: the role's permissions become these alone.
    A codename that does not exist fails the migration: a grant never half happens."""
    create_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, by_app in roles.items():
        if if_missing == "create":
            group, _created = Group.objects.get_or_create(name=name)
        else:
            group = Group.objects.filter(name=name).first()
            if group is None:
                if if_missing == "skip":
                    continue
                raise RuntimeError(f"no role {name!r}")
        perms = []
        for app_label, codenames in by_app.items():
            found = list(
                Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
            )
            if len(found) != len(set(codenames)):
                raise RuntimeError(f"missing permissions for {name} in {app_label}")
            perms += found
        if replace:
            group.permissions.set(perms)
        else:
            group.permissions.add(*perms)
