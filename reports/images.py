"""Checking and cleaning a photo sent with a report.

Every photo is identified by its content, decoded in full, and re-encoded by Pillow with
no metadata at all: EXIF, GPS, camera serial, XMP, ICC comments — a photo can betray the
person who took it. Only if the reporter asked, the place and time it was taken are read
from the EXIF first and returned separately (they are stored encrypted with the report).
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from PIL import ExifTags, Image, ImageOps, UnidentifiedImageError

ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP", "HEIF", "HEIC"}
MAX_PIXELS = 50_000_000  # 50 megapixels: far above any phone, far below a decompression bomb
MAX_FRAMES = 1
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
    not_a_photo = _("“%(name)s” is not a photo we can read (JPEG, PNG or WebP).") % {"name": name}
    with warnings.catch_warnings():
        # A decompression bomb warns before it errors: treat both as a refusal.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(raw), formats=None)
            if image.format not in ACCEPTED_FORMATS:
                raise PhotoError(not_a_photo)
            if getattr(image, "n_frames", 1) > MAX_FRAMES:
                raise PhotoError(
                    _("“%(name)s” is an animation; please send a still photo.") % {"name": name}
                )
            if image.width * image.height > MAX_PIXELS:
                raise PhotoError(_("“%(name)s” is too large an image.") % {"name": name})
            details = read_place_and_time(image) if keep_place_and_time else {}
            image.load()  # decode everything now: a truncated file fails here, not later
            image = ImageOps.exif_transpose(image)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise PhotoError(_("“%(name)s” is too large an image.") % {"name": name}) from None
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
            raise PhotoError(not_a_photo) from None

    image.thumbnail((MAX_SIDE, MAX_SIDE))
    has_alpha = image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info)
    out = io.BytesIO()
    if has_alpha:
        clean = image.convert("RGBA")
        # A fresh image carries no info dict: nothing of the original's metadata survives.
        fresh = Image.new("RGBA", clean.size)
        fresh.paste(clean)
        fresh.save(out, format="PNG", compress_level=6)
        content_type = "image/png"
    else:
        clean = image.convert("RGB")
        fresh = Image.new("RGB", clean.size)
        fresh.paste(clean)
        fresh.save(out, format="JPEG", quality=88)
        content_type = "image/jpeg"
    details["name"] = name[:200]
    return CleanPhoto(out.getvalue(), content_type, fresh.width, fresh.height, details)
