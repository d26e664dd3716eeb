"""Write an encrypted backup of the database and every file (see backups)."""

from __future__ import annotations

import io
import json
import tarfile
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from backups import database, files
from backups.archive import BackupError, EncryptingWriter, backup_key


def _add_bytes(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size, info.mtime, info.mode = len(data), int(time.time()), 0o600
    tar.addfile(info, io.BytesIO(data))


class Command(BaseCommand):
    help = "Write an encrypted backup: the database, then the public and private files."

    def add_arguments(self, parser):
        parser.add_argument("--output", help="the file to write (default: var/backups/…)")

    def handle(self, *args, output=None, **options):
        fernet = backup_key()
        stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
        target = Path(output or settings.BASE_DIR / "var" / "backups" / f"jedisstop-{stamp}.backup")
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".partial")
        count = 0
        try:
            with tempfile.TemporaryDirectory() as scratch:
                dumped = Path(scratch) / "database"
                database.dump(dumped)  # first: files added after it are harmless extras
                with (
                    partial.open("wb") as out,
                    EncryptingWriter(out, fernet) as sink,
                    tarfile.open(fileobj=sink, mode="w|") as tar,
                ):
                    manifest = {
                        "format": 1,
                        "engine": database.engine(),
                        "created_at": timezone.now().isoformat(),
                    }
                    _add_bytes(tar, "manifest.json", json.dumps(manifest).encode())
                    tar.add(dumped, arcname="database")
                    for name, storage, stored in files.every_file():
                        with storage.open(stored, "rb") as fh:
                            _add_bytes(tar, name, fh.read())
                        count += 1
                    _add_bytes(tar, "end.json", json.dumps({"files": count}).encode())
        except (BackupError, OSError) as error:
            partial.unlink(missing_ok=True)
            raise CommandError(str(error)) from error
        partial.replace(target)
        target.chmod(0o600)
        size = target.stat().st_size
        self.stdout.write(
            f"Backup written: {target} ({size / 1e6:.1f} MB, database and {count} files)"
        )
        return
