"""Photos are identified by content, decoded in full, re-encoded, and stripped of metadata."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image

from reports.images import PhotoError, clean_photo
from tests import images

TEN_MB = 10 * 1024 * 1024


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def clean(data, name="p.jpg", keep=False):
    return clean_photo(SimpleUploadedFile(name, data), keep_place_and_time=keep, max_bytes=TEN_MB)


def test_it_strips_every_bit_of_metadata():
    result = clean(images.photo_bytes())
    stored = Image.open(io.BytesIO(result.data))
    assert len(stored.getexif()) == 0
    assert "exif" not in stored.info
    assert b"SN-123456789" not in result.data
    assert b"PhoneMaker" not in result.data
    assert result.details == {"name": "p.jpg"}


def test_it_keeps_only_place_and_time_when_asked():
    result = clean(images.photo_bytes(), keep=True)
    assert result.details["latitude"] == pytest.approx(13.741667, abs=1e-5)
    assert result.details["longitude"] == pytest.approx(100.5, abs=1e-5)
    assert result.details["taken_at"] == "2026:07:14 21:05:30"
    assert set(result.details) == {"latitude", "longitude", "taken_at", "name"}
    assert b"SN-123456789" not in result.data


@pytest.mark.parametrize("fmt", ["PNG", "WEBP"])
def test_it_accepts_png_and_webp(fmt):
    result = clean(images.photo_bytes(fmt=fmt), name=f"p.{fmt.lower()}")
    assert result.content_type in {"image/jpeg", "image/png"}
    assert Image.open(io.BytesIO(result.data)).size == (640, 480)


def test_it_judges_by_content_not_by_name():
    assert clean(images.photo_bytes(fmt="PNG"), name="looks-like.txt").width == 640


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"<html><script>alert(1)</script></html>", "not a photo"),
        (b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "not a photo"),
        (b"GIF89a" + b"\x00" * 50, "not a photo"),
        (images.truncated_jpeg(), "not a photo"),
        (images.decompression_bomb(), "too large an image"),
        (images.animated_gif(), "not a photo"),
        (images.animated_webp(), "animation"),
        (images.photo_bytes() + b"<?php echo 1; ?>", None),  # polyglot tail: re-encoded away
    ],
    ids=["html", "svg", "fake-gif", "truncated", "bomb", "gif", "animated-webp", "polyglot"],
)
def test_it_refuses_hostile_files(data, expected):
    if expected is None:
        result = clean(data)
        assert b"<?php" not in result.data
        return
    with pytest.raises(PhotoError, match=expected):
        clean(data)


def test_it_refuses_empty_and_oversized_files():
    with pytest.raises(PhotoError, match="empty"):
        clean(b"")
    with pytest.raises(PhotoError, match="10 MB"):
        clean(b"x" * (TEN_MB + 1), name="big.jpg")
