"""Photos sent while the database is unreachable, kept in the private storage alone.

A report form whose sending meets a database failure comes back with everything typed;
its photos must not have to be picked again. They are checked and cleaned as usual,
encrypted, and kept under the form's token in the private storage (the file system or the
bucket, which do not depend on the database): a small `.meta` file (size and the details the
reporter chose to keep) and the `.bin` photo. When the form is sent again and the database
answers, they become ordinary pending uploads (`adopt`). Whatever is never adopted is removed
after PENDING_UPLOAD_HOURS, with the other unsent photos.
"""

from __future__ import annotations

import hashlib
import logging
import re
import secrets
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.utils import timezone

from encryption import crypto, sealing
from encryption.sealing import Locked
from reports.intake import form_key
from reports.intake.images import CleanPhoto
from reports.storage import private_storage

logger = logging.getLogger(__name__)
ROOT = "stash"
ID = re.compile(r"^s[0-9a-f]{16}$")


@dataclass
class StashedPhoto:
    pk: str  # "s" + 16 hex digits: the Remove button's value
    width: int
    height: int
    content_type: str
    details: dict = field(default_factory=dict)

    @property
    def about(self) -> dict:  # as a pending upload's (opened already)
        return self.details


def _folder(token: str) -> str:
    return f"{ROOT}/" + hashlib.sha256(f"stash:{token}".encode()).hexdigest()[:32]


def keep(token: str, photo: CleanPhoto) -> None:
    """Encrypt and keep one cleaned photo; raises OSError if the storage fails."""
    storage = private_storage()
    stem = f"{_folder(token)}/{secrets.token_hex(8)}"
    meta = {
        "width": photo.width,
        "height": photo.height,
        "content_type": photo.content_type,
        "details": photo.details,
    }
    # Under the browser's form key (reports.intake.form_key): the server alone reads neither.
    sealed = form_key.seal(photo.data, context=f"stash|{token}")
    data_name = storage.save(f"{stem}.bin", ContentFile(sealed))
    try:
        sealed_meta = form_key.seal_value(meta, context=f"stash meta|{token}")
        storage.save(f"{stem}.meta", ContentFile(sealed_meta.encode()))
    except OSError:
        storage.delete(data_name)
        raise


def listed(token: str) -> list[StashedPhoto]:
    storage = private_storage()
    folder = _folder(token)
    try:
        _dirs, names = storage.listdir(folder)
    except OSError:
        return []
    photos = []
    for name in sorted(n for n in names if n.endswith(".meta")):
        try:
            with storage.open(f"{folder}/{name}", "rb") as fh:
                meta = form_key.open_value(fh.read().decode(), context=f"stash meta|{token}")
        except (OSError, UnicodeDecodeError, Locked):
            # Another browser's, or unreadable: never shown, purged with the rest after 24 h.
            continue
        if meta:
            photos.append(StashedPhoto(pk="s" + name.removesuffix(".meta"), **meta))
    return photos


def _read(token: str, photo: StashedPhoto) -> bytes:
    with private_storage().open(f"{_folder(token)}/{photo.pk[1:]}.bin", "rb") as fh:
        return form_key.open_sealed(fh.read(), context=f"stash|{token}")


def remove(token: str, photo_id: str) -> bool:
    if not ID.match(photo_id):
        return False
    storage = private_storage()
    stem = f"{_folder(token)}/{photo_id[1:]}"
    found = storage.exists(f"{stem}.meta")
    for suffix in (".meta", ".bin"):
        storage.delete(f"{stem}{suffix}")
    return found


def adopt(token: str, store) -> int:
    """Hand the kept photos to `store(token, CleanPhoto)` (which needs the database), then
    forget them. A photo is removed from the stash only once it is stored."""
    count = 0
    for photo in listed(token):
        try:
            data = _read(token, photo)
        except (OSError, Locked):
            continue
        store(
            token,
            CleanPhoto(
                data=data,
                content_type=photo.content_type,
                width=photo.width,
                height=photo.height,
                details=photo.details,
            ),
        )
        remove(token, photo.pk)
        count += 1
    return count


def purge_expired() -> int:
    """Remove stashed photos older than PENDING_UPLOAD_HOURS; return how many files went."""
    storage = private_storage()
    cutoff = timezone.now() - timedelta(hours=settings.PENDING_UPLOAD_HOURS)
    try:
        folders, _files = storage.listdir(ROOT)
    except OSError:
        return 0
    removed = 0
    for folder in folders:
        try:
            _dirs, names = storage.listdir(f"{ROOT}/{folder}")
        except OSError:
            continue
        for name in names:
            path = f"{ROOT}/{folder}/{name}"
            try:
                if storage.get_modified_time(path) < cutoff:
                    storage.delete(path)
                    removed += 1
            except OSError:
                logger.warning("Could not check or remove a stashed photo file")
    return removed


def _under_the_sites_key(folder: str, stem: str) -> bool:
    """Whether a kept photo was stashed before photos were sealed to their browser (under
    the site's key): the only ones that key rotation concerns."""
    try:
        with private_storage().open(f"{folder}/{stem}.bin", "rb") as fh:
            return not sealing.is_sealed_file(fh.read(len(sealing.FILE_PREFIX)))
    except OSError:
        return True  # counted, and said unreadable


def _pairs(*, sites_key_only: bool = True):
    """Every kept photo under the site's key as (folder, stem) — its .meta and .bin files
    (with `sites_key_only=False`, those sealed to their browser too)."""
    storage = private_storage()
    try:
        folders, _files = storage.listdir(ROOT)
    except OSError:
        return
    for folder in folders:
        try:
            _dirs, names = storage.listdir(f"{ROOT}/{folder}")
        except OSError:
            continue
        for name in sorted(n for n in names if n.endswith(".meta")):
            stem = name.removesuffix(".meta")
            if not sites_key_only or _under_the_sites_key(f"{ROOT}/{folder}", stem):
                yield f"{ROOT}/{folder}", stem


def rotate_all(rotate) -> tuple[int, int]:
    """Re-encrypt every kept photo with `rotate(token) -> token`: the new pair is written
    under a new name before the old one is removed, so a crash loses nothing. Returns
    (files rotated, files that could not be read)."""
    storage = private_storage()
    done = failed = 0
    for folder, stem in list(_pairs()):
        try:
            tokens = {}
            for suffix in (".meta", ".bin"):
                with storage.open(f"{folder}/{stem}{suffix}", "rb") as fh:
                    tokens[suffix] = rotate(fh.read())
        except (OSError, crypto.InvalidToken):
            failed += 2
            continue
        new_stem = secrets.token_hex(8)
        for suffix in (".bin", ".meta"):
            storage.save(f"{folder}/{new_stem}{suffix}", ContentFile(tokens[suffix]))
        for suffix in (".meta", ".bin"):
            storage.delete(f"{folder}/{stem}{suffix}")
        done += 2
    return done, failed


def unreadable(readable) -> list[str]:
    """The kept files whose token `readable(token)` refuses (their names only)."""
    storage = private_storage()
    bad = []
    for folder, stem in _pairs():
        for suffix in (".meta", ".bin"):
            name = f"{folder}/{stem}{suffix}"
            try:
                with storage.open(name, "rb") as fh:
                    if not readable(fh.read()):
                        bad.append(name)
            except OSError:
                bad.append(name)
    return bad


def count_files() -> int:
    return 2 * sum(1 for _ in _pairs())
