"""Photos are identified by content, decoded in full, re-encoded, and stripped of metadata."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image

from reports.intake.images import PhotoError, clean_photo
from tests import images

TEN_MB = 10 * 1024 * 1024  # the limit these tests give clean_photo


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


# --- Bounded work (the attack: one 190 KB PNG took a web process to 633 MB; 20 truncated
# 49-megapixel PNGs in one request cost 8.5 s of CPU) -----------------------------------


def test_a_small_png_that_decodes_to_hundreds_of_megabytes_is_refused_unread(monkeypatch):
    from PIL import ImageFile

    bomb = images.rgba_png_bomb(7000)
    assert len(bomb) < 400_000
    decoded = []
    original = ImageFile.ImageFile.load
    monkeypatch.setattr(
        ImageFile.ImageFile, "load", lambda self: decoded.append(1) or original(self)
    )
    with pytest.raises(PhotoError, match="too large an image"):
        clean(bomb, name="bomb.png")
    assert decoded == []  # refused from its header, nothing decoded


def test_a_truncated_big_png_is_refused_from_its_header(monkeypatch):
    from PIL import ImageFile

    decoded = []
    original = ImageFile.ImageFile.load
    monkeypatch.setattr(
        ImageFile.ImageFile, "load", lambda self: decoded.append(1) or original(self)
    )
    with pytest.raises(PhotoError, match="too large an image"):
        clean(images.truncated_big_png(7000), name="cut.png")
    assert decoded == []


def test_a_48_megapixel_phone_photo_is_accepted_and_decoded_at_a_reduced_scale(monkeypatch):
    from PIL import Image

    raw = images.phone_photo_bytes((8000, 6000))
    sizes = []
    original = Image.Image.load

    def load(self):
        result = original(self)
        sizes.append(self.size)
        return result

    monkeypatch.setattr(Image.Image, "load", load)
    photo = clean(raw, name="IMG_0001.jpg")
    assert max(photo.width, photo.height) <= 4096
    assert photo.content_type == "image/jpeg"
    assert sizes
    assert max(w * h for w, h in sizes) <= 4000 * 3000  # never the full 48 megapixels


def test_at_most_the_form_s_photos_are_decoded_per_request(monkeypatch, db):
    from media import guard as imageguard
    from reports.intake import uploads

    opened = []
    original = imageguard.open_bounded
    monkeypatch.setattr(imageguard, "open_bounded", lambda raw: opened.append(1) or original(raw))
    files = [SimpleUploadedFile(f"p{i}.jpg", images.photo_bytes()) for i in range(20)]
    errors = uploads.accept_photos("tok", files, keep_place_and_time=False)
    assert len(opened) == 5
    assert len(errors) == 15


def test_pending_photos_have_a_disk_ceiling_checked_before_decoding(monkeypatch, db, settings):
    from media import guard as imageguard
    from reports.intake import uploads

    settings.PENDING_UPLOADS_MAX_BYTES = 1000
    opened = []
    original = imageguard.open_bounded
    monkeypatch.setattr(imageguard, "open_bounded", lambda raw: opened.append(1) or original(raw))
    errors = uploads.accept_photos("tok", [images.upload()], keep_place_and_time=False)
    assert opened == []
    assert "follow-up" in errors[0] or "suivi" in errors[0]


def test_many_photos_book_one_purge_task(db, settings, django_capture_on_commit_callbacks):
    from django_tasks_db.models import DBTaskResult

    from reports.intake import uploads

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    for i in range(4):
        with django_capture_on_commit_callbacks(execute=True):
            uploads.accept_photos(f"tok{i}", [images.upload()], keep_place_and_time=False)
    purges = DBTaskResult.objects.filter(task_path="reports.retention.jobs.purge_expired_uploads")
    assert purges.count() == 1


def test_every_photo_sent_counts_against_the_clients_budget(db, settings, monkeypatch, rf):
    from media import guard as imageguard
    from reports.intake import uploads

    settings.REPORT_PHOTO_BUDGET = 4
    opened = []
    original = imageguard.open_bounded
    monkeypatch.setattr(imageguard, "open_bounded", lambda raw: opened.append(1) or original(raw))
    client = rf.post("/fr/signaler/", REMOTE_ADDR="198.51.100.20")
    refused = [SimpleUploadedFile("x.png", b"not an image") for _ in range(3)]
    uploads.accept_photos("a", refused, keep_place_and_time=False, client=client)
    errors = uploads.accept_photos(
        "b", [images.upload(), images.upload()], keep_place_and_time=False, client=client
    )
    assert len(opened) == 4  # three refused and one accepted counted; the fifth not opened
    assert "last hour" in errors[0] or "dernière heure" in errors[0]
    other = rf.post("/fr/signaler/", REMOTE_ADDR="198.51.100.21")
    assert (
        uploads.accept_photos("c", [images.upload()], keep_place_and_time=False, client=other) == []
    )


# --- A long, thin JPEG (the audit: 65,500 x 1,831 px, orientation 6, 2 MB, took a web process
# from 108 MB to 1,055 MB: draft() kept the full scale because one side was under 2048, and
# turning it upright copied the full bitmap) ------------------------------------------------

PEAK = """
import os, re, sys
sys.path.insert(0, {root!r})
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jedisstop.settings")
import django
django.setup()
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image
translation.activate("en")
upload = SimpleUploadedFile("long.jpg", open({path!r}, "rb").read())
def peak_kb():
    return int(re.search(r"VmHWM:\\s+(\\d+)", open("/proc/self/status").read()).group(1))
