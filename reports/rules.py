"""Who may do what to a report: one table, step by role by whether the person holds it.

Every step of a report's life is checked here, in the service that does it, under the
report's row lock (so the answer cannot change between the check and the step). The
admin only offers the steps; the README shows this table.

Roles come from permissions: an officer can work reports (`reports.work_report`), a
supervisor can also supervise them (`reports.supervise_report`). Anyone else may do none
of the steps.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from reports.errors import ReportError


class Step(StrEnum):
    CLAIM = "claim"
    RELEASE = "release"
    NOTE = "note"
    PRIORITY = "priority"
    TAGS = "tags"
    ASK = "ask"
    FORWARD = "forward"
    OUTCOME = "outcome"
    MESSAGE = "message"
    LINK = "link"
    REOPEN = "reopen"
    DOSSIER = "dossier"
    CLOSE = "close"
    HAND_OVER = "hand_over"
    HOLD = "hold"
    ENTER = "enter"
    STATISTICS = "statistics"


class Officer(StrEnum):
    """What an officer (not a supervisor) may do, depending on who holds the report."""

    NEVER = "never"
    HOLDER = "holder"  # only on a report they hold
    HOLDER_OR_UNHELD = "holder_or_unheld"  # on a report they hold or that nobody holds
    UNHELD = "unheld"  # only on a report that nobody holds
    ALWAYS = "always"  # on any report


@dataclass(frozen=True)
class Rule:
    label: str
    officer: Officer
    supervisor: bool = True
    about_one_report: bool = True


RULES: dict[Step, Rule] = {
    Step.CLAIM: Rule(gettext_lazy("Claim"), Officer.UNHELD),
    Step.RELEASE: Rule(gettext_lazy("Release"), Officer.HOLDER),
    Step.NOTE: Rule(gettext_lazy("Add an internal note"), Officer.ALWAYS),
    Step.PRIORITY: Rule(gettext_lazy("Set the priority"), Officer.HOLDER_OR_UNHELD),
    Step.TAGS: Rule(gettext_lazy("Set the tags"), Officer.HOLDER_OR_UNHELD),
    Step.ASK: Rule(gettext_lazy("Ask the reporter a question"), Officer.HOLDER),
    Step.FORWARD: Rule(gettext_lazy("Forward to an authority"), Officer.HOLDER),
    Step.OUTCOME: Rule(gettext_lazy("Record an authority's outcome"), Officer.HOLDER),
    Step.MESSAGE: Rule(gettext_lazy("Write to the reporter"), Officer.HOLDER),
    Step.LINK: Rule(gettext_lazy("Link a related report"), Officer.ALWAYS),
    Step.REOPEN: Rule(gettext_lazy("Reopen a closed report"), Officer.NEVER),
    Step.DOSSIER: Rule(gettext_lazy("Print the forwarding dossier"), Officer.HOLDER),
    Step.CLOSE: Rule(gettext_lazy("Close the report"), Officer.HOLDER_OR_UNHELD),
    Step.HAND_OVER: Rule(gettext_lazy("Hand over to another officer"), Officer.NEVER),
    Step.HOLD: Rule(gettext_lazy("Place or lift a legal hold"), Officer.NEVER),
    Step.ENTER: Rule(
        gettext_lazy("Enter a report received by phone or email"),
        Officer.ALWAYS,
        about_one_report=False,
    ),
    Step.STATISTICS: Rule(gettext_lazy("Statistics"), Officer.NEVER, about_one_report=False),
}


class StepRefused(ReportError):
    """The person may not take this step on this report; the message says why, translated."""


def is_supervisor(user) -> bool:
    return user.has_perm("reports.supervise_report")


def role_of(user) -> str:
    """The role `user` holds, as the dossier names it (never who): "supervisor", "officer"
    or "staff". From the permissions of the account and its groups, so that a disabled
    account (has_perm says no to it) still has the role it held."""
    from django.contrib.auth.models import Permission
    from django.db.models import Q

    if user.is_superuser:
        return "supervisor"
    held = set(
        Permission.objects.filter(Q(group__user=user) | Q(user=user))
        .filter(content_type__app_label="reports")
        .values_list("codename", flat=True)
    )
    if "supervise_report" in held:
        return "supervisor"
    if "work_report" in held:
        return "officer"
    return "staff"


def is_officer(user) -> bool:
    return user.has_perm("reports.work_report")


def may(user, step: Step, report=None) -> bool:
    try:
        check(user, step, report)
    except StepRefused:
        return False
    return True


def check(user, step: Step, report=None) -> None:
    """Raise StepRefused, with a message saying why (and who holds the report), unless
    `user` may take `step` on `report` (None for steps that are not about one report)."""
    rule = RULES[step]
    if not getattr(user, "is_active", False) or not is_officer(user):
        raise StepRefused(_("Your role does not allow this."))
    if is_supervisor(user):
        if rule.supervisor:
            return
        raise StepRefused(_("Your role does not allow this."))
    holder_id = getattr(report, "assigned_to_id", None)
    holds = report is not None and holder_id == user.pk
    unheld = report is not None and holder_id is None
    allowed = {
        Officer.NEVER: False,
        Officer.HOLDER: holds,
        Officer.HOLDER_OR_UNHELD: holds or unheld,
        Officer.UNHELD: unheld,
        Officer.ALWAYS: True,
    }[rule.officer]
    if allowed:
        return
    if rule.officer == Officer.NEVER:
        raise StepRefused(_("Only a supervisor can do this."))
    if unheld:
        raise StepRefused(_("Claim the report first: nobody holds it yet."))
    if holds:
        raise StepRefused(_("You hold this report already."))
    raise StepRefused(
        _("%(name)s holds this report: only they or a supervisor can do this.")
        % {"name": report.assigned_to.get_username()}
    )


def table() -> list[tuple[str, str, str]]:
    """The table in words: (step, officer, supervisor), for the README and the admin."""
    words = {
        Officer.NEVER: "—",
        Officer.HOLDER: "on a report they hold",
        Officer.HOLDER_OR_UNHELD: "on a report they hold or nobody holds",
        Officer.UNHELD: "on a report nobody holds",
        Officer.ALWAYS: "on any report",
    }
    rows = []
    for step, rule in RULES.items():
        officer, supervisor = words[rule.officer], "on any report" if rule.supervisor else "—"
        if not rule.about_one_report:
            officer = "yes" if rule.officer == Officer.ALWAYS else "—"
            supervisor = "yes" if rule.supervisor else "—"
        rows.append((str(step), officer, supervisor))
    return rows
