"""The session engine (SESSION_ENGINE): Django's database sessions, keyed by the hash."""

from __future__ import annotations

import datetime
import hashlib
import math

from asgiref.sync import sync_to_async
from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.utils import timezone


def key_hash(session_key: str) -> str:
    return hashlib.sha256(session_key.encode()).hexdigest()


def rounded_up(moment: datetime.datetime) -> datetime.datetime:
    """A row's expiry rounded up to SESSION_EXPIRY_ROUNDING (an hour, the longest limit's
    window): to the millisecond, it matched the moment a report was sent or a follow-up
    opened, and so the counter of the address that did it. What a session holds ends on its
    own clock, kept inside the session (the receipt's ten minutes, the follow-up's thirty)."""
    step = settings.SESSION_EXPIRY_ROUNDING
    return datetime.datetime.fromtimestamp(
        math.ceil(moment.timestamp() / step) * step, tz=datetime.UTC
    )


def _user_id(data: dict) -> int | None:
    try:
        return int(data.get("_auth_user_id"))
    except (TypeError, ValueError):
        return None


class SessionStore(DatabaseSessionStore):
    @classmethod
    def get_model_class(cls):
        from sessionstore.models import HashedSession

        return HashedSession

    def _get_session_from_db(self):
        if not self.session_key:
            return None
        try:
            return self.model.objects.get(
                session_key=key_hash(self.session_key), expire_date__gt=timezone.now()
            )
        except self.model.DoesNotExist:
            self._session_key = None
            return None

    async def _aget_session_from_db(self):
        return await sync_to_async(self._get_session_from_db)()

    def exists(self, session_key):
        return self.model.objects.filter(session_key=key_hash(session_key)).exists()

    async def aexists(self, session_key):
        return await sync_to_async(self.exists)(session_key)

    def create_model_instance(self, data):
        return self.model(
            session_key=key_hash(self._get_or_create_session_key()),
            session_data=self.encode(data),
            expire_date=rounded_up(self.get_expiry_date()),
            user_id=_user_id(data),
        )

    async def acreate_model_instance(self, data):
        return await sync_to_async(self.create_model_instance)(data)

    def delete(self, session_key=None):
        if session_key is None:
            if self.session_key is None:
                return
            session_key = self.session_key
        self.model.objects.filter(session_key=key_hash(session_key)).delete()

    async def adelete(self, session_key=None):
        await sync_to_async(self.delete)(session_key)


def end_sessions_of(user) -> int:
    """End every session of `user` at once (an account disabled, an authenticator reset)."""
    from sessionstore.models import HashedSession

    deleted, _ = HashedSession.objects.filter(user_id=user.pk).delete()
    return deleted
