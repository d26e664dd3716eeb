"""Safe photo viewing (staff wellbeing) and photos that may show abuse.

Hotlines protect the people who must look at what reporters send. Here:

- A photo is first shown as a thumbnail blurred (and by default greyscale) **by the
  server**: a CSS blur would still send the clear image. The clear image is fetched only on
  a click, one at a time, and blurred again on leaving it; full size only in a viewer page
  of its own. How strong the blur is, and greyscale or not, each person chooses (the team's
  default is the supervisors').
- Each person's day is counted for them alone: photos revealed, time on report pages; past
  a threshold from the settings, a gentle notice.
- A photo that may show child sexual abuse is flagged: from then on nobody sees it (no
  reveal, no thumbnail, no dossier, no ZIP). Its passing to the police is recorded on a
  referral, and the file is deleted once they confirm receipt, or after ABUSE_PHOTO_DAYS.
"""

from __future__ import annotations

import io
import logging
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from PIL import ImageFilter, ImageOps

from media import guard as imageguard
from reports import rules
from reports.audit.services import audit
from reports.errors import ReportError
from reports.models import (
    AuditEntry,
    Authority,
    Exposure,
    PhotoDisplay,
    Referral,
    ReportPhoto,
    TeamWellbeing,
    Wellbeing,
)
from reports.rules import Step

logger = logging.getLogger(__name__)

THUMBNAIL_PX = 360
# Gaussian blur radius for the thumbnail's size: nothing recognisable at "strong".
BLUR_RADIUS = {"strong": 18, "light": 8}
HEARTBEAT_SECONDS = 30


# --- Showing ----------------------------------------------------------------------------------


def display_for(user) -> str:
    own = Wellbeing.objects.filter(user=user).values_list("photo_display", flat=True).first()
    return own or TeamWellbeing.current().photo_display


def blurred_thumbnail(photo: ReportPhoto, display: str) -> bytes:
    """A small JPEG of `photo`, blurred (and greyscale unless chosen otherwise)."""
    if photo.hidden:
        raise ReportError(_("This photo is hidden."))
    # Reduced to the thumbnail first, then turned upright (media.guard).
    image = imageguard.upright(imageguard.open_bounded(photo.read()), THUMBNAIL_PX)
    image = image.convert("RGB")
    strength, colour = (display or PhotoDisplay.STRONG_GREY).split("_")
    # Blur at a fixed small size, so that the strength does not depend on the photo's size.
    image = image.filter(ImageFilter.GaussianBlur(BLUR_RADIUS.get(strength, 18)))
    if colour == "grey":
        image = ImageOps.grayscale(image)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=70)
    return out.getvalue()


def _today(user) -> Exposure:
    day = timezone.localdate()
    try:
        with transaction.atomic():
            exposure, _created = Exposure.objects.get_or_create(user=user, day=day)
    except IntegrityError:  # created at the same instant by another request
        exposure = Exposure.objects.get(user=user, day=day)
    return exposure


def count_reveal(user) -> None:
    exposure = _today(user)
    Exposure.objects.filter(pk=exposure.pk).update(photos_revealed=F("photos_revealed") + 1)


def count_time(user) -> bool:
    """A beat from a report page open and visible: HEARTBEAT_SECONDS more, unless the last
    beat was less than that ago (decided in one statement: two tabs count once)."""
    exposure = _today(user)
    now = timezone.now()
    too_soon = now - timedelta(seconds=HEARTBEAT_SECONDS - 5)
    return bool(
        Exposure.objects.filter(pk=exposure.pk)
        .filter(Q(last_beat_at__isnull=True) | Q(last_beat_at__lt=too_soon))
        .update(seconds_on_reports=F("seconds_on_reports") + HEARTBEAT_SECONDS, last_beat_at=now)
    )


def exposure_of(user, days: int = 7) -> list[Exposure]:
    since = timezone.localdate() - timedelta(days=days - 1)
    return list(Exposure.objects.filter(user=user, day__gte=since).order_by("-day"))


