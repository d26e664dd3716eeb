"""Sealing to people: what a report's keys are, and how they are kept for their holders.

- A report has two random keys (AES-256-GCM). Its **team key** seals what only the team may
  read (notes, photos, links); its **channel key** seals what the reporter may read too
  (their answers, the messages to and from them).
- Each key is *wrapped* to a holder's X25519 public key, like a sealed box: an ephemeral key
  pair, X25519, HKDF-SHA256, AES-256-GCM. The holders are the team's members, the
  organisation's recovery key and, for the channel key, the reporter, whose key pair is
  derived from their follow-up code (Argon2id, a salt of the report's own).
- Every ciphertext is bound to its place (the associated data: the report's reference, the
  field, the holder), so that nothing can be swapped between reports, fields or holders in
  the database unnoticed. Nonces are random, 96 bits, never counted.

This module holds no key beyond a call and logs nothing; a value that does not open raises
`Locked`, which never says more.
"""

from __future__ import annotations

import base64
import binascii
import json
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from encryption.staffkeys import Argon2Params, Locked

KEY_BYTES = 32
NONCE_BYTES = 12
SALT_BYTES = 16
RAW = serialization.Encoding.Raw
# A sealed column starts with this; Fernet tokens (the environment's key) start with "gAAAA".
VALUE_PREFIX = "s1:"
# A sealed file starts with a zero byte, as the environment's sealed files do, and a version
# of its own.
FILE_PREFIX = b"\x00JDS2"

__all__ = [
    "Argon2Params",
    "Locked",
    "Unwrapper",
    "Wrapper",
    "is_sealed_file",
    "is_sealed_value",
    "new_key",
    "open_file",
    "open_value",
    "reporter_private_key",
    "seal_file",
    "seal_value",
    "unwrap_with",
    "wrap_to",
]  # fmt: skip


def new_key() -> bytes:
    return os.urandom(KEY_BYTES)


def _aead_seal(key: bytes, plaintext: bytes, context: bytes) -> bytes:
    nonce = os.urandom(NONCE_BYTES)
    return nonce + AESGCM(key).encrypt(nonce, plaintext, context)


def _aead_open(key: bytes, sealed: bytes, context: bytes) -> bytes:
    if len(sealed) < NONCE_BYTES + 16 or len(key) != KEY_BYTES:
        raise Locked
    try:
        return AESGCM(key).decrypt(sealed[:NONCE_BYTES], sealed[NONCE_BYTES:], context)
    except InvalidTag:
        raise Locked from None


def _box_key(shared: bytes, ephemeral: bytes, recipient: bytes) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None,
        info=b"jedisstop sealed box v1" + ephemeral + recipient,
    ).derive(shared)  # fmt: skip


def wrap_to(public_key: bytes, key: bytes, *, context: bytes) -> bytes:
    """`key` sealed to the holder of `public_key`: ephemeral public key + nonce + ciphertext."""
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = ephemeral.public_key().public_bytes(RAW, serialization.PublicFormat.Raw)
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(public_key))
    return ephemeral_public + _aead_seal(
        _box_key(shared, ephemeral_public, public_key), key, context
    )


def unwrap_with(private_key: bytes, wrapped: bytes, *, context: bytes) -> bytes:
    if len(wrapped) < KEY_BYTES + NONCE_BYTES + 16:
        raise Locked
    try:
        private = X25519PrivateKey.from_private_bytes(private_key)
        ephemeral_public = wrapped[:KEY_BYTES]
        shared = private.exchange(X25519PublicKey.from_public_bytes(ephemeral_public))
    except ValueError:
        raise Locked from None
    own_public = private.public_key().public_bytes(RAW, serialization.PublicFormat.Raw)
    return _aead_open(_box_key(shared, ephemeral_public, own_public), wrapped[KEY_BYTES:], context)


class Wrapper:
    """Wraps many keys to one holder's `public_key` with one ephemeral key pair, so one
    X25519 for the lot (a report's two keys, a grant's batch). Each wrap has its own nonce
    and context, in wrap_to's format: unwrap_with opens it."""

    def __init__(self, public_key: bytes):
        ephemeral = X25519PrivateKey.generate()
        self._ephemeral = ephemeral.public_key().public_bytes(RAW, serialization.PublicFormat.Raw)
        shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(public_key))
        self._box = _box_key(shared, self._ephemeral, public_key)

    def wrap(self, key: bytes, *, context: bytes) -> bytes:
        return self._ephemeral + _aead_seal(self._box, key, context)


class Unwrapper:
    """Opens many wraps with one private key: one X25519 for each ephemeral key met (a
    report's keys share one), then AES-GCM alone. Raises Locked as unwrap_with does."""

    def __init__(self, private_key: bytes):
        try:
            self._private = X25519PrivateKey.from_private_bytes(private_key)
        except ValueError:
            raise Locked from None
        self._public = self._private.public_key().public_bytes(RAW, serialization.PublicFormat.Raw)
        self._boxes: dict[bytes, bytes] = {}

    def unwrap(self, wrapped: bytes, *, context: bytes) -> bytes:
        if len(wrapped) < KEY_BYTES + NONCE_BYTES + 16:
            raise Locked
        ephemeral = wrapped[:KEY_BYTES]
        box = self._boxes.get(ephemeral)
        if box is None:
            try:
                shared = self._private.exchange(X25519PublicKey.from_public_bytes(ephemeral))
            except ValueError:
                raise Locked from None
            box = self._boxes[ephemeral] = _box_key(shared, ephemeral, self._public)
        return _aead_open(box, wrapped[KEY_BYTES:], context)


def seal_value(key: bytes, value, *, context: bytes) -> str:
    """A JSON value sealed under `key`, as text for a column."""
    data = json.dumps(value, ensure_ascii=False).encode()
    return VALUE_PREFIX + base64.urlsafe_b64encode(_aead_seal(key, data, context)).decode("ascii")


def is_sealed_value(token: str) -> bool:
    return isinstance(token, str) and token.startswith(VALUE_PREFIX)


def open_value(key: bytes, token: str, *, context: bytes):
    try:
        sealed = base64.urlsafe_b64decode(token[len(VALUE_PREFIX) :].encode("ascii"))
        return json.loads(_aead_open(key, sealed, context))
    except (binascii.Error, UnicodeError, ValueError):
        raise Locked from None


def seal_file(key: bytes, data: bytes, *, context: bytes) -> bytes:
    return FILE_PREFIX + _aead_seal(key, data, context)


def is_sealed_file(data: bytes) -> bool:
    return data.startswith(FILE_PREFIX)


def open_file(key: bytes, data: bytes, *, context: bytes) -> bytes:
    if not data.startswith(FILE_PREFIX):
        raise Locked
    return _aead_open(key, data[len(FILE_PREFIX) :], context)


def reporter_private_key(code: str, salt: bytes, params: Argon2Params) -> bytes:
    """The reporter's X25519 private key, derived from their (normalised) follow-up code."""
    seed = Argon2id(
        salt=salt, length=KEY_BYTES, iterations=params.iterations, lanes=params.lanes,
        memory_cost=params.memory_kib,
    ).derive(code.encode())  # fmt: skip
    return X25519PrivateKey.from_private_bytes(seed).private_bytes(
        RAW, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )


def public_key_of(private: bytes) -> bytes:
    return (
        X25519PrivateKey.from_private_bytes(private)
        .public_key()
        .public_bytes(RAW, serialization.PublicFormat.Raw)
    )


def new_salt() -> bytes:
    return os.urandom(SALT_BYTES)
