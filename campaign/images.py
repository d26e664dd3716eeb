"""Editors' images: checked with bounded work (media.guard) like reporters' photos,
re-encoded without any metadata (EXIF, GPS, camera, author, JPEG comments), and resized into
renditions (480, 960, 1440 px wide; WebP and JPEG) for srcset. An article's files go when
the article or its image goes."""

from __future__ import annotations

import contextlib
import io
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image

from media import guard as imageguard

WIDTHS = (480, 960, 1440)
MAX_ORIGINAL_SIDE = 2400  # the stored original: more than the largest rendition needs
FORMATS = (("webp", "WEBP", "image/webp"), ("jpg", "JPEG", "image/jpeg"))


@dataclass
class Rendition:
    url: str
    width: int
    height: int
    mime: str


def _name(article, width: int, ext: str) -> str:
    stem = PurePosixPath(article.image.name).stem
    return f"news/renditions/{article.pk}-{stem}-{width}.{ext}"


def _target_sizes(size: tuple[int, int]) -> list[tuple[int, int]]:
    width, height = size
    widths = [w for w in WIDTHS if w < width] + [min(width, WIDTHS[-1])]
    return [(w, round(height * w / width)) for w in sorted(set(widths))]


def build_renditions(article) -> int:
    """Write every rendition of the article's image; return how many were written."""
    if not article.image:
        return 0
    with article.image.open("rb") as fh:
        source = imageguard.upright(imageguard.open_bounded(fh.read()), MAX_ORIGINAL_SIDE)
    source = source.convert("RGB")
    written = 0
    for width, height in _target_sizes(source.size):
        resized = source.resize((width, height), Image.Resampling.LANCZOS)
        for ext, fmt, _mime in FORMATS:
            out = io.BytesIO()
            resized.save(out, format=fmt, quality=80)
            name = _name(article, width, ext)
            if default_storage.exists(name):
                default_storage.delete(name)
            default_storage.save(name, ContentFile(out.getvalue()))
            written += 1
    return written


def renditions_for(article) -> dict[str, list[Rendition]]:
    """The renditions by format, smallest first, from the image's own size (no file access
    beyond the image's dimensions, which Django caches on the field)."""
    if not article.image:
        return {}
    if not (article.image_width and article.image_height):
        return {}
    size = (article.image_width, article.image_height)
    result: dict[str, list[Rendition]] = {}
    for ext, _fmt, mime in FORMATS:
        result[ext] = [
            Rendition(default_storage.url(_name(article, w, ext)), w, h, mime)
            for w, h in _target_sizes(size)
        ]
    return result


def clean_upload(uploaded) -> ContentFile:
    """The uploaded image re-encoded with nothing but its pixels, at most
    MAX_ORIGINAL_SIDE on its longest side."""
    image = imageguard.open_bounded(imageguard.read_upload(uploaded))
    fresh = imageguard.upright(image, MAX_ORIGINAL_SIDE)  # reduced first, then turned
    out = io.BytesIO()
    stem = PurePosixPath(getattr(uploaded, "name", "") or "image").stem[:60] or "image"
    if fresh.mode == "RGBA":
        fresh.save(out, format="PNG", optimize=True)
        return ContentFile(out.getvalue(), name=f"{stem}.png")
    fresh.save(out, format="JPEG", quality=88)
    return ContentFile(out.getvalue(), name=f"{stem}.jpg")


def delete_files(article_pk: int, image_name: str) -> None:
    """An article's image and every rendition of it."""
    if not image_name:
        return
    prefix = f"{article_pk}-{PurePosixPath(image_name).stem}-"
    try:
        _dirs, files = default_storage.listdir("news/renditions")
    except OSError:
        files = []
    names = [image_name] + [f"news/renditions/{n}" for n in files if n.startswith(prefix)]
    for name in names:
        with contextlib.suppress(OSError):
            default_storage.delete(name)
