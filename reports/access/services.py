"""Who on the team reads the sealed reports (reports.models.keys), as the team changes.

- A member reads a report when its keys are wrapped to the key they hold now: members on
  the team (with a key) when it arrived, and those granted access since.
- **Waiting.** A member who may read reports and whose key holds fewer reports than the team
  has sealed waits for access: someone who joined after reports arrived, one re-enabled,
  one whose password was reset without their key (by email, or set by an administrator:
  their key is new, and a wrap to the old one opens nothing). Supervisors see them on their
  home page.
- **Granting.** A supervisor signed in with their key unlocked opens the wraps they hold and
  wraps them again to the member's key, in batches of GRANT_BATCH reports, each one
  transaction and one entry in the audit log. The organisation's recovery key does the same
  from the terminal when no supervisor can (`manage.py restore_access`).
- **Leaving.** Disabling an account deletes its wraps at once, in the same transaction (a
  receiver on the account's save); a key replaced loses the wraps to the old one.

Nothing here reads a report's content, and nothing is logged but counts.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Count
from django.utils.translation import gettext as _

from encryption import holders, sealing
from reports import search
from reports.models.keys import ReportKey, _context
from staff import readers, signals
from staff.models import StaffKey

logger = logging.getLogger("reports.access")
GRANT_BATCH = 5000  # reports a request grants: well under a second on the 2-core machine


class AccessError(Exception):
    """A grant that cannot be made; the message is translated."""


@dataclass
class Waiting:
    member: object
    missing: int  # sealed reports their key does not open
    has_key: bool  # False: they have not signed in since they were invited or reset


@dataclass
class Granted:
    done: int
    left: int


def sealed_reports() -> int:
    """How many reports are sealed (have keys): those a full member holds."""
    return ReportKey.objects.filter(scope=ReportKey.Scope.TEAM).values("report").distinct().count()


def waiting_for_access() -> list[Waiting]:
    """The members who may read reports and cannot read them all, or cannot search them,
    in five queries."""
    total = sealed_reports()
    if not total:
        return []
    members = list(
        get_user_model().objects.filter(
            readers.holding("reports", "view_report"), is_active=True, is_staff=True
        )
        .distinct().order_by("username")
    )  # fmt: skip
    keys = dict(StaffKey.objects.filter(user__in=members).values_list("user_id", "public_key"))
    held = {
        (user_id, bytes(public)): n
        for user_id, public, n in ReportKey.objects.filter(
            scope=ReportKey.Scope.TEAM, holder=ReportKey.Holder.MEMBER, user__in=members
        )
        .values_list("user_id", "public_key")
        .annotate(n=Count("id"))
    }
    # The search key, once the team's first search made it: a member without it waits too.
    searching = search.current_search_key()
    with_search_key = (
        {(user_id, bytes(public)) for user_id, public in searching.wraps.filter(
            user__in=members).values_list("user_id", "public_key")}
        if searching is not None else None
    )  # fmt: skip
    waiting = []
    for member in members:
        public = keys.get(member.pk)
        if public is None:
            waiting.append(Waiting(member, total, has_key=False))
            continue
        missing = total - held.get((member.pk, bytes(public)), 0)
        lacks_search_key = with_search_key is not None and (
            (member.pk, bytes(public)) not in with_search_key
        )
        if missing > 0 or lacks_search_key:
            waiting.append(Waiting(member, missing, has_key=True))
    return waiting


def _granters_rows():
    """The wraps the current holder (a member with their key unlocked, or the recovery
    key) opens, or Locked."""
    holder = holders.current()
    public = holder.public_key() if holder is not None else None
    if public is None or holder.kind == "reporter":
        raise sealing.Locked
    if holder.kind == "member":
        return holder, ReportKey.objects.filter(
            holder=ReportKey.Holder.MEMBER, user_id=holder.member_id(), public_key=public
        )
    return holder, ReportKey.objects.filter(holder=ReportKey.Holder.RECOVERY, public_key=public)


def _left(mine, theirs) -> int:
    return mine.filter(scope=ReportKey.Scope.TEAM).exclude(report_id__in=theirs).count()


def grant_access(member, *, by, limit: int | None = None) -> Granted:
    """Give `member` the keys of up to `limit` reports that the current holder opens and
    they do not; `by` is the supervisor (None for the recovery key). Returns how many were
    granted and how many are left. Raises AccessError (translated) or sealing.Locked."""
    from reports import rules
    from staff.keyring import needs_key

    if by is not None and not rules.is_supervisor(by):
        raise AccessError(_("Only a supervisor can grant access to reports."))
    if by is not None and by.pk == member.pk:
        raise AccessError(_("You cannot grant access to yourself."))
    if not needs_key(member):
        raise AccessError(_("This account does not work on reports: it needs no access."))
    staff_key = StaffKey.objects.filter(user=member).first()
    if staff_key is None:
        raise AccessError(
            _("%(name)s has not signed in since their account was made or reset: access can "
              "be granted once they have.") % {"name": member.get_username()}
        )  # fmt: skip
    target = bytes(staff_key.public_key)
    limit = GRANT_BATCH if limit is None else limit
    holder, mine = _granters_rows()
    unwrapper = sealing.Unwrapper(holder.private_key())
    wrapper = sealing.Wrapper(target)
    with transaction.atomic():
        # Wraps to a key they no longer hold open nothing: they go.
        ReportKey.objects.filter(user=member).exclude(public_key=target).delete()
        theirs = ReportKey.objects.filter(user=member, public_key=target).values("report_id")
        todo = (
            mine.filter(scope=ReportKey.Scope.TEAM).exclude(report_id__in=theirs)
            .order_by("report_id").values("report_id")[:limit]
        )  # fmt: skip
        rows, failed, reports = [], 0, set()
        for report_id, reference, scope, kind, public, wrapped in mine.filter(
            report_id__in=todo
        ).values_list("report_id", "report__reference", "scope", "holder", "public_key",
                      "wrapped"):  # fmt: skip
            try:
                key = unwrapper.unwrap(
                    bytes(wrapped), context=_context(reference, scope, kind, bytes(public))
                )
            except sealing.Locked:
                failed += 1
                continue
            reports.add(report_id)
            rows.append(ReportKey(
                report_id=report_id, scope=scope, holder=ReportKey.Holder.MEMBER,
                user=member, public_key=target,
                wrapped=wrapper.wrap(key, context=_context(reference, scope, "member", target)),
            ))  # fmt: skip
        ReportKey.objects.bulk_create(rows, ignore_conflicts=True, batch_size=1000)
        search.give_search_key(member.pk, target)  # the blind index's key, sealed the same way
        left = _left(mine, theirs)
        if failed:
            logger.warning("%d wraps did not open while granting access: left out", failed)
        count = len(reports)

        def audited():
            signals.account_changed.send(
                sender=None, actor=by, account=member, change="access_granted",
                detail=str(count),
            )  # fmt: skip

        transaction.on_commit(audited)
    return Granted(done=len(reports), left=left)


def drop_access(user) -> int:
    """Delete every wrap of `user` (their account disabled): returns how many went."""
    from reports.models import SearchKeyWrap

    SearchKeyWrap.objects.filter(user=user).delete()
    deleted, _by_model = ReportKey.objects.filter(user=user).delete()
    if deleted:
        logger.info("The wraps of a disabled account were deleted: %d", deleted)
    return deleted


def account_saved(sender, instance, **kwargs) -> None:
    """post_save of an account: one disabled (or no longer staff) loses its wraps."""
    if not instance.is_active or not instance.is_staff:
        drop_access(instance)


def key_saved(sender, instance, **kwargs) -> None:
    """post_save of a staff key: the wraps to any other key of theirs open nothing."""
    ReportKey.objects.filter(user_id=instance.user_id).exclude(
        public_key=bytes(instance.public_key)
    ).delete()


def key_deleted(sender, instance, **kwargs) -> None:
    """post_delete of a staff key (a password set without it): its wraps go too."""
    ReportKey.objects.filter(user_id=instance.user_id).delete()
