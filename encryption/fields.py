"""Encrypted model fields: every encrypted column and file of the site is one of these, so
that key rotation finds them all by walking the models (`manage.py rotate_keys`).

- `EncryptedJSONField`: the column holds a Fernet token
  (encryption.crypto); the attribute reads as the decrypted value, decrypted when first read
  (a list of reports never decrypts what it does not show), and setting it encrypts at once.
- `EncryptedFileField`: a file field whose files hold encrypted bytes.

Fail closed: a token that does not decrypt with any key raises `crypto.DecryptionError`
(logged without its content), never reads as empty.
"""

from __future__ import annotations

import contextlib
import copy
from contextvars import ContextVar

from django.db import models
from django.db.models.query_utils import DeferredAttribute

from encryption import crypto, sealing


class Ciphertext(str):
    """A value as stored (a token): assigned as it is, never encrypted again."""


class _DecryptingAttribute(DeferredAttribute):
    def __get__(self, instance, cls=None):
        if instance is None:
            return self
        token = super().__get__(instance, cls)
        cache = instance.__dict__.setdefault("_decrypted_fields", {})
        cached = cache.get(self.field.attname)
        if cached is not None and cached[0] is token:
            return cached[1]
        value = self.field.decrypt(token)
        cache[self.field.attname] = (token, value)
        return value

    def __set__(self, instance, value):
        if not isinstance(value, Ciphertext):
            value = self.field.encrypt(value)
        instance.__dict__[self.field.attname] = value


class EncryptedJSONField(models.TextField):
    """Any JSON value (a dict of answers, a string), encrypted as one document. `empty` is
    what an absent value reads as ("" or {})."""

    descriptor_class = _DecryptingAttribute

    def __init__(self, *args, empty=None, **kwargs):
        self.empty = empty
        kwargs.setdefault("blank", True)
        kwargs["editable"] = False
        super().__init__(*args, **kwargs)

    def encrypt(self, value) -> Ciphertext:
        if value is None or value == "":
            return Ciphertext("")
        return Ciphertext(crypto.encrypt_json(value))

    def decrypt(self, token):
        if not token:
            return copy.copy(self.empty)
        return crypto.decrypt_json_strict(token)

    def from_db_value(self, value, expression, connection):
        return Ciphertext(value or "")

    def pre_save(self, model_instance, add):
        return model_instance.__dict__.get(self.attname, "")

    def get_prep_value(self, value):
        if isinstance(value, Ciphertext):
            return str(value)
        return str(self.encrypt(value))

    def value_to_string(self, obj):
        # Serialised (dumpdata) as stored: a dump never holds clear text.
        return str(obj.__dict__.get(self.attname, ""))

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("editable", None)
        kwargs.pop("blank", None)
        if self.empty is not None:
            kwargs["empty"] = self.empty
        return name, path, args, kwargs


class EncryptedFileField(models.FileField):
    """A file field whose files are sealed (crypto.seal; older ones Fernet tokens)."""


class _Clear:
    """A value set on a sealed field and not saved yet: sealed by `pre_save`, when the
    instance knows its place (the report's reference)."""

    __slots__ = ("value",)

    def __init__(self, value):
        self.value = value


_as_stored: ContextVar[bool] = ContextVar("jedisstop_sealed_as_stored", default=False)


@contextlib.contextmanager
def read_as_stored():
    """Sealed attributes read as their stored tokens in this block (a row refreshed from the
    database copies them without opening them)."""
    token = _as_stored.set(True)
    try:
        yield
    finally:
        _as_stored.reset(token)


class _OpeningAttribute(DeferredAttribute):
    def __get__(self, instance, cls=None):
        if instance is None:
            return self
        token = super().__get__(instance, cls)
        if isinstance(token, _Clear):
            return token.value
        if _as_stored.get():
            return token
        cache = instance.__dict__.setdefault("_decrypted_fields", {})
        cached = cache.get(self.field.attname)
        if cached is not None and cached[0] is token:
            return cached[1]
        value = self.field.open(instance, token)
        cache[self.field.attname] = (token, value)
        return value

    def __set__(self, instance, value):
        if not isinstance(value, Ciphertext):
            value = _Clear(value)
        instance.__dict__[self.field.attname] = value


class NotYetSealed(Exception):
    """Raised by a model's `sealing_key` when its owner has no keys yet (kept from before)."""


class SealedJSONField(EncryptedJSONField):
    """A JSON value sealed to the people who may read it (encryption.sealing), not to the
    server: the model says which key and which place (`sealing_key(field)`, giving the key
    and the associated data). Set, it is kept clear on the instance until saved; read, it
    is opened with the key of whoever is reading, or refused (`sealing.Locked`).

    Values written before under the environment's key still read (until they are sealed).
    """

    descriptor_class = _OpeningAttribute

    def open(self, instance, token):
        if not token:
            return copy.copy(self.empty)
        if sealing.is_sealed_value(token):
            key, context = instance.sealing_key(self)
            return sealing.open_value(key, token, context=context)
        return crypto.decrypt_json_strict(token)

    def pre_save(self, model_instance, add):
        value = model_instance.__dict__.get(self.attname, "")
        if isinstance(value, _Clear):
            clear = value.value
            if clear is None or clear == "" or clear == self.empty:
                token = Ciphertext("")
            else:
                token = Ciphertext(self._seal(model_instance, clear))
            model_instance.__dict__[self.attname] = token
            model_instance.__dict__.setdefault("_decrypted_fields", {})[self.attname] = (
                token, clear,
            )  # fmt: skip
            return token
        return value

    def _seal(self, instance, clear) -> str:
        try:
            key, context = instance.sealing_key(self)
        except NotYetSealed:
            # Its owner was kept from before sealing: under the site's key, as its other
            # values, until it is sealed.
            return crypto.encrypt_json(clear)
        return sealing.seal_value(key, clear, context=context)

    def get_prep_value(self, value):
        if isinstance(value, Ciphertext):
            return str(value)
        if value is None or value == "":
            return ""
        # An update() or a filter with a clear value: there is no place to bind it to.
        raise ValueError("A sealed field is sealed when its instance is saved, never in a query.")

    def value_from_object(self, obj):
        # Serialised (dumpdata) as stored, and without opening it.
        return self.value_to_string(obj)

    def value_to_string(self, obj):
        value = obj.__dict__.get(self.attname, "")
        return "" if isinstance(value, _Clear) else str(value)


class SealedFileField(EncryptedFileField):
    """A file field whose files are sealed to people (encryption.sealing.seal_file)."""


def encrypted_fields():
    """Every model with encrypted columns or files, found by walking the models:
    [(model, [EncryptedJSONField…], [EncryptedFileField…])]."""
    from django.apps import apps

    found = []
    for model in apps.get_models():
        if model._meta.proxy:
            continue
        fields = model._meta.concrete_fields
        columns = [f for f in fields if isinstance(f, EncryptedJSONField)]
        files = [f for f in fields if isinstance(f, EncryptedFileField)]
        if columns or files:
            found.append((model, columns, files))
    return found
