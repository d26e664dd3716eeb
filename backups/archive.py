"""The archive: a tar stream encrypted in chunks (Fernet), so that neither writing nor
reading needs the whole backup in memory.

Format: the line `JDSBACKUP1\n`, then chunks, each a 4-byte big-endian length and a Fernet
token of at most CHUNK bytes of the tar stream, then a chunk of length 0.
"""

from __future__ import annotations

import io
import struct

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

MAGIC = b"JDSBACKUP1\n"
CHUNK = 8 * 1024 * 1024


class BackupError(Exception):
    pass


def backup_key() -> Fernet:
    key = getattr(settings, "BACKUP_ENCRYPTION_KEY", "")
    if not key:
        raise ImproperlyConfigured(
            "BACKUP_ENCRYPTION_KEY must be set (a Fernet key, kept apart from the backups)."
        )
    try:
        return Fernet(key)
    except ValueError as error:
        raise ImproperlyConfigured("BACKUP_ENCRYPTION_KEY must be a Fernet key.") from error


class EncryptingWriter(io.RawIOBase):
    """A file-like sink: what is written goes out encrypted, chunk by chunk."""

    def __init__(self, out, fernet: Fernet):
        self.out, self.fernet, self.buffer = out, fernet, bytearray()
        out.write(MAGIC)

    def writable(self):
        return True

    def write(self, data) -> int:
        self.buffer += data
        while len(self.buffer) >= CHUNK:
            self._flush_chunk(bytes(self.buffer[:CHUNK]))
            del self.buffer[:CHUNK]
        return len(data)

    def _flush_chunk(self, data: bytes) -> None:
        token = self.fernet.encrypt(data)
        self.out.write(struct.pack(">I", len(token)) + token)

    def close(self):
        if not self.closed:
            if self.buffer:
                self._flush_chunk(bytes(self.buffer))
            self.out.write(struct.pack(">I", 0))
            self.out.flush()
        super().close()


class DecryptingReader(io.RawIOBase):
    """A file-like source reading an encrypted archive back."""

    def __init__(self, source, fernet: Fernet):
        self.source, self.fernet, self.buffer, self.done = source, fernet, b"", False
        if source.read(len(MAGIC)) != MAGIC:
            raise BackupError("This is not a Je dis STOP! backup.")

    def readable(self):
        return True

    def readinto(self, target) -> int:
        while not self.buffer and not self.done:
            header = self.source.read(4)
            if len(header) != 4:
                raise BackupError("The backup is cut short.")
            (length,) = struct.unpack(">I", header)
            if length == 0:
                self.done = True
                break
            token = self.source.read(length)
            if len(token) != length:
                raise BackupError("The backup is cut short.")
            try:
                self.buffer = self.fernet.decrypt(token)
            except InvalidToken as error:
                raise BackupError(
                    "The backup does not decrypt with BACKUP_ENCRYPTION_KEY (or was altered)."
                ) from error
        count = min(len(target), len(self.buffer))
        target[:count] = self.buffer[:count]
        self.buffer = self.buffer[count:]
        return count
