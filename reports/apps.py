from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Reports")

    def ready(self):
        from django.contrib.auth import signals

        from reports import audit_signals

        signals.user_logged_in.connect(audit_signals.logged_in, dispatch_uid="audit-login")
        signals.user_logged_out.connect(audit_signals.logged_out, dispatch_uid="audit-logout")
        signals.user_login_failed.connect(audit_signals.login_failed, dispatch_uid="audit-failed")
