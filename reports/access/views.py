"""Supervisors' pages for access to the sealed reports: who is waiting, and granting it."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from reports import rules
from reports.access import services
from reports.pages import staff_page


def _supervisor(request) -> None:
    if not rules.is_supervisor(request.user):
        raise PermissionDenied


@require_http_methods(["GET", "HEAD"])
def waiting(request):
    _supervisor(request)
    return staff_page(
        request, "admin/reports/report/access.html", title=_("Access to sealed reports"),
        waiting=services.waiting_for_access(), sealed=services.sealed_reports(),
    )  # fmt: skip


@require_http_methods(["GET", "HEAD", "POST"])
def grant(request, user_id: int):
    """GET: the member and what they wait for. POST: one batch granted; the page then says
    how many are left and goes on by itself (a button without scripts)."""
    _supervisor(request)
    member = get_object_or_404(get_user_model(), pk=user_id, is_staff=True)
    waiting = next((w for w in services.waiting_for_access() if w.member.pk == member.pk), None)
    context = {"member": member, "waiting": waiting, "granted": None}
    if request.method == "POST":
        try:
            granted = services.grant_access(member, by=request.user)
        except services.AccessError as error:
            messages.error(request, str(error))
            return redirect("admin:reports_report_access")
        if not granted.left:
            messages.success(
                request, _("%(name)s now reads every sealed report.")
                % {"name": member.get_username()},
            )  # fmt: skip
            return redirect("admin:reports_report_access")
        context["granted"] = granted
    return staff_page(
        request, "admin/reports/report/grant.html",
        title=_("Grant access to %(name)s") % {"name": member.get_username()}, **context,
    )  # fmt: skip
