"""Re-encrypt everything the site keeps encrypted with the newest key of
REPORT_ENCRYPTION_KEYS, or (--check) prove that the newest key alone reads all of it.

What is encrypted is found, not listed: every encrypted column and file of every model
(encryption.fields), the photos kept while the database was down (reports.intake.stash) and the
sign-in library's secrets (staff.authenticators). Files are rewritten under a new name
before the old one is removed: a crash half-way loses nothing.

The procedure (README, "Key rotation"): put the new key first, run `rotate_keys`, run
`rotate_keys --check` until it says everything reads with the newest key, then drop the old
key.
"""

from __future__ import annotations

from cryptography.fernet import InvalidToken
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from encryption import crypto, sealing
from encryption.fields import Ciphertext, encrypted_fields
from reports.intake import stash
from staff import authenticators


class Command(BaseCommand):
    help = "Re-encrypt every encrypted value and file with the newest key (--check: verify)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--check",
            action="store_true",
            help="Change nothing; fail unless everything decrypts with the newest key alone.",
        )

    def handle(self, *args, check=False, **options):
        crypto.reset_keys()
        if check:
            return self._check()
        values = files = failed = 0
        for model, columns, file_fields in encrypted_fields():
            for pk in model._default_manager.values_list("pk", flat=True).iterator():
                done, bad = self._rotate_row(model, pk, columns)
                values, failed = values + done, failed + bad
                for field in file_fields:
                    done, bad = self._rotate_file(model, pk, field)
                    files, failed = files + done, failed + bad
        done, bad = stash.rotate_all(crypto.rotate)
        files, failed = files + done, failed + bad
        done, bad = authenticators.rotate_secrets(crypto.rotate)
        values, failed = values + done, failed + bad
        self.stdout.write(f"Re-encrypted {values} values and {files} files with the newest key.")
        if failed:
            raise CommandError(
                f"{failed} values or files could not be read with any key: left as they are. "
                "Do not drop a key before `rotate_keys --check` passes."
            )
        return None

    @staticmethod
    def _rotate_row(model, pk, columns) -> tuple[int, int]:
        done = failed = 0
        with transaction.atomic():
            row = model._default_manager.select_for_update().filter(pk=pk)
            tokens = row.values(*[f.attname for f in columns]).first() or {}
            updates = {}
            for name, token in tokens.items():
                if not token or sealing.is_sealed_value(token):
                    continue  # sealed to the team: no key of the site's opens it
                try:
                    updates[name] = Ciphertext(crypto.rotate(token.encode("ascii")).decode())
                    done += 1
                except (InvalidToken, UnicodeError):
                    failed += 1
            if updates:
                row.update(**updates)
        return done, failed

    @staticmethod
    def _rotate_file(model, pk, field) -> tuple[int, int]:
        instance = model._default_manager.get(pk=pk)
        old = getattr(instance, field.attname).name
        if not old:
            return 0, 0
        storage = field.storage
        try:
            with storage.open(old, "rb") as fh:
                data = fh.read()
            if sealing.is_sealed_file(data):
                return 0, 0  # sealed to the team: no key of the site's opens it
            rotated = crypto.rotate(data)
        except (OSError, InvalidToken):
            return 0, 1
        new = storage.save(field.generate_filename(instance, "rotated.bin"), ContentFile(rotated))
        with transaction.atomic():
            swapped = (
                model._default_manager.filter(pk=pk, **{field.attname: old})
                .update(**{field.attname: new})
            )  # fmt: skip
        # The row points at the new file before the old one goes (and if the row changed
        # meanwhile, the new file is the one to drop).
        storage.delete(old if swapped else new)
        return (1, 0) if swapped else (0, 0)

    def _check(self):
        readable = crypto.readable_with_newest_key
        bad: list[str] = []
        values = files = 0
        for model, columns, file_fields in encrypted_fields():
            label = model._meta.label
            names = [f.attname for f in columns]
            for row in model._default_manager.values("pk", *names).iterator():
                for name in names:
                    if row[name] and not sealing.is_sealed_value(row[name]):
                        values += 1
                        if not readable(row[name].encode("ascii")):
                            bad.append(f"{label} {row['pk']} {name}")
            for field in file_fields:
                for pk, name in model._default_manager.values_list("pk", field.attname):
                    if not name:
                        continue
                    files += 1
                    try:
                        with field.storage.open(name, "rb") as fh:
                            data = fh.read()
                        if sealing.is_sealed_file(data):
                            files -= 1
                            continue
                        ok = readable(data)
                    except OSError:
                        ok = False
                    if not ok:
                        bad.append(f"{label} {pk} {field.name} (file)")
        files += stash.count_files()
        bad += stash.unreadable(readable)
        values += authenticators.count_secrets()
        bad += authenticators.unreadable_secrets(readable)
        if bad:
            for where in bad[:50]:
                self.stderr.write(f"not readable with the newest key: {where}")
            raise CommandError(
                f"{len(bad)} of {values + files} values and files need the older keys: "
                "run `manage.py rotate_keys`, and keep the older keys until this passes."
            )
        self.stdout.write(
            f"All {values} values and {files} files read with the newest key alone: "
            "the older keys may be dropped."
        )
