from __future__ import annotations

from django.urls import path

from reports.retention import views


def urls(admin_site) -> list:
    return [
        path("retention/", admin_site.admin_view(views.retention),
             name="reports_report_retention"),
    ]  # fmt: skip
