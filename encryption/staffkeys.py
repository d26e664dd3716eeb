"""A team member's key pair (X25519) and how it is kept.

- At rest, the private key is wrapped (AES-256-GCM) under a key derived from the member's
  password with Argon2id, with a salt of its own and the parameters stored beside it, so
  they can be raised later. Django's stored password hash plays no part in it.
- Once unlocked at sign-in, it is held for the session under a fresh random key whose only
  copy goes to the browser (a cookie): the session row alone opens nothing.

Every ciphertext is bound to its place (`context`, the associated data), so a wrapped key
cannot be moved to another account unnoticed. Nonces are random, 96 bits. Nothing here
logs, and no error says more than "does not open".
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

NONCE_BYTES = 12
SALT_BYTES = 16
KEY_BYTES = 32
RAW = serialization.Encoding.Raw


class Locked(Exception):
    """What was given does not open this key (never says more)."""


@dataclass(frozen=True)
class Argon2Params:
    memory_kib: int
    iterations: int
    lanes: int


@dataclass(frozen=True)
class Wrapped:
    wrapped: bytes  # nonce + AES-GCM ciphertext of the raw private key
    salt: bytes
    params: Argon2Params


def new_private_key() -> bytes:
    return X25519PrivateKey.generate().private_bytes(
        RAW, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )


def public_key_of(private: bytes) -> bytes:
    return (
        X25519PrivateKey.from_private_bytes(private)
        .public_key()
        .public_bytes(RAW, serialization.PublicFormat.Raw)
    )


def _password_key(password: str, salt: bytes, params: Argon2Params) -> bytes:
    return Argon2id(
        salt=salt, length=KEY_BYTES, iterations=params.iterations, lanes=params.lanes,
        memory_cost=params.memory_kib,
    ).derive(password.encode())  # fmt: skip


def _seal(key: bytes, plaintext: bytes, context: bytes) -> bytes:
    nonce = os.urandom(NONCE_BYTES)
    return nonce + AESGCM(key).encrypt(nonce, plaintext, context)


def _open(key: bytes, sealed: bytes, context: bytes) -> bytes:
    if len(sealed) <= NONCE_BYTES or len(key) != KEY_BYTES:
        raise Locked
    try:
        return AESGCM(key).decrypt(sealed[:NONCE_BYTES], sealed[NONCE_BYTES:], context)
    except InvalidTag:
        raise Locked from None


def wrap(private: bytes, password: str, *, params: Argon2Params, context: bytes) -> Wrapped:
    salt = os.urandom(SALT_BYTES)
    return Wrapped(_seal(_password_key(password, salt, params), private, context), salt, params)


def unwrap(wrapped: Wrapped, password: str, *, context: bytes) -> bytes:
    return _open(_password_key(password, wrapped.salt, wrapped.params), wrapped.wrapped, context)


def hold(private: bytes, *, context: bytes) -> tuple[bytes, bytes]:
    """The private key sealed for a session: (what the session keeps, the key for the
    browser's cookie, its only copy)."""
    cookie_key = os.urandom(KEY_BYTES)
    return _seal(cookie_key, private, context), cookie_key


def release(held: bytes, cookie_key: bytes, *, context: bytes) -> bytes:
    return _open(cookie_key, held, context)


def _passkey_key(prf_output: bytes) -> bytes:
    """The key a passkey's PRF output (WebAuthn's prf extension, 32 bytes the authenticator
    derives from a salt of the site's and its own secret) gives: HKDF-SHA256."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    if len(prf_output) < KEY_BYTES:
        raise Locked
    return HKDF(
        algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None,
        info=b"jedisstop staff key under a passkey v1",
    ).derive(prf_output)  # fmt: skip


def wrap_for_passkey(private: bytes, prf_output: bytes, *, context: bytes) -> bytes:
    return _seal(_passkey_key(prf_output), private, context)


def unwrap_with_passkey(wrapped: bytes, prf_output: bytes, *, context: bytes) -> bytes:
    return _open(_passkey_key(prf_output), wrapped, context)