open("/proc/self/clear_refs", "w").write("5")  # the peak from here on
before = peak_kb()
if {editor!r}:
    from campaign.images import clean_upload
    out = clean_upload(upload).read()
else:
    from reports.intake.images import clean_photo
    out = clean_photo(upload, keep_place_and_time=False, max_bytes=20 * 2**20).data
grown = peak_kb() - before
import io
print(grown // 1024, *Image.open(io.BytesIO(out)).size)
"""


@pytest.mark.parametrize("editor", [False, True], ids=["reporter-photo", "editor-image"])
def test_a_long_thin_jpeg_costs_little_and_comes_out_upright(tmp_path, editor):
    """Measured in a process of its own: Pillow's bitmaps are C memory, which tracemalloc
    does not see. The peak is the process's own VmHWM, reset before the photo: ru_maxrss
    would carry the peak of the process it was forked from (pytest's)."""
    import subprocess
    import sys
    from pathlib import Path

    path = tmp_path / "long.jpg"
    path.write_bytes(images.flat_jpeg(65_500, 1_831, orientation=6))
    assert path.stat().st_size < 5 * 2**20
    root = str(Path(__file__).resolve().parent.parent)
    out = subprocess.run(
        [sys.executable, "-c", PEAK.format(root=root, path=str(path), editor=editor)],
        capture_output=True, text=True, check=True, cwd=root,
    )  # fmt: skip
    grown_mb, width, height = (int(v) for v in out.stdout.split()[-3:])
    assert grown_mb < 60  # was +920 MB: 120 megapixels decoded in full, then copied
    assert height > width  # turned upright: orientation 6 is a quarter turn
    assert max(width, height) == (2400 if editor else 4096)


def test_a_jpeg_is_decoded_reduced_by_its_longest_side():
    from media import guard as imageguard

    assert imageguard.jpeg_scale((4032, 3024)) == 1  # a 12-megapixel phone: in full
    assert imageguard.jpeg_scale((8000, 6000)) == 2
    assert imageguard.jpeg_scale((10_954, 10_954)) == 4
    assert imageguard.jpeg_scale((65_500, 1_831)) == 8  # min(w // 2048, h // 2048) said 1
    image = imageguard.open_bounded(images.flat_jpeg(20_000, 1_000))
    assert image.size == (2_500, 125)  # decoded at 1/8: neither side over 4096


def test_a_long_thin_png_is_refused_by_its_longest_side_and_named(monkeypatch):
    from PIL import ImageFile

    image = Image.new("L", (65_500, 256), 90)  # 16.8 megapixels: within the pixel limit
    out = io.BytesIO()
    image.save(out, format="PNG")
    del image
    decoded = []
    original = ImageFile.ImageFile.load
    monkeypatch.setattr(
        ImageFile.ImageFile, "load", lambda self: decoded.append(1) or original(self)
    )
    with pytest.raises(PhotoError, match=r"“strip\.png” is too long an image: at most 16,384"):
        clean(out.getvalue(), name="strip.png")
    assert decoded == []


def test_a_progressive_jpeg_is_bounded_by_the_coefficients_libjpeg_keeps(monkeypatch):
    """A progressive JPEG is held whole as coefficients, whatever the scale it is decoded
    at: 36 megapixels is refused from its header (a baseline one of that size is not)."""
    from PIL import ImageFile

    small = io.BytesIO()
    Image.new("RGB", (64, 64), (9, 9, 9)).save(small, format="JPEG", progressive=True)
    data = bytearray(small.getvalue())
    sof = data.index(b"\xff\xc2")
    data[sof + 5 : sof + 9] = (6000).to_bytes(2, "big") * 2  # height, width
    decoded = []
    original = ImageFile.ImageFile.load
    monkeypatch.setattr(
        ImageFile.ImageFile, "load", lambda self: decoded.append(1) or original(self)
    )
    with pytest.raises(PhotoError, match="too large an image"):
        clean(bytes(data), name="web.jpg")
    assert decoded == []
