"""Checking and cleaning a photo sent with a report.

Every photo is identified by its content, decoded with bounded memory and time
(media.guard), and re-encoded by Pillow with no metadata at all: EXIF, GPS,
camera serial, XMP, ICC comments — a photo can betray the person who took it. Only if the
reporter asked, the place and time it was taken are read from the EXIF first and returned
separately (they are stored encrypted with the report).
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from PIL import ExifTags, Image

from media import guard as imageguard

MAX_SIDE = 4096  # re-encoded photos are scaled down to this, which also drops hidden data


class PhotoError(Exception):
    """A photo that cannot be accepted; the message is shown to the person."""


@dataclass
class CleanPhoto:
    data: bytes
    content_type: str
    width: int
    height: int
    details: dict = field(default_factory=dict)


def _gps_to_decimal(values, ref) -> float | None:
    try:
        degrees, minutes, seconds = (float(v) for v in values)
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    value = degrees + minutes / 60 + seconds / 3600
    if ref in ("S", "W", b"S", b"W"):
        value = -value
    return round(value, 6)


def read_place_and_time(image: Image.Image) -> dict:
    """Only two values, ever: where (latitude, longitude) and when the photo was taken."""
    result: dict = {}
    try:
        exif = image.getexif()
    except Exception:
        return result
    try:
        gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    except Exception:
        gps = {}
    if gps:
        lat = _gps_to_decimal(
            gps.get(ExifTags.GPS.GPSLatitude), gps.get(ExifTags.GPS.GPSLatitudeRef)
        )
        lon = _gps_to_decimal(
            gps.get(ExifTags.GPS.GPSLongitude), gps.get(ExifTags.GPS.GPSLongitudeRef)
        )
        if lat is not None and lon is not None and -90 <= lat <= 90 and -180 <= lon <= 180:
            result["latitude"] = lat
            result["longitude"] = lon
    try:
        taken = exif.get_ifd(ExifTags.IFD.Exif).get(ExifTags.Base.DateTimeOriginal)
    except Exception:
        taken = None
    taken = taken or exif.get(ExifTags.Base.DateTime)
    if isinstance(taken, str) and len(taken) >= 19:
        result["taken_at"] = taken[:19]
    return result


def clean_photo(uploaded, *, keep_place_and_time: bool, max_bytes: int) -> CleanPhoto:
    name = getattr(uploaded, "name", "") or ""
    size = getattr(uploaded, "size", None)
    if not size:
        raise PhotoError(_("“%(name)s” is empty.") % {"name": name})
    if size > max_bytes:
        raise PhotoError(
            _("“%(name)s” is larger than %(limit)s MB.")
            % {"name": name, "limit": max_bytes // 2**20}
        )
    raw = uploaded.read()
    try:
        image = imageguard.open_bounded(raw)
        details = read_place_and_time(image) if keep_place_and_time else {}
        del raw
        # Reduced first, then turned upright (EXIF orientation) and stripped.
        fresh = imageguard.upright(image, MAX_SIDE)
    except imageguard.Refused as refusal:
        raise PhotoError(_refusal_message(refusal.reason, name)) from None
    except (OSError, ValueError, SyntaxError):
        raise PhotoError(_refusal_message("format", name)) from None
    del image
    out = io.BytesIO()
    if fresh.mode == "RGBA":
        fresh.save(out, format="PNG", compress_level=6)
        content_type = "image/png"
    else:
        fresh.save(out, format="JPEG", quality=88)
        content_type = "image/jpeg"
    details["name"] = name[:200]
    return CleanPhoto(out.getvalue(), content_type, fresh.width, fresh.height, details)


def _refusal_message(reason: str, name: str) -> str:
    if reason == "animation":
        return _("“%(name)s” is an animation; please send a still photo.") % {"name": name}
    if reason == "too_long":
        return _(
            "“%(name)s” is too long an image: at most %(side)s pixels on its longest side."
        ) % {
            "name": name,
            "side": number_format(imageguard.MAX_SIDE_FULL_DECODE, force_grouping=True),
        }
    if reason == "too_large":
        return _("“%(name)s” is too large an image.") % {"name": name}
    return _("“%(name)s” is not a photo we can read (JPEG, PNG or WebP).") % {"name": name}
