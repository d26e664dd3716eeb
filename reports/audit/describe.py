"""What an audit entry says, in words, in the reader's language ("Priority: Normal → Urgent",
"Handed over to officer2", "Signed in (password + authenticator app)").

Entries store codes and facts (`AuditEntry.data`); the words are chosen when the log is read,
so that French, Dutch and English readers each read their own. An entry written before it had
facts, or one with a code this module does not know, shows its `detail` as it was written.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from reports.models import AuditEntry, Authority, Outcome, Report, ReportEvent
from staff.accounts import ROLE_LABELS

# A sign-in step or a second factor, as allauth names them.
METHODS = {
    "password": gettext_lazy("password"),
    "totp": gettext_lazy("authenticator app"),
    "recovery_codes": gettext_lazy("recovery code"),
    "webauthn": gettext_lazy("passkey"),
    "passkey": gettext_lazy("passkey"),
}
AUTHENTICATORS = {**METHODS, "recovery_codes": gettext_lazy("recovery codes")}


def _label(choices: type[models.Choices], value) -> str:
    return str(dict(choices.choices).get(value, value))


def _step(data: dict) -> str | None:
    step, kind = data.get("step"), ReportEvent.Kind
    if step == kind.PRIORITY and "priority" in data:
        new = _label(Report.Priority, data["priority"])
        if "previous" in data:
            old = _label(Report.Priority, data["previous"])
            return _("Priority: %(old)s → %(new)s") % {"old": old, "new": new}
        return _("Priority: %(new)s") % {"new": new}
    if step == kind.HANDED_OVER and data.get("to"):
        return _("Handed over to %(name)s") % {"name": data["to"]}
    if step == kind.FORWARDED and data.get("authority"):
        return _("Forwarded to: %(authority)s") % {
            "authority": _label(Authority, data["authority"])
        }
    if step == kind.CLOSED and data.get("outcome"):
        return _("Closed: %(outcome)s") % {"outcome": _label(Outcome, data["outcome"])}
    if step == kind.TAGS:
        tags = ", ".join(data.get("tags") or [])
        return _("Tags: %(tags)s") % {"tags": tags} if tags else _("Tags removed")
    if step == "hold" and data.get("until"):
        return _("Legal hold placed until %(until)s") % {"until": data["until"]}
    if step == "hold_lifted":
        return _("Legal hold lifted")
    if step == "photo_flagged":
        return _("Photo %(n)s flagged as possible abuse material and hidden") % {
            "n": data.get("photo", "")
        }
    if step == "abuse_passed":
        return _("Flagged photos passed to the police: %(n)s") % {"n": data.get("count", "")}
    if step == "abuse_receipt":
        return _("Police confirmed receipt; flagged photos deleted: %(n)s") % {
            "n": data.get("count", "")
        }
    if step == "entered" and data.get("channel"):
        return _("Report entered (%(channel)s)") % {
            "channel": _label(Report.Channel, data["channel"])
        }
    plain = {
        kind.NOTE: _("Internal note added"),
        kind.ASKED: _("Question sent to the reporter"),
    }
    if step in plain:
        return plain[step]
    if step in kind.values:
        return _label(kind, step)  # Claimed, Released…
    return None


def _photo(data: dict) -> str | None:
    if "photo" not in data:
        return None
    return _("Photo %(number)s opened") % {"number": data["photo"]}


def _methods(names) -> str:
    return " + ".join(str(METHODS.get(name, name)) for name in names)


def _signed_in(data: dict) -> str | None:
    if not data.get("methods"):
        return None
    return _("Signed in (%(methods)s)") % {"methods": _methods(data["methods"])}


def _failed(data: dict) -> str | None:
    if not data.get("factor"):
        return None
    return _("Failed sign-in (%(factor)s)") % {"factor": _methods([data["factor"]])}


def _authenticator(data: dict) -> str | None:
    sentences = {"added": _("Added: %(what)s"), "removed": _("Removed: %(what)s"),
                 "reset": _("Renewed: %(what)s")}  # fmt: skip
    if data.get("change") not in sentences:
        return None
    what = data.get("authenticator", "")
    return sentences[data["change"]] % {"what": AUTHENTICATORS.get(what, what)}


def _account(data: dict) -> str | None:
    change, name = data.get("change"), data.get("account", "")
    if change == "invited":
        role = data.get("role", "")
        return _("Staff account invited: %(name)s (%(role)s)") % {
            "name": name, "role": ROLE_LABELS.get(role, role)
        }  # fmt: skip
    if change == "disabled":
        return _("Staff account disabled: %(name)s") % {"name": name}
    if change == "second_factor_reset":
        reason = data.get("reason", "")
        return _("Second factor reset for %(name)s: %(reason)s") % {"name": name, "reason": reason}
    if change == "access_granted":
        if data.get("by_recovery_key"):
            text = _("Access to %(n)s sealed reports granted to %(name)s with the recovery key")
        else:
            text = _("Access to %(n)s sealed reports granted to %(name)s")
        return text % {"n": data.get("reports", 0), "name": name}
    if change == "on_call":
        return _("On-call shift of %(name)s: %(start)s → %(end)s") % {
            "name": name, "start": data.get("start", ""), "end": data.get("end", "")
        }  # fmt: skip
    if change == "on_call_removed":
        return _("On-call shift of %(name)s removed") % {"name": name}
    return None


def _export(data: dict) -> str | None:
    if "rows" not in data:
        return None
    count = data["rows"]
    sentence = ngettext(
        "Audit log exported: %(count)d entry", "Audit log exported: %(count)d entries", count
    ) % {"count": count}
    return f"{sentence} · {data['filters']}" if data.get("filters") else sentence


def _search(data: dict) -> str | None:
    if "results" not in data:
        return None
    count = data["results"]
    return ngettext(
        "Searched the reports: %(count)d found", "Searched the reports: %(count)d found", count
    ) % {"count": count}


DESCRIBERS: dict[str, Callable[[dict], str | None]] = {
    AuditEntry.Action.CHANGE: _step,
    AuditEntry.Action.VIEW_PHOTO: _photo,
    AuditEntry.Action.LOGIN: _signed_in,
    AuditEntry.Action.LOGIN_FAILED: _failed,
    AuditEntry.Action.SIGN_IN_CHANGE: _authenticator,
    AuditEntry.Action.STAFF_ACCOUNT: _account,
    AuditEntry.Action.EXPORT_AUDIT: _export,
    AuditEntry.Action.SEARCH: _search,
}


def describe(entry: AuditEntry) -> str:
    """The entry in words, in the active language; its raw `detail` if it has no facts."""
    data = entry.data or {}
    if not data and entry.action == AuditEntry.Action.CHANGE and entry.detail:
        data = {"step": entry.detail}  # a step written before entries had facts
    describer = DESCRIBERS.get(entry.action)
    sentence = describer(data) if describer and data else None
    return sentence if sentence is not None else entry.detail
