"""Peak memory of a process fed the hostile images found by the attack (make bench).

Each case runs in a fresh Python process with Django set up, as a web process would, and
prints its peak resident memory. Target (README, "Limits"): under 250 MB.

  one 190 KB PNG of 7000 x 7000 RGBA          (took a web process to 633 MB)
  20 truncated 49-megapixel PNGs, one request  (8.5 s of CPU)
  a 169-megapixel PNG as an editor's image     (7.8 s, +330 MB)
  a 48-megapixel phone photo (accepted)
  a 2 MB JPEG of 65,500 x 1,831 px, EXIF orientation 6 (took a web process to 1,055 MB),
    as a reporter's photo and as an editor's image
  a family of flat JPEGs just under the pixel limit (120 megapixels), from 1:1 to 1:40
    (at most 65,500 px, JPEG's limit), orientations 1 and 6
  a progressive JPEG at the bound of what libjpeg holds whole (4096 x 4096, 4:2:0), and
    one over it (4:4:4, refused)
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CASE = """
import os, resource, sys, time
sys.path.insert(0, {root!r})
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jedisstop.settings")
import django
django.setup()
from pathlib import Path
from django.core.files.uploadedfile import SimpleUploadedFile
case, folder = {case!r}, Path({folder!r})
data = (folder / f"{{case}}.bin").read_bytes()
count = 20 if case == "truncated_pngs" else 1
files = [SimpleUploadedFile(f"{{case}}-{{i}}.png", data) for i in range(count)]
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.process_time()
if case == "editor_169mp":
    from media import guard as imageguard
    try:
        imageguard.validate_upload(files[0])
    except Exception:
        pass
elif case.startswith("editor_"):
    from campaign.images import clean_upload
    from media import guard as imageguard
    try:
        imageguard.validate_upload(files[0])
        clean_upload(files[0])
    except Exception:
        pass
else:
    from reports.intake.images import PhotoError, clean_photo
    for f in files[:5]:  # at most REPORT_MAX_PHOTOS are decoded per request
        try:
            clean_photo(f, keep_place_and_time=False, max_bytes=20 * 2**20)
        except PhotoError:
            pass
cpu = time.process_time() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(f"{{peak / 1024:.0f}} {{before / 1024:.0f}} {{cpu:.2f}}")
"""

MAX_PIXELS = 119_900_000  # just under imageguard.MAX_PIXELS_JPEG
RATIOS = (1, 2, 5, 10, 20, 40)


def _thin_size(ratio: int) -> tuple[int, int]:
    height = int((MAX_PIXELS / ratio) ** 0.5)
    return min(65_500, ratio * height), height


FAMILY = {
    f"jpeg_1to{ratio}_o{orientation}": (_thin_size(ratio), orientation)
    for ratio in RATIOS
    for orientation in (1, 6)
}
CASES = [
    "png_bomb", "truncated_pngs", "editor_169mp", "phone_48mp",
    "long_thin_jpeg", "editor_long_thin_jpeg", *FAMILY,
    "progressive_16mp_420", "progressive_16mp_444",
]  # fmt: skip


def make_files(folder: Path) -> None:
    """The hostile files, made once in a process of their own (making them takes memory
    that must not count)."""
    sys.path.insert(0, str(ROOT))
    from tests import images

    makers = {
        "png_bomb": lambda: images.rgba_png_bomb(7000),
        "truncated_pngs": lambda: images.truncated_big_png(7000),
        "editor_169mp": lambda: images.rgba_png_bomb(13000),
        "phone_48mp": lambda: images.phone_photo_bytes((8000, 6000)),
        "long_thin_jpeg": lambda: images.flat_jpeg(65_500, 1_831, orientation=6),
        "editor_long_thin_jpeg": lambda: images.flat_jpeg(65_500, 1_831, orientation=6),
        "progressive_16mp_420": lambda: _progressive(2),
        "progressive_16mp_444": lambda: _progressive(0),
    }
    for case, (size, orientation) in FAMILY.items():
        makers[case] = lambda size=size, orientation=orientation: images.flat_jpeg(
            *size, orientation=orientation
        )
    for case, make in makers.items():
        path = folder / f"{case}.bin"
        if not path.exists():
            path.write_bytes(make())


def _progressive(subsampling: int) -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (4096, 4096), (120, 140, 90)).save(
        out, format="JPEG", quality=85, progressive=True, subsampling=subsampling
    )
    return out.getvalue()


def main() -> int:
    folder = ROOT / "var" / "bench-images"
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [sys.executable, "-c", f"import sys; sys.path.insert(0, {str(ROOT)!r}); "
         f"from scripts.bench_photos import make_files; from pathlib import Path; "
         f"make_files(Path({str(folder)!r}))"],
        cwd=ROOT, check=True,
    )  # fmt: skip
    peaks = []
    for case in CASES:
        started = time.perf_counter()
        out = subprocess.run(
            [sys.executable, "-c", CASE.format(root=str(ROOT), case=case, folder=str(folder))],
            cwd=ROOT, capture_output=True, text=True, check=True,
        )  # fmt: skip
        peak, _before, cpu = out.stdout.split()[-3:]
        peaks.append(float(peak))
        wall = time.perf_counter() - started
        print(f"photo_{case}_peak_rss_mb: {peak}")
        print(f"photo_{case}_cpu_s: {cpu}")
        print(f"photo_{case}_wall_s: {wall:.2f}")
    print(f"hostile_photo_peak_rss_mb: {max(peaks):.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
