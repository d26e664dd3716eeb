from django.contrib.sessions.base_session import AbstractBaseSession
from django.db import models
from django.utils.translation import gettext_lazy as _


class HashedSession(AbstractBaseSession):
    # The SHA-256 of the key, never the key itself.
    session_key = models.CharField(_("session key hash"), max_length=64, primary_key=True)
    user_id = models.BigIntegerField(null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")

    @classmethod
    def get_session_store_class(cls):
        from sessionstore.backend import SessionStore

        return SessionStore
