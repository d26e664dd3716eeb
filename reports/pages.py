"""A page of the staff's workplace beside the queue and the report page (statistics,
retention, search, entering a report, a dossier's form): the admin's frame around it, and
never kept by a browser or a proxy. Each sub-domain's views use it; its urls.py wraps them in
`admin_site.admin_view`."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpResponse
from django.template.response import TemplateResponse

from reports.models import Report


def not_kept(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "private, no-store"
    return response


def staff_page(request, template: str, *, title, status: int = 200, **context):
    context = {**admin.site.each_context(request), "title": title, "opts": Report._meta, **context}
    return not_kept(TemplateResponse(request, template, context, status=status))
