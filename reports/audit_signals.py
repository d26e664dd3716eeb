"""Logins to the admin go into the audit log. (Recording is all these receivers do.)"""

from reports.models import AuditEntry


def _record(user, action: str, username: str = "") -> None:
    AuditEntry.objects.create(
        user=user if getattr(user, "pk", None) else None,
        username=(username or (user.get_username() if user else ""))[:150],
        action=action,
    )


def logged_in(sender, request, user, **kwargs):
    if user.is_staff:
        _record(user, AuditEntry.Action.LOGIN)


def logged_out(sender, request, user, **kwargs):
    if user is not None and user.is_staff:
        _record(user, AuditEntry.Action.LOGOUT)


def login_failed(sender, credentials, request=None, **kwargs):
    # Django has already masked the password; only the name typed is kept.
    _record(None, AuditEntry.Action.LOGIN_FAILED, str(credentials.get("username", "")))
