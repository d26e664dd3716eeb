from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StaffConfig(AppConfig):
    """Staff identity: sign-in, second factor, idle timeout, staff accounts."""

    name = "staff"
    verbose_name = _("Staff")

    def ready(self):
        from allauth.mfa import signals as mfa_signals
        from django.contrib.auth import signals as auth_signals

        from staff import keyring, ratelimits, verification

        # The sign-in library's rate limits on the site's atomic counters (see the module).
        ratelimits.install()

        auth_signals.user_logged_out.connect(keyring.forget, dispatch_uid="staff-key-forget")
        auth_signals.user_logged_in.connect(
            keyring.passkey_signed_in, dispatch_uid="staff-key-passkey"
        )
        mfa_signals.authenticator_added.connect(
            verification.enrolled, dispatch_uid="staff-enrolled-is-verified"
        )
