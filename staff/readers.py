"""Who a sealed value is sealed to: the public keys of the active members who may read it
(a permission), and the organisation's recovery key (REPORT_RECOVERY_PUBLIC_KEY)."""

from __future__ import annotations

import base64

from django.conf import settings
from django.db.models import Q

from staff.models import StaffKey


def holding(app_label: str, codename: str, *, through: str = "") -> Q:
    """Accounts that hold `app_label.codename` (by a group, of their own, or as a
    superuser), as a filter on the account (`through`: the path to it, such as "user__")."""
    return (
        Q(**{f"{through}is_superuser": True})
        | Q(**{f"{through}groups__permissions__codename": codename,
               f"{through}groups__permissions__content_type__app_label": app_label})
        | Q(**{f"{through}user_permissions__codename": codename,
               f"{through}user_permissions__content_type__app_label": app_label})
    )  # fmt: skip


def public_keys_of(app_label: str, codename: str) -> list[tuple[int, bytes]]:
    """(user id, public key) of every active staff member holding `app_label.codename`
    who has a key: one query."""
    may = holding(app_label, codename, through="user__")
    rows = (
        StaffKey.objects.filter(may, user__is_active=True, user__is_staff=True)
        .values_list("user_id", "public_key").distinct()
    )  # fmt: skip
    return [(user_id, bytes(public)) for user_id, public in rows]


def recovery_public_key() -> bytes | None:
    raw = getattr(settings, "REPORT_RECOVERY_PUBLIC_KEY", "")
    return base64.b64decode(raw) if raw else None
