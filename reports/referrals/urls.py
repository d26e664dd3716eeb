from __future__ import annotations

from django.urls import path

from reports.referrals import views


def urls(admin_site) -> list:
    return [
        path("<int:report_id>/dossier/", admin_site.admin_view(views.preview),
             name="reports_report_dossier"),
        path("<int:report_id>/referrals/<int:referral_id>/dossier/",
             admin_site.admin_view(views.referral_dossier),
             name="reports_report_referral_dossier"),
    ]  # fmt: skip
