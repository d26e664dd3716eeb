"""Article images: resized renditions (480, 960, 1440 px wide; WebP and JPEG) for srcset."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageOps

WIDTHS = (480, 960, 1440)
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
        source = ImageOps.exif_transpose(Image.open(fh))
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
