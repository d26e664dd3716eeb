"""Search the indexed answers (reports.search). Posted, never in an address: what staff type
here names places and people. Audited with the number of results only."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from reports import rules
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
        form=form, results=results, waiting=blind_index.waiting_count(),
        supervisor=rules.is_supervisor(request.user),
    )  # fmt: skip


REINDEX_BATCH = 2000  # reports a request of the supervisor's button indexes


@require_POST
def search_key(request):
    """A supervisor's button: a new search key ("new"), then every report indexed again in
    batches ("index"); the page says how many are left and goes on by itself."""
    if not rules.is_supervisor(request.user):
        raise PermissionDenied
    if "new" in request.POST:
        blind_index.new_search_key()
        audit(request.user, AuditEntry.Action.SEARCH, None, detail="new search key")
    done = blind_index.index_waiting(limit=REINDEX_BATCH)
    left = blind_index.waiting_count()
    if not left or not done:
        messages.success(request, gettext("The search index is up to date."))
        return redirect("admin:reports_report_search")
    return staff_page(
        request, "admin/reports/report/search_key.html", title=_("Indexing the reports"),
        done=done, left=left,
    )  # fmt: skip
