"""The files part of a backup: every file of the public and the private storage, read and
written through the storage API (the file system or a bucket alike)."""

from __future__ import annotations

from django.core.files.base import ContentFile
from django.core.files.storage import storages

from backups.archive import BackupError

STORES = {"media": "default", "private": "private"}


def walk(storage, folder: str = ""):
    try:
        dirs, names = storage.listdir(folder)
    except (FileNotFoundError, NotADirectoryError):
        return
    for name in sorted(names):
        yield f"{folder}/{name}" if folder else name
    for sub in sorted(dirs):
        yield from walk(storage, f"{folder}/{sub}" if folder else sub)


def every_file():
    """(archive name, storage, name in the storage) for every stored file."""
    for prefix, alias in STORES.items():
        storage = storages[alias]
        for name in walk(storage):
            yield f"{prefix}/{name}", storage, name


def check_empty() -> None:
    for prefix, alias in STORES.items():
        if next(walk(storages[alias]), None) is not None:
            raise BackupError(f"The {prefix} files are not empty: restore only into empty ones.")


def put(archive_name: str, data: bytes) -> None:
    prefix, _, name = archive_name.partition("/")
    if prefix not in STORES or not name or ".." in name.split("/"):
        raise BackupError(f"Unexpected file in the backup: {archive_name}")
    storage = storages[STORES[prefix]]
    saved = storage.save(name, ContentFile(data))
    if saved != name:
        raise BackupError(f"{archive_name} could not keep its name ({saved}).")
