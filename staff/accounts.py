"""Staff accounts without a developer: a supervisor invites a new officer or editor, disables
a departing one and resets a lost authenticator. Each change is one transaction; the
account's owner is told by email and the audit trail hears of it after the commit.

Supervisors invite officers and editors; only a superuser makes supervisors. Superusers
themselves are made from the command line, for emergencies.
"""

from __future__ import annotations

from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from sessionstore.backend import end_sessions_of
from staff import signals
from staff.tasks import send_account_mail

OFFICER, SUPERVISOR, EDITOR = "Triage officer", "Supervisor", "Editor"
ROLE_LABELS = {
    OFFICER: gettext_lazy("Triage officer"),
    SUPERVISOR: gettext_lazy("Supervisor"),
    EDITOR: gettext_lazy("Editor"),
}
MANAGE_PERMISSION = "staff.manage_staffaccount"


class AccountError(Exception):
    """A change that cannot be made; the message is translated."""


def roles_for(actor) -> list[str]:
    """The roles `actor` may give."""
    if actor.is_superuser:
        return [OFFICER, SUPERVISOR, EDITOR]
    if actor.has_perm(MANAGE_PERMISSION):
        return [OFFICER, EDITOR]
    return []


def _require_manager(actor, account=None) -> None:
    if not actor.has_perm(MANAGE_PERMISSION):
        raise AccountError(_("Only a supervisor can manage staff accounts."))
    if account is not None:
        if account.pk == actor.pk:
            raise AccountError(_("You cannot do this to your own account."))
        if (account.is_superuser or account.groups.filter(name=SUPERVISOR).exists()) and (
            not actor.is_superuser
        ):
            raise AccountError(_("Only a superuser can change a supervisor's account."))


def _after_commit(actor, account, change: str, mail: str, detail: str = ""):
    language = get_language()

    def done():
        signals.account_changed.send(
            sender=None, actor=actor, account=account, change=change, detail=detail
        )
        # Only the account's id: the worker builds the invitation's link when it sends.
        send_account_mail.enqueue(account.pk, mail, language)

    transaction.on_commit(done)


def invite_staff(*, by, username: str, email: str, role: str):
    """A new account with no password yet; its owner sets one from the emailed link, then
    enrols a second factor at their first sign-in."""
    _require_manager(by)
    if role not in roles_for(by):
        raise AccountError(_("You cannot give this role."))
    user_model = get_user_model()
    with transaction.atomic():
        if user_model.objects.filter(username__iexact=username).exists():
            raise AccountError(_("This user name is taken."))
        account = user_model(username=username, email=email, is_staff=True)
        account.set_unusable_password()
        account.save()
        account.groups.add(Group.objects.get(name=role))
        _after_commit(by, account, "invited", "invited", role)
    return account


def disable_staff(*, by, account) -> None:
    """A departing member: the account can no longer sign in and its sessions end now."""
    _require_manager(by, account)
    with transaction.atomic():
        account.is_active = False
        account.save(update_fields=["is_active"])
        end_sessions_of(account)
        _after_commit(by, account, "disabled", "disabled")


def reset_second_factor(*, by, account, checked: bool, reason: str) -> None:
    """A lost phone or key: every authenticator and recovery code of the account goes, its
    sessions end; at the next sign-in its owner enrols again. Only after checking who is
    asking (in person, or by calling back a known number)."""
    _require_manager(by, account)
    if not checked:
        raise AccountError(_("Check who is asking first, then tick the box."))
    if not reason.strip():
        raise AccountError(_("Say how you checked who is asking."))
    with transaction.atomic():
        Authenticator.objects.filter(user=account).delete()
        end_sessions_of(account)
        _after_commit(
            by, account, "second_factor_reset", "second_factor_reset", reason.strip()[:150]
        )