def notice_for(user) -> dict | None:
    """The gentle notice of the day, once past a threshold, or None."""
    exposure = Exposure.objects.filter(user=user, day=timezone.localdate()).first()
    if exposure is None:
        return None
    minutes = exposure.seconds_on_reports // 60
    if (
        exposure.photos_revealed < settings.EXPOSURE_PHOTOS_NOTICE
        and minutes < settings.EXPOSURE_MINUTES_NOTICE
    ):
        return None
    return {"photos": exposure.photos_revealed, "minutes": minutes}


# --- Possible abuse material ------------------------------------------------------------------


def flag_photo(photo: ReportPhoto, *, by) -> ReportPhoto:
    """Anyone who works reports may flag a photo: it is hidden from everyone at once."""
    if not rules.is_officer(by):
        raise ReportError(_("Your role does not allow this."))
    with transaction.atomic():
        photo = ReportPhoto.objects.select_for_update().get(pk=photo.pk)
        if photo.abuse_flagged_at is None:
            photo.abuse_flagged_at, photo.abuse_flagged_by = timezone.now(), by
            photo.save(update_fields=["abuse_flagged_at", "abuse_flagged_by"])
            # Never in a dossier again, even one already prepared.
            photo.referrals.clear()
            audit(by, AuditEntry.Action.CHANGE, photo.report, detail="photo flagged",
                  data={"step": "photo_flagged", "photo": photo.number})  # fmt: skip
    return photo


def record_abuse_passed(referral: Referral, *, by) -> int:
    """The flagged photos of the referral's report were passed to the police with it (by the
    channel agreed with them, never in the dossier). Returns how many."""
    with transaction.atomic():
        rules.check(by, Step.FORWARD, referral.report)
        if referral.authority != Authority.FEDERAL_POLICE:
            raise ReportError(_("Possible abuse material is passed to the Federal Police only."))
        count = referral.report.photos.filter(
            abuse_flagged_at__isnull=False, abuse_passed_on__isnull=True, file_deleted_at=None
        ).update(abuse_passed_on=referral, abuse_passed_at=timezone.now())
        if not count:
            raise ReportError(_("No flagged photo waits to be passed on."))
        audit(by, AuditEntry.Action.CHANGE, referral.report, detail="abuse material passed",
              data={"step": "abuse_passed", "count": count, "referral": referral.pk})  # fmt: skip
    return count


def confirm_abuse_receipt(referral: Referral, *, by) -> int:
    """The police confirmed they received the flagged photos: the files are deleted."""
    with transaction.atomic():
        rules.check(by, Step.FORWARD, referral.report)
        photos = list(referral.abuse_photos.filter(file_deleted_at=None))
        if not photos:
            raise ReportError(_("No photo passed with this referral waits for a receipt."))
        now = timezone.now()
        for photo in photos:
            _delete_file(photo, receipt_at=now)
        audit(
            by, AuditEntry.Action.CHANGE, referral.report, detail="abuse receipt",
            data={"step": "abuse_receipt", "count": len(photos), "referral": referral.pk},
        )  # fmt: skip
    return len(photos)


def _delete_file(photo: ReportPhoto, *, receipt_at=None) -> None:
    name = photo.file.name
    storage = photo.file.storage
    photo.file_deleted_at = timezone.now()
    photo.abuse_receipt_at = receipt_at or photo.abuse_receipt_at
    photo.save(update_fields=["file_deleted_at", "abuse_receipt_at"])
    transaction.on_commit(lambda: storage.delete(name))


def purge_flagged_photos() -> int:
    """The files of photos flagged more than ABUSE_PHOTO_DAYS ago (a daily job)."""
    cutoff = timezone.now() - timedelta(days=settings.ABUSE_PHOTO_DAYS)
    count = 0
    for photo in ReportPhoto.objects.filter(abuse_flagged_at__lt=cutoff, file_deleted_at=None):
        with transaction.atomic():
            _delete_file(photo)
        count += 1
    return count
