"""The admin home of the people who work reports: what is theirs to do, and for supervisors
the team's load. Counts only, from one aggregate query each."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db.models import Count, Q
from django.utils import timezone

from reports import rules
from reports.models import Report
from reports.triage.clocks import reporter_wrote_last


def summary(user) -> dict | None:
    """The figures of the admin home for `user`, or None for someone who works no report."""
    if not rules.is_officer(user):
        return None
    now = timezone.now()
    open_reports = Report.objects.open()
    counts = open_reports.aggregate(
        mine=Count("pk", filter=Q(assigned_to=user)),
        mine_late=Count("pk", filter=Q(assigned_to=user, due_at__lt=now)),
        new=Count("pk", filter=Q(status=Report.Status.NEW)),
        late=Count("pk", filter=Q(due_at__lt=now)),
        answered=Count("pk", filter=reporter_wrote_last()),
        week=Count("pk", filter=Q(due_at__gte=now, due_at__lt=now + timedelta(days=7))),
        urgent=Count("pk", filter=Q(priority=Report.Priority.URGENT)),
    )
    from reports.triage.photos import notice_for

    result = {
        "counts": counts, "supervisor": rules.is_supervisor(user), "team": [],
        "notice": notice_for(user),
    }  # fmt: skip
    if result["supervisor"]:
        from reports.access.services import waiting_for_access

        result["waiting"] = waiting_for_access()
        result["team"] = list(
            get_user_model().objects.filter(assigned_reports__status__in=_open_statuses())
            .annotate(
                held=Count("assigned_reports"),
                late=Count("assigned_reports", filter=Q(assigned_reports__due_at__lt=now)),
            )
            .order_by("-held", "username")
            .values("pk", "username", "held", "late")
        )  # fmt: skip
    return result


def _open_statuses() -> list[str]:
    return [s for s in Report.Status.values if s != Report.Status.CLOSED]
