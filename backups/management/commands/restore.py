"""Bring a backup back into an empty database and empty file stores."""

from __future__ import annotations

import json
import tarfile
import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from backups import database, files
from backups.archive import BackupError, DecryptingReader, backup_key


class Command(BaseCommand):
    help = "Restore a backup into an empty database and empty file stores."

    def add_arguments(self, parser):
        parser.add_argument("backup", help="the file written by `manage.py backup`")

    def handle(self, *args, backup, **options):
        fernet = backup_key()
        if not database.is_empty():
            raise CommandError("The database is not empty: restore only into an empty database.")
        try:
            files.check_empty()
            restored = self._restore(Path(backup), fernet)
        except (BackupError, OSError, tarfile.TarError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Restored the database and {restored} files from {backup}.")

    @staticmethod
    def _restore(path: Path, fernet) -> int:
        manifest, expected, restored = None, None, 0
        with path.open("rb") as source, tempfile.TemporaryDirectory() as scratch:
            reader = DecryptingReader(source, fernet)
            with tarfile.open(fileobj=reader, mode="r|") as tar:
                for member in tar:
                    if not member.isfile():
                        continue
                    data = tar.extractfile(member).read()
                    if member.name == "manifest.json":
                        manifest = json.loads(data)
                    elif member.name == "database":
                        if manifest is None:
                            raise BackupError("The backup has no manifest.")
                        dumped = Path(scratch) / "database"
                        dumped.write_bytes(data)
                        database.load(dumped, manifest["engine"])
                    elif member.name == "end.json":
                        expected = json.loads(data)["files"]
                    else:
                        files.put(member.name, data)
                        restored += 1
        if expected is None or expected != restored:
            raise BackupError(
                f"The backup is incomplete: {restored} files restored, {expected} expected."
            )
        return restored
