from __future__ import annotations

from functools import partial

from django.urls import path

from reports.statistics import views


def urls(admin_site) -> list:
    return [
        path("statistics/", admin_site.admin_view(views.statistics),
             name="reports_report_statistics"),
        path("statistics.csv", admin_site.admin_view(partial(views.statistics_file, kind="csv")),
             name="reports_report_statistics_csv"),
        path("statistics.xlsx",
             admin_site.admin_view(partial(views.statistics_file, kind="xlsx")),
             name="reports_report_statistics_xlsx"),
    ]  # fmt: skip
