from django.urls import path
from django.utils.translation import gettext_lazy as _

from reports.intake import follow_up, receipt, views

app_name = "reports"

urlpatterns = [
    path(_("report/"), views.submit, name="submit"),
    path(_("report/sent/"), receipt.receipt, name="receipt"),
    path(_("report/sent/receipt.txt"), receipt.receipt_file, name="receipt-file"),
    path(_("report/online/"), views.online, name="online"),
    path(_("report/start/"), views.form_start, name="form-start"),
    path(_("exit/"), views.quick_exit, name="exit"),
    path(_("report/emergency/"), views.emergency_numbers, name="emergency"),
    path(_("follow-up/"), follow_up.follow_up, name="follow-up"),
]
