"""Sign-ins, sign-outs, failures and changes of second factor go into the audit log.
(Recording is all these receivers do.)

Each entry keeps its code in `detail`, as it always did, and the same facts in `data`
(methods, authenticator types, account names, roles), from which the log says what happened
in its reader's language (reports.audit.describe)."""

from reports.models import AuditEntry
from staff.verification import sign_in_methods


def _record(
    user, action: str, username: str = "", detail: str = "", data: dict | None = None
) -> None:
    AuditEntry.objects.create(
        user=user if getattr(user, "pk", None) else None,
        username=(username or (user.get_username() if user else ""))[:150],
        action=action,
        detail=detail[:200],
        data=data or {},
    )


def logged_in(sender, request, user, **kwargs):
    if user.is_staff:
        methods = sign_in_methods(request)
        _record(
            user,
            AuditEntry.Action.LOGIN,
            detail=methods,
            data={"methods": [m for m in methods.split(" + ") if m]},
        )


def logged_out(sender, request, user, **kwargs):
    if user is not None and user.is_staff:
        _record(user, AuditEntry.Action.LOGOUT)


def login_failed(sender, credentials, request=None, **kwargs):
    # Django has already masked the password; only the name typed is kept.
    name = credentials.get("username") or credentials.get("login") or ""
    _record(
        None, AuditEntry.Action.LOGIN_FAILED, str(name), detail="password",
        data={"factor": "password"},
    )  # fmt: skip


def second_factor_failed(sender, request, user, authenticator, **kwargs):
    _record(
        user, AuditEntry.Action.LOGIN_FAILED, detail=f"second factor: {authenticator.type}",
        data={"factor": str(authenticator.type)},
    )  # fmt: skip


def _authenticator_change(user, change: str, authenticator) -> None:
    _record(
        user, AuditEntry.Action.SIGN_IN_CHANGE, detail=f"{change}: {authenticator.type}",
        data={"change": change, "authenticator": str(authenticator.type)},
    )  # fmt: skip


def authenticator_added(sender, request, user, authenticator, **kwargs):
    _authenticator_change(user, "added", authenticator)


def authenticator_removed(sender, request, user, authenticator, **kwargs):
    _authenticator_change(user, "removed", authenticator)


def authenticator_reset(sender, request, user, authenticator, **kwargs):
    _authenticator_change(user, "reset", authenticator)


def account_changed(sender, actor, account, change, detail="", **kwargs):
    # `detail` is the role given (a group's name) or the supervisor's word on how they
    # checked who asked for a reset: never a report's content.
    facts = {"change": change, "account": account.get_username()}
    if change == "invited":
        facts["role"] = detail
    elif change == "access_granted":
        facts["reports"] = int(detail or 0)
        facts["by_recovery_key"] = actor is None
    elif detail:
        facts["reason"] = detail
    _record(
        actor,
        AuditEntry.Action.STAFF_ACCOUNT,
        detail=f"{change}: {account.get_username()} {detail}",
        data=facts,
    )
