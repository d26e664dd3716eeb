from django.urls import path
from django.utils.translation import gettext_lazy as _

from reports.intake import views

app_name = "reports"

urlpatterns = [
    path(_("report/"), views.submit, name="submit"),
    path(_("report/sent/"), views.receipt, name="receipt"),
    path(_("report/sent/receipt.txt"), views.receipt_file, name="receipt-file"),
    path(_("report/online/"), views.online, name="online"),
    path(_("exit/"), views.quick_exit, name="exit"),
    path(_("report/emergency/"), views.emergency_numbers, name="emergency"),
    path(_("follow-up/"), views.follow_up, name="follow-up"),
]
