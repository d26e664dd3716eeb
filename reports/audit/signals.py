"""Sign-ins, sign-outs, failures and changes of second factor go into the audit log.
(Recording is all these receivers do.)"""

from reports.models import AuditEntry
from staff.verification import sign_in_methods


def _record(user, action: str, username: str = "", detail: str = "") -> None:
    AuditEntry.objects.create(
        user=user if getattr(user, "pk", None) else None,
        username=(username or (user.get_username() if user else ""))[:150],
        action=action,
        detail=detail[:200],
    )


def logged_in(sender, request, user, **kwargs):
    if user.is_staff:
        _record(user, AuditEntry.Action.LOGIN, detail=sign_in_methods(request))


def logged_out(sender, request, user, **kwargs):
    if user is not None and user.is_staff:
        _record(user, AuditEntry.Action.LOGOUT)


def login_failed(sender, credentials, request=None, **kwargs):
    # Django has already masked the password; only the name typed is kept.
    name = credentials.get("username") or credentials.get("login") or ""
    _record(None, AuditEntry.Action.LOGIN_FAILED, str(name), detail="password")


def second_factor_failed(sender, request, user, authenticator, **kwargs):
    _record(user, AuditEntry.Action.LOGIN_FAILED, detail=f"second factor: {authenticator.type}")


def authenticator_added(sender, request, user, authenticator, **kwargs):
    _record(user, AuditEntry.Action.SIGN_IN_CHANGE, detail=f"added: {authenticator.type}")


def authenticator_removed(sender, request, user, authenticator, **kwargs):
    _record(user, AuditEntry.Action.SIGN_IN_CHANGE, detail=f"removed: {authenticator.type}")


def authenticator_reset(sender, request, user, authenticator, **kwargs):
    _record(user, AuditEntry.Action.SIGN_IN_CHANGE, detail=f"reset: {authenticator.type}")


def account_changed(sender, actor, account, change, detail="", **kwargs):
    _record(
        actor,
        AuditEntry.Action.STAFF_ACCOUNT,
        detail=f"{change}: {account.get_username()} {detail}",
    )
