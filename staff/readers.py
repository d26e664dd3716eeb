"""Who a sealed value is sealed to: the public keys of the active members who may read it
(a permission), and the organisation's recovery key (REPORT_RECOVERY_PUBLIC_KEY)."""

from __future__ import annotations

import base64

from django.conf import settings
from django.db.models import Q

from staff.models import StaffKey


def public_keys_of(app_label: str, codename: str) -> list[tuple[int, bytes]]:
    """(user id, public key) of every active staff member holding `app_label.codename`
    (by a group, of their own, or as a superuser) who has a key: one query."""
    may = (
        Q(user__is_superuser=True)
        | Q(user__groups__permissions__codename=codename,
            user__groups__permissions__content_type__app_label=app_label)
        | Q(user__user_permissions__codename=codename,
            user__user_permissions__content_type__app_label=app_label)
    )  # fmt: skip
    rows = (
        StaffKey.objects.filter(may, user__is_active=True, user__is_staff=True)
        .values_list("user_id", "public_key").distinct()
    )  # fmt: skip
    return [(user_id, bytes(public)) for user_id, public in rows]


def recovery_public_key() -> bytes | None:
    raw = getattr(settings, "REPORT_RECOVERY_PUBLIC_KEY", "")
    return base64.b64decode(raw) if raw else None
