from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SessionStoreConfig(AppConfig):
    name = "sessionstore"
    label = "sessionstore"
    verbose_name = _("Sessions")
