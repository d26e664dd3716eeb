"""Opening an untrusted image with bounded work: every image a visitor or an editor sends
goes through here before anything decodes it in full.

Memory is bounded by pixels, not by file size (a 190 KB PNG can hold 49 megapixels):
- the header is read first (format, frames, width x height), nothing decoded yet;
- a JPEG, a phone's photo, is decoded at a reduced scale (`Image.draft`): a 12-48 megapixel
  photo becomes at most about 4000 px on its longest side as it is decoded, never a full
  48-megapixel bitmap;
- other formats (PNG, WebP), which cannot be decoded at a reduced scale, are limited to
  MAX_PIXELS_FULL_DECODE, and refused when the decoded size would exceed MAX_EXPANSION times
  the file size (a compression bomb), so a truncated or hostile file costs little.

The numbers are the site's table of limits (README, "Limits").
"""

from __future__ import annotations

import io
import warnings

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP"}
# Declared size of a JPEG (decoded at a reduced scale): far above any phone camera.
MAX_PIXELS_JPEG = 120_000_000
# Formats decoded in full: 4096 x 4096 (a screenshot, a scan), about 67 MB as RGBA.
MAX_PIXELS_FULL_DECODE = 16_800_000
# Decoded bytes per byte of file, for fully decoded formats above SMALL_DECODE bytes
# (photos are 2-20; screenshots of flat colour up to about 100; a bomb thousands).
MAX_EXPANSION = 250
SMALL_DECODE = 16 * 1024 * 1024
# What a JPEG is decoded to at least (draft picks the smallest scale at or above it).
DRAFT_SIZE = (2048, 2048)
MAX_FRAMES = 1

Image.MAX_IMAGE_PIXELS = MAX_PIXELS_JPEG  # Pillow's own guard, as a last line


class Refused(Exception):
    """The image is not accepted. `reason`: "format", "animation", "too_large"."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def open_bounded(raw: bytes) -> Image.Image:
    """The image, decoded with bounded memory and time, or Refused."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(raw), formats=tuple(ACCEPTED_FORMATS))
            if getattr(image, "n_frames", 1) > MAX_FRAMES:
                raise Refused("animation")
            pixels = image.width * image.height
            if image.format == "JPEG":
                if pixels > MAX_PIXELS_JPEG:
                    raise Refused("too_large")
                image.draft("RGB", DRAFT_SIZE)
            else:
                decoded = pixels * len(image.getbands())
                if pixels > MAX_PIXELS_FULL_DECODE or (
                    decoded > SMALL_DECODE and decoded > MAX_EXPANSION * len(raw)
                ):
                    raise Refused("too_large")
            image.load()  # a truncated file fails here, within the bounds above
        except Refused:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise Refused("too_large") from None
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
            raise Refused("format") from None
    return image


def strip(image: Image.Image) -> Image.Image:
    """A fresh image with the same pixels and nothing else: no EXIF, GPS, XMP, ICC
    comments or text chunks survive."""
    mode = (
        "RGBA"
        if image.mode in ("RGBA", "LA", "PA")
        or (image.mode == "P" and "transparency" in image.info)
        else "RGB"
    )
    clean = image if image.mode == mode else image.convert(mode)
    fresh = Image.new(mode, clean.size, None)  # not filled first: every pixel is pasted
    fresh.paste(clean)
    return fresh


def read_upload(uploaded) -> bytes:
    uploaded.seek(0)
    data = uploaded.read()
    uploaded.seek(0)
    return data


def validate_upload(uploaded) -> None:
    """A model field validator for editors' images: the image opens within the bounds."""
    try:
        open_bounded(read_upload(uploaded))
    except Refused as refusal:
        if refusal.reason == "too_large":
            raise ValidationError(
                _("This image is too large: at most 4096 x 4096 pixels (JPEG photos larger)."),
                code="too_large",
            ) from None
        raise ValidationError(
            _("This is not an image the site can use (JPEG, PNG or WebP, not animated)."),
            code="invalid",
        ) from None
