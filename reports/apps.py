from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Reports")

    def ready(self):
        from allauth.mfa import signals as mfa
        from django.contrib.auth import signals

        from reports.audit import signals as audit
        from staff import signals as staff

        for signal, receiver in [
            (signals.user_logged_in, audit.logged_in),
            (signals.user_logged_out, audit.logged_out),
            (signals.user_login_failed, audit.login_failed),
            (mfa.authentication_failed, audit.second_factor_failed),
            (mfa.authenticator_added, audit.authenticator_added),
            (mfa.authenticator_removed, audit.authenticator_removed),
            (mfa.authenticator_reset, audit.authenticator_reset),
            (staff.account_changed, audit.account_changed),
        ]:
            signal.connect(receiver, dispatch_uid=f"audit-{receiver.__name__}")

        # Who holds the sealed reports' keys follows the accounts and their keys.
        from django.contrib.auth import get_user_model
        from django.db.models.signals import post_delete, post_save

        from reports.access import services as access
        from staff.models import StaffKey

        post_save.connect(access.account_saved, sender=get_user_model(),
                          dispatch_uid="access-account-saved")  # fmt: skip
        post_save.connect(access.key_saved, sender=StaffKey, dispatch_uid="access-key-saved")
        post_delete.connect(access.key_deleted, sender=StaffKey,
                            dispatch_uid="access-key-deleted")  # fmt: skip
