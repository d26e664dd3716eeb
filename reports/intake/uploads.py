"""Photos kept between two sendings of a form, bound to it by a signed token."""

from __future__ import annotations

import hashlib
import logging
import secrets

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from limits import throttle
from reports.intake import stash
from reports.intake.images import PhotoError, clean_photo
from reports.intake.services import store_pending_upload
from reports.models import PendingUpload

logger = logging.getLogger(__name__)
_signer = signing.TimestampSigner(salt="reports.upload-token")
PHOTO_BUDGET_WINDOW = 3600


def new_token() -> str:
    return _signer.sign(secrets.token_hex(16))


def read_token(signed: str | None) -> str | None:
    if not signed:
        return None
    try:
        return _signer.unsign(signed, max_age=settings.PENDING_UPLOAD_HOURS * 3600)
    except signing.BadSignature:
        return None


def sign(token: str) -> str:
    return _signer.sign(token)


def pending(token: str):
    return PendingUpload.objects.filter(token=token)


def accept_photos(
    token: str,
    files,
    *,
    keep_place_and_time: bool,
    client=None,
    store=store_pending_upload,
    kept=None,
) -> list[str]:
    """Check, clean, encrypt and keep each new photo; return the messages for refused ones.

    `store` keeps one cleaned photo (a pending upload by default); `kept` is how many the
    form already has (counted in the database by default). With `client` (the request),
    every photo sent counts against that client's photo budget, accepted or refused, before
    anything is decoded.
    """
    errors: list[str] = []
    room = settings.REPORT_MAX_PHOTOS - (pending(token).count() if kept is None else kept)
    # The database's pending uploads count against the disk ceiling; while the database is
    # down (`kept` given, photos go to the stash) it cannot be asked.
    used = pending_bytes() if kept is None else 0
    for uploaded in files:
        if client is not None and not throttle.take(
            "photos", client, settings.REPORT_PHOTO_BUDGET, PHOTO_BUDGET_WINDOW
        ):
            errors.append(
                _(
                    "“%(name)s” was not added: many photos were sent from your connection in "
                    "the last hour. Send your report without it, or add it in an hour."
                )
                % {"name": uploaded.name}
            )
            continue
        if room <= 0:
            errors.append(
                ngettext(
                    "You can send at most %(n)d photo: “%(name)s” was not added.",
                    "You can send at most %(n)d photos: “%(name)s” was not added.",
                    settings.REPORT_MAX_PHOTOS,
                )
                % {"n": settings.REPORT_MAX_PHOTOS, "name": uploaded.name}
            )
            continue
        if used + (uploaded.size or 0) > settings.PENDING_UPLOADS_MAX_BYTES:
            # The disk ceiling for photos not sent yet: refused before any decoding.
            logger.warning("Pending uploads are at their disk ceiling")
            errors.append(
                _(
                    "“%(name)s” cannot be kept just now. Send your report without it; you "
                    "can add photos later from the follow-up page."
                )
                % {"name": uploaded.name}
            )
            continue
        try:
            photo = clean_photo(
                uploaded,
                keep_place_and_time=keep_place_and_time,
                max_bytes=settings.REPORT_MAX_PHOTO_BYTES,
            )
        except PhotoError as error:
            errors.append(str(error))
            continue
        try:
            store(token, photo)
        except OSError:
            logger.exception("Could not store an uploaded photo")
            errors.append(
                _("“%(name)s” could not be stored just now. Please add it again in a moment.")
                % {"name": uploaded.name}
            )
            continue
        room -= 1
        used += len(photo.data)
    return errors


def pending_bytes() -> int:
    """What the photos not sent yet take on disk (the ceiling is PENDING_UPLOADS_MAX_BYTES)."""
    from django.db.models import Sum

    return PendingUpload.objects.aggregate(total=Sum("size"))["total"] or 0


def stash_photos(token: str, files, *, keep_place_and_time: bool) -> list[str]:
    """The database is unreachable: keep the photos in the private storage alone."""
    return accept_photos(
        token, files, keep_place_and_time=keep_place_and_time,
        store=stash.keep, kept=len(stash.listed(token)),
    )  # fmt: skip


def adopt_stashed(token: str) -> int:
    """Photos kept while the database was down become ordinary pending uploads."""
    return stash.adopt(token, store_pending_upload)


def remove(token: str, upload_id: str) -> bool:
    if upload_id.startswith("s"):
        return stash.remove(token, upload_id)
    try:
        upload = pending(token).get(pk=int(upload_id))
    except (ValueError, PendingUpload.DoesNotExist):
        return False
    upload.file.delete(save=False)
    upload.delete()
    return True


def _consumed_key(token: str) -> str:
    return "report-sent:" + hashlib.sha256(token.encode()).hexdigest()[:32]


def mark_consumed(token: str, reference: str) -> None:
    cache.set(_consumed_key(token), reference, timeout=settings.PENDING_UPLOAD_HOURS * 3600)


def consumed_reference(token: str) -> str | None:
    return cache.get(_consumed_key(token))
