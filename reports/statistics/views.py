"""The annual statistics (supervisors and those allowed the step): a page with its charts,
and the same figures as a CSV or a spreadsheet. Counts only: never a report's content."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _

from reports import rules
from reports.pages import not_kept, staff_page
from reports.rules import Step
from reports.statistics.figures import compute, svg_bars, to_csv, to_xlsx
from reports.statistics.forms import PeriodForm

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _figures(request):
    if not rules.may(request.user, Step.STATISTICS):
        raise PermissionDenied
    form = PeriodForm(request.GET or None)
    return form, compute(form.period())


def statistics(request):
    form, stats = _figures(request)
    return staff_page(
        request, "admin/reports/report/statistics.html", title=_("Statistics"),
        subtitle=stats["period"].label(), form=form, stats=stats,
        query=request.GET.urlencode() if form.is_valid() else "",
        months_svg=svg_bars(stats["months"], title=_("Reports received by month")),
        countries_svg=svg_bars(stats["countries"][:15], title=_("Countries"), horizontal=True),
        outcomes_svg=svg_bars(stats["outcomes"], title=_("Outcomes"), horizontal=True),
    )  # fmt: skip


def statistics_file(request, kind: str):
    _form, stats = _figures(request)
    name = f"jedisstop-statistics-{stats['period'].start}-{stats['period'].end}.{kind}"
    if kind == "csv":
        response = HttpResponse(to_csv(stats), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(to_xlsx(stats), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return not_kept(response)
