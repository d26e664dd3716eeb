from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.functional import LazyObject, empty


class PrivateStorage(FileSystemStorage):
    """Encrypted report files: outside MEDIA_ROOT, with no public URL.

    The location is read from settings on each use, so tests (and a changed PRIVATE_ROOT)
    take effect without a restart.
    """

    def __init__(self, **kwargs):
        kwargs.pop("location", None)
        kwargs.pop("base_url", None)
        super().__init__(**kwargs)

    @property
    def base_location(self):
        return str(settings.PRIVATE_ROOT)

    @property
    def location(self):
        return str(settings.PRIVATE_ROOT)

    def url(self, name):
        raise ValueError("Report files have no public URL.")


class _PrivateStorage(LazyObject):
    """STORAGES["private"], looked up when first used (as Django's default_storage is),
    so that the file fields follow the configured backend: the file system or S3."""

    def _setup(self):
        self._wrapped = storages["private"]


_private = _PrivateStorage()


def private_storage():
    return _private


@receiver(setting_changed)
def _storages_changed(*, setting, **kwargs):
    if setting == "STORAGES":
        _private._wrapped = empty
