"""Opening an untrusted image with bounded work: every image a visitor or an editor sends
goes through here before anything decodes it in full.

Memory is bounded by pixels *and* by the longest side, from the header, before anything is
decoded (a 190 KB PNG can hold 49 megapixels; a 2 MB JPEG of 65,500 x 1,831 px, 120
megapixels, once cost a web process 920 MB):
- the header is read first (format, frames, width x height), nothing decoded yet;
- a JPEG, a phone's photo, is decoded at a reduced scale (`Image.draft`, libjpeg's 1/2, 1/4,
  1/8) chosen from its *longest* side, so that neither side of what is decoded exceeds
  MAX_DECODED_SIDE, what the site keeps of a photo. One longer than 8 x MAX_DECODED_SIDE
  (JPEG allows 65,535) is decoded at 1/8: at most 8,192 px long and 1.9 megapixels;
- a progressive or multi-scan JPEG makes libjpeg hold every coefficient of the whole image
  (2 bytes a sample) whatever the scale, so its samples are bounded (MAX_BUFFERED_SAMPLES);
- other formats (PNG, WebP), which cannot be decoded at a reduced scale, are limited to
  MAX_PIXELS_FULL_DECODE and MAX_SIDE_FULL_DECODE, and refused when the decoded size would
  exceed MAX_EXPANSION times the file size (a compression bomb), so a truncated or hostile
  file costs little.

`upright()` then reduces the decoded image to the size kept and only then turns it upright
(EXIF orientation) and strips it: the full decoded bitmap is never copied.

The numbers are the site's table of limits (README, "Limits").
"""

from __future__ import annotations

import io
import warnings

from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP"}
# Declared size of a JPEG (decoded at a reduced scale): far above any phone camera.
MAX_PIXELS_JPEG = 120_000_000
# Formats decoded in full: 4096 x 4096 (a screenshot, a scan), about 67 MB as RGBA.
MAX_PIXELS_FULL_DECODE = 16_800_000
# Decoded bytes per byte of file, for fully decoded formats above SMALL_DECODE bytes
# (photos are 2-20; screenshots of flat colour up to about 100; a bomb thousands).
MAX_EXPANSION = 250
SMALL_DECODE = 16 * 1024 * 1024
# Longest side of a format decoded in full: a phone's long screenshot of a conversation
# (1,080 x 15,000) fits; 65,500 x 256 does not.
MAX_SIDE_FULL_DECODE = 16_384
# What a JPEG is decoded to at most on its longest side, when libjpeg can reduce it that
# far: the most the site keeps of a photo (reports.intake.images.MAX_SIDE).
MAX_DECODED_SIDE = 4096
JPEG_SCALES = (1, 2, 4, 8)  # what libjpeg can divide a JPEG's sides by as it decodes
# A progressive or multi-scan JPEG's samples, all held as 2-byte coefficients while it is
# decoded: 16.8 megapixels of a photo (4:2:0, 1.5 samples a pixel), 50 MB.
MAX_BUFFERED_SAMPLES = MAX_PIXELS_FULL_DECODE * 3 // 2
# The longest side a JPEG is ever decoded to: JPEG's own 65,535 at 1/8.
MAX_JPEG_DECODED_SIDE = max(MAX_DECODED_SIDE, -(-65_535 // JPEG_SCALES[-1]))
MAX_FRAMES = 1

Image.MAX_IMAGE_PIXELS = MAX_PIXELS_JPEG  # Pillow's own guard, as a last line


class Refused(Exception):
    """The image is not accepted. `reason`: "format", "animation", "too_large", "too_long"."""

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
                if pixels > MAX_PIXELS_JPEG or (
                    _whole_image_buffered(image, raw) and _samples(image) > MAX_BUFFERED_SAMPLES
                ):
                    raise Refused("too_large")
                scale = jpeg_scale(image.size)
                # draft() divides by the largest of 1, 2, 4, 8 that is at most
                # min(width // w, height // h): asking for the size at `scale` gives `scale`.
                image.draft("RGB", (max(1, image.width // scale), max(1, image.height // scale)))
                if max(image.size) > MAX_JPEG_DECODED_SIDE:
                    raise Refused("too_long")  # a side of a few pixels stopped the reduction
            else:
                if max(image.size) > MAX_SIDE_FULL_DECODE:
                    raise Refused("too_long")
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


def jpeg_scale(size: tuple[int, int]) -> int:
    """The smallest of libjpeg's scales that brings the longest side to MAX_DECODED_SIDE
    or under, else the largest (1/8)."""
    longest = max(size)
    for scale in JPEG_SCALES:
        if -(-longest // scale) <= MAX_DECODED_SIDE:
            return scale
    return JPEG_SCALES[-1]


def _whole_image_buffered(image: Image.Image, raw: bytes) -> bool:
    """Whether libjpeg will hold the coefficients of the whole image, whatever the scale:
    a progressive JPEG, or one whose first scan does not carry every component (libjpeg's
    `has_multiple_scans`). Read from the markers up to the first scan; anything this
    cannot read counts as buffered (the stricter bound)."""
    if image.info.get("progressive") or image.info.get("progression"):
        return True
    at = 2  # after SOI
    while at + 4 < len(raw):
        if raw[at] != 0xFF:
            return True
        marker = raw[at + 1]
        if marker == 0xFF:  # fill byte
            at += 1
            continue
        if marker == 0xDA:  # start of scan: length (2 bytes), then its component count
            return raw[at + 4] < getattr(image, "layers", 0)
        at += 2 + int.from_bytes(raw[at + 2 : at + 4], "big")
    return True


def _samples(image: Image.Image) -> int:
    """How many samples a JPEG's components hold, from their sampling factors."""
    layers = getattr(image, "layer", None) or []
    factors = [(h, v) for _id, h, v, _q in layers if h and v]
    if not factors:
        return image.width * image.height * 4  # unknown: the most a JPEG can hold
    h_max = max(h for h, _v in factors)
    v_max = max(v for _h, v in factors)
    return sum(image.width * image.height * h * v // (h_max * v_max) for h, v in factors)


def upright(image: Image.Image, max_side: int) -> Image.Image:
    """A fresh image of `image`'s pixels and nothing else (see strip), at most `max_side`
    on its longest side, turned upright by its EXIF orientation. The reduction comes first,
    in place; the turn is of the reduced image, in place; the strip is the one copy: the
    bitmap as decoded is never copied."""
    image.thumbnail((max_side, max_side))
    ImageOps.exif_transpose(image, in_place=True)
    return strip(image)


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
        if refusal.reason == "too_long":
            raise ValidationError(
                _("This image is too long: at most %(side)s pixels on its longest side.")
                % {"side": number_format(MAX_SIDE_FULL_DECODE, force_grouping=True)},
                code="too_long",
            ) from None
        if refusal.reason == "too_large":
            raise ValidationError(
                _("This image is too large: at most 4096 x 4096 pixels (JPEG photos larger)."),
                code="too_large",
            ) from None
        raise ValidationError(
            _("This is not an image the site can use (JPEG, PNG or WebP, not animated)."),
            code="invalid",
        ) from None
