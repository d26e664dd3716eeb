"""A report's keys, wrapped to the people who may read it (encryption.sealing).

A report has a team key (what only the team reads: notes, links, holds, dossiers) and a
channel key (what the reporter reads too: their answers, photos, the messages to and from
them). Each is wrapped, one row per holder, to:
- every member of the team who may read reports, with their staff key (staff.StaffKey);
- the organisation's recovery key, when one is set (REPORT_RECOVERY_PUBLIC_KEY);
- for the channel key only, the reporter: a key pair derived from their follow-up code.

A new report makes its keys when it is first saved and wraps them at once, from public keys
alone: nobody needs to be signed in. Reading needs a holder (encryption.holders): a member
signed in with their key unlocked, or a reporter who typed their code. Anyone else gets
`Locked`, as does a member who holds no wrap of the report (access pending).
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import models
from django.utils import timezone

from encryption import holders, sealing
from encryption.fields import NotYetSealed, read_as_stored
from encryption.sealing import Locked
from staff import readers

logger = logging.getLogger("reports.keys")


class NotSealed(NotYetSealed):
    """A report kept from before reports were sealed (it has no keys yet): its values are
    still under the site's key, until `manage.py seal_reports` seals it."""


class ReportKey(models.Model):
    class Scope(models.TextChoices):
        TEAM = "team", "team"
        CHANNEL = "channel", "channel"

    class Holder(models.TextChoices):
        MEMBER = "member", "member"
        RECOVERY = "recovery", "recovery"
        REPORTER = "reporter", "reporter"

    report = models.ForeignKey("Report", on_delete=models.CASCADE, related_name="keys")
    scope = models.CharField(max_length=8, choices=Scope.choices)
    holder = models.CharField(max_length=8, choices=Holder.choices)
    # A member's wrap goes with their account (and with their key: staff.keyring).
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE,
        related_name="+",
    )  # fmt: skip
    public_key = models.BinaryField(max_length=32)  # the holder's, that it was wrapped to
    wrapped = models.BinaryField()
    # The reporter's key: how it is derived from their code.
    salt = models.BinaryField(null=True, blank=True)
    params = models.JSONField(default=dict, blank=True)
    made_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["report", "scope", "public_key"],
                                    name="report_key_once_per_holder"),
        ]  # fmt: skip
        indexes = [models.Index(fields=["user", "report"], name="report_key_of_member")]

    def __str__(self) -> str:
        return f"{self.report_id} {self.scope} → {self.holder} {self.user_id or ''}"


def _context(reference: str, scope: str, holder: str, public_key: bytes) -> bytes:
    return f"jedisstop report key|{reference}|{scope}|{holder}|".encode() + public_key


def value_context(reference: str, label: str) -> bytes:
    """Where a sealed value belongs: its report's reference and its model's field."""
    return f"jedisstop sealed|{reference}|{label}".encode()


def reporter_params() -> sealing.Argon2Params:
    return sealing.Argon2Params(**settings.REPORTER_KEY_ARGON2)


def team_public_keys() -> list[tuple[int, bytes]]:
    """(user id, public key) of every active member who may read reports and has a key."""
    return readers.public_keys_of("reports", "view_report")


def recovery_public_key() -> bytes | None:
    return readers.recovery_public_key()


def new_keys() -> dict[str, bytes]:
    return {ReportKey.Scope.TEAM: sealing.new_key(), ReportKey.Scope.CHANNEL: sealing.new_key()}


def wrap_rows(report, keys: dict[str, bytes], *, members=None, code: str | None = None):
    """The rows that give `keys` to the team (or to `members`: [(user id, public key)]), the
    recovery key and, with a code, the reporter; not saved."""
    rows = []
    members = team_public_keys() if members is None else members
    # One ephemeral key per holder for the report's keys (one X25519 each, not two).
    wrappers = {public: sealing.Wrapper(public) for _user_id, public in members}
    recovery = recovery_public_key()
    if recovery is not None:
        wrappers[recovery] = sealing.Wrapper(recovery)
    for scope, key in keys.items():
        for user_id, public in members:
            rows.append(ReportKey(
                report=report, scope=scope, holder=ReportKey.Holder.MEMBER, user_id=user_id,
                public_key=public, wrapped=wrappers[public].wrap(
                    key, context=_context(report.reference, scope, "member", public)),
            ))  # fmt: skip
        if recovery is not None:
            rows.append(ReportKey(
                report=report, scope=scope, holder=ReportKey.Holder.RECOVERY,
                public_key=recovery, wrapped=wrappers[recovery].wrap(
                    key, context=_context(report.reference, scope, "recovery", recovery)),
            ))  # fmt: skip
    if code is not None and ReportKey.Scope.CHANNEL in keys:
        params = reporter_params()
        salt = sealing.new_salt()
        public = sealing.public_key_of(sealing.reporter_private_key(code, salt, params))
        rows.append(ReportKey(
            report=report, scope=ReportKey.Scope.CHANNEL, holder=ReportKey.Holder.REPORTER,
            public_key=public, salt=salt, params=params.__dict__,
            wrapped=sealing.wrap_to(public, keys[ReportKey.Scope.CHANNEL], context=_context(
                report.reference, ReportKey.Scope.CHANNEL, "reporter", public)),
        ))  # fmt: skip
    return rows


