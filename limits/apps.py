from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LimitsConfig(AppConfig):
    """The counters behind every throttle and lockout (limits.throttle)."""

    name = "limits"
    label = "limits"
    verbose_name = _("Limits")
