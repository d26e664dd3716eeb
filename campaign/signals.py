"""Public content changed: forget the cached public pages so the change shows at once."""

from django.db.models.signals import post_delete, post_migrate, post_save

from jedisstop import pagecache


def connect(app_config) -> None:
    from campaign.models import Article, KeyFigure, Organisation, Page
    from partners.models import Partner

    for model in (Page, KeyFigure, Article, Partner, Organisation):
        post_save.connect(
            pagecache.clear_on_commit, sender=model, dispatch_uid=f"pagecache-save-{model}"
        )
        post_delete.connect(
            pagecache.clear_on_commit, sender=model, dispatch_uid=f"pagecache-delete-{model}"
        )
    post_delete.connect(_article_files_go, sender=Article, dispatch_uid="article-files-go")
    # A new release may change any template or translation.
    post_migrate.connect(pagecache.clear, sender=app_config, dispatch_uid="pagecache-migrate")


def _article_files_go(sender, instance, **kwargs):
    """A deleted article's image and renditions go with it, once the deletion is committed."""
    from django.db import transaction

    from campaign.images import delete_files

    if instance.image:
        pk, name = instance.pk, instance.image.name
        transaction.on_commit(lambda: delete_files(pk, name))
