from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages


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


def private_storage():
    return storages["private"]
