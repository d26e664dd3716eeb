from __future__ import annotations

from django.urls import path

from reports.access import views


def urls(admin_site) -> list:
    return [
        path("access/", admin_site.admin_view(views.waiting), name="reports_report_access"),
        path("access/<int:user_id>/", admin_site.admin_view(views.grant),
             name="reports_report_grant"),
    ]  # fmt: skip
