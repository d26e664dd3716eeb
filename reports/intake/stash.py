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

from encryption import crypto
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
    data_name = storage.save(f"{stem}.bin", ContentFile(crypto.seal(photo.data)))
    try:
        storage.save(f"{stem}.meta", ContentFile(crypto.encrypt_json(meta).encode()))
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
                meta = crypto.decrypt_json(fh.read().decode(), default=None)
        except (OSError, crypto.DecryptionError):
            continue  # unreadable (logged): never shown, purged with the rest after 24 h
        if meta:
            photos.append(StashedPhoto(pk="s" + name.removesuffix(".meta"), **meta))
    return photos


def _read(token: str, photo: StashedPhoto) -> bytes:
    with private_storage().open(f"{_folder(token)}/{photo.pk[1:]}.bin", "rb") as fh:
        return crypto.decrypt_bytes(fh.read())


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
        except OSError:
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


def _pairs():
    """Every kept photo as (folder, stem) — its .meta and .bin files."""
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
            yield f"{ROOT}/{folder}", name.removesuffix(".meta")


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
