from __future__ import annotations

from django.urls import path

from reports.triage import views


def urls(admin_site) -> list:
    return [
        path("search/", admin_site.admin_view(views.search), name="reports_report_search"),
        path(
            "search/key/", admin_site.admin_view(views.search_key), name="reports_report_search_key"
        ),
    ]
