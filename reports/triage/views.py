"""Search the indexed answers (reports.search). Posted, never in an address: what staff type
here names places and people. Audited with the number of results only."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from reports import search as blind_index
from reports.audit.services import audit
from reports.models import AuditEntry
from reports.pages import staff_page
from reports.triage.forms import SearchForm


def search(request):
    # As the queue's own view permission (ModelAdmin.has_view_permission).
    if not request.user.has_perms(["reports.view_report"]) and not request.user.has_perm(
        "reports.change_report"
    ):
        raise PermissionDenied
    form = SearchForm(request.POST if request.method == "POST" else None)
    results = None
    if form.is_valid():
        found, groups = blind_index.search(form.cleaned_data["q"])
        results = [
            (report, blind_index.labels(groups.get(report.pk, ())))
            for report in found.select_related("assigned_to").order_by("-received_at")[:200]
        ]
        audit(request.user, AuditEntry.Action.SEARCH, None, detail="blind index",
              data={"results": len(results)})  # fmt: skip
    return staff_page(
        request, "admin/reports/report/search.html", title=_("Search the reports"),
        form=form, results=results,
    )  # fmt: skip
