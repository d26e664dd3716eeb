"""A deleted article's image and renditions go with it. (Public pages are kept by nginx for
SHARED_CACHE_SECONDS at most: an editor's change reaches every visitor within it.)"""

from django.db.models.signals import post_delete


def connect(app_config) -> None:
    from campaign.models import Article

    post_delete.connect(_article_files_go, sender=Article, dispatch_uid="article-files-go")


def _article_files_go(sender, instance, **kwargs):
    """A deleted article's image and renditions go with it, once the deletion is committed."""
    from django.db import transaction

    from campaign.images import delete_files

    if instance.image:
        pk, name = instance.pk, instance.image.name
        transaction.on_commit(lambda: delete_files(pk, name))