def give_keys(report) -> None:
    """Wrap a new report's keys (made when it was first saved) to its holders."""
    keys = report.__dict__.get("_report_keys")
    code = report.__dict__.pop("_reporter_code", None)
    rows = wrap_rows(report, keys, code=code if report.follow_up_possible else None)
    ReportKey.objects.bulk_create(rows)
    if not any(row.holder != ReportKey.Holder.REPORTER for row in rows):
        logger.warning("A report was sealed to nobody on the team: no member has a key yet")


def reporter_private_key(report, code: str) -> bytes | None:
    """The reporter's private key from their code, or None when the report has no reporter
    key (sealed before reporters had one)."""
    row = report.keys.filter(holder=ReportKey.Holder.REPORTER).first()
    if row is None:
        return None
    params = sealing.Argon2Params(**row.params)
    return sealing.reporter_private_key(code, bytes(row.salt), params)


def key_for(report, scope: str) -> bytes:
    """`report`'s key of `scope` for whoever is opening it in this request, or `Locked`."""
    made = report.__dict__.get("_report_keys")
    if made is not None:
        return made[scope]
    holder = holders.current()
    if holder is None or report.pk is None:
        raise Locked
    if (report.pk, scope) in holder.opened:
        return holder.opened[(report.pk, scope)]
    rows = ReportKey.objects.filter(report_id=report.pk, scope=scope)
    if holder.kind == "member":
        # Their wrap to the key they hold now: one to a key they no longer have (their
        # password was reset) opens nothing, and they wait for a grant.
        row = rows.filter(holder=ReportKey.Holder.MEMBER, user_id=holder.member_id(),
                          public_key=holder.public_key() or b"").first()  # fmt: skip
    elif holder.kind == "reporter":
        if holder.report_id != report.pk or scope != ReportKey.Scope.CHANNEL:
            raise Locked  # a code opens its own report's channel, nothing else
        row = rows.filter(holder=ReportKey.Holder.REPORTER).first()
    else:
        row = rows.filter(holder=ReportKey.Holder.RECOVERY,
                          public_key=holder.public_key() or b"").first()  # fmt: skip
    if row is None:
        if not ReportKey.objects.filter(report_id=report.pk, scope=scope).exists():
            # Kept from before sealing (or its channel waits for the reporter's code).
            raise NotSealed
        raise Locked
    private = holder.private_key()
    if private is None:
        raise Locked
    key = sealing.unwrap_with(private, bytes(row.wrapped), context=_context(
        report.reference, scope, row.holder, bytes(row.public_key)))  # fmt: skip
    holder.opened[(report.pk, scope)] = key
    return key


def can_open(report, scope: str = ReportKey.Scope.TEAM) -> bool:
    """Whether whoever is opening in this request reads `report` (one kept from before
    sealing reads with the site's key)."""
    try:
        key_for(report, scope)
    except NotSealed:
        return True
    except Locked:
        return False
    return True


class SealedToReport:
    """For a model whose sealed fields belong to a report: `sealed_report` names the path
    to it ("" for the report itself), `sealed_scopes` each sealed field's scope."""

    sealed_report = "report"
    sealed_scopes: dict[str, str] = {}

    def refresh_from_db(self, *args, **kwargs):
        with read_as_stored():  # copied as stored, opened when read
            super().refresh_from_db(*args, **kwargs)

    def _report_of_seal(self):
        target = self
        for part in filter(None, self.sealed_report.split(".")):
            target = getattr(target, part)
        return target

    def sealing_key(self, field) -> tuple[bytes, bytes]:
        report = self._report_of_seal()
        if report._state.adding and "_report_keys" not in report.__dict__:
            report.__dict__["_report_keys"] = new_keys()  # wrapped once it is saved
        key = key_for(report, self.sealed_scopes[field.name])
        return key, value_context(report.reference, f"{self._meta.label_lower}.{field.name}")
