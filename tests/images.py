"""Test images built with Pillow: real photos with real EXIF, and hostile files."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw


def photo_bytes(*, fmt="JPEG", size=(640, 480), gps=True, serial="SN-123456789") -> bytes:
    image = Image.new("RGB", size, (40, 90, 160))
    ImageDraw.Draw(image).rectangle([20, 20, size[0] // 2, size[1] // 2], fill=(220, 180, 40))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0110] = "Phone 15"  # Model
    exif[0x0132] = "2026:07:14 21:05:33"  # DateTime
    exif_ifd = exif.get_ifd(0x8769)
    exif_ifd[0x9003] = "2026:07:14 21:05:30"  # DateTimeOriginal
    exif_ifd[0xA431] = serial  # BodySerialNumber
    if gps:
        gps_ifd = exif.get_ifd(0x8825)
        gps_ifd[1] = "N"
        gps_ifd[2] = (13.0, 44.0, 30.0)
        gps_ifd[3] = "E"
        gps_ifd[4] = (100.0, 30.0, 0.0)
    out = io.BytesIO()
    image.save(out, format=fmt, exif=exif.tobytes())
    return out.getvalue()


def upload(name="holiday.jpg", data=None, content_type="image/jpeg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, photo_bytes() if data is None else data, content_type)


def big_photo_bytes(target_bytes: int) -> bytes:
    """A noisy JPEG of roughly target_bytes (noise does not compress)."""
    import os

    side = int((target_bytes / 2.4) ** 0.5)
    while True:
        image = Image.frombytes("RGB", (side, side), os.urandom(side * side * 3))
        out = io.BytesIO()
        image.save(out, format="JPEG", quality=95)
        if out.tell() >= target_bytes:
            return out.getvalue()
        side = int(side * 1.05)


def decompression_bomb() -> bytes:
    # A 1-bit PNG of 30000 x 30000 pixels: a few kilobytes that would decode to 900 MP.
    image = Image.new("1", (30000, 30000), 0)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def truncated_jpeg() -> bytes:
    data = photo_bytes(gps=False)
    return data[: len(data) // 2]


def animated_gif() -> bytes:
    frames = [Image.new("P", (50, 50), i) for i in range(3)]
    out = io.BytesIO()
    frames[0].save(out, format="GIF", save_all=True, append_images=frames[1:])
    return out.getvalue()


def animated_webp() -> bytes:
    frames = [Image.new("RGB", (50, 50), (i * 60, 0, 0)) for i in range(3)]
    out = io.BytesIO()
    frames[0].save(out, format="WEBP", save_all=True, append_images=frames[1:])
    return out.getvalue()


def rgba_png_bomb(side: int = 7000) -> bytes:
    """A flat RGBA PNG of side x side: about 190 KB that decodes to 4 bytes a pixel."""
    image = Image.new("RGBA", (side, side), (10, 20, 30, 255))
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def truncated_big_png(side: int = 7000) -> bytes:
    """The header of a large PNG and only the start of its data."""
    data = rgba_png_bomb(side)
    return data[: max(200, len(data) // 20)]


def phone_photo_bytes(size=(8000, 6000)) -> bytes:
    """A 48-megapixel phone photo (flat, so it stays small as a file)."""
    image = Image.new("RGB", size, (120, 140, 90))
    ImageDraw.Draw(image).ellipse([100, 100, size[0] // 3, size[1] // 3], fill=(200, 40, 40))
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=85)
    return out.getvalue()


def flat_jpeg(width: int, height: int, *, orientation: int = 1) -> bytes:
    """A baseline JPEG of width x height in one flat colour, made without ever holding its
    pixels: a 32 x 16 JPEG with a restart marker after every MCU (16 x 16 pixels at 4:2:0)
    has two byte-identical MCUs, so the big one is its header with the size changed and that
    MCU repeated, RST0-RST7 between them. 65,500 x 1,831 px is about 2 MB, made in
    milliseconds; decoded in full it is 120 megapixels (480 MB as Pillow's RGB)."""
    exif = Image.Exif()
    exif[0x0112] = orientation  # Orientation
    out = io.BytesIO()
    Image.new("RGB", (32, 16), (120, 140, 90)).save(
        out, format="JPEG", quality=85, subsampling=2, restart_marker_blocks=1,
        exif=exif.tobytes(),
    )  # fmt: skip
    small = out.getvalue()
    sof = small.index(b"\xff\xc0")
    header = (
        small[: sof + 5]
        + height.to_bytes(2, "big")
        + width.to_bytes(2, "big")
        + small[sof + 9 : small.index(b"\xff\xda")]
    )
    sos = small.index(b"\xff\xda")
    scan_start = sos + 2 + int.from_bytes(small[sos + 2 : sos + 4], "big")
    first, second = small[scan_start : small.rindex(b"\xff\xd9")].split(b"\xff\xd0")
    assert first == second, "the two MCUs of a flat colour should be the same bytes"
    mcus = -(-width // 16) * -(-height // 16)
    body = bytearray()
    for i in range(mcus - 1):
        body += first
        body += bytes((0xFF, 0xD0 + i % 8))
    body += first
    return header + small[sos:scan_start] + bytes(body) + b"\xff\xd9"
