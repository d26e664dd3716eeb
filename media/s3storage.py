"""S3-compatible storage for uploads (STORAGE_BACKEND=s3), through django-storages.

The bucket stays private: pages never link to it. Public uploads (article images, partner
logos) are served by the site itself at MEDIA_URL (campaign.media), so a reporter's
browser never talks to a third party; report photos are encrypted before they are stored
and have no URL at all.
"""

from django.conf import settings
from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage


class SiteServedS3Storage(S3Storage):
    def url(self, name, parameters=None, expire=None, http_method=None):
        return settings.MEDIA_URL + filepath_to_uri(name)


class PrivateS3Storage(S3Storage):
    def url(self, name, parameters=None, expire=None, http_method=None):
        raise ValueError("Report files have no public URL.")
