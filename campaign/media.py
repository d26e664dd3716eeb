"""Public uploads (article images, partner logos), served by the site itself.

Whatever holds them (the file system, or a private S3 bucket), pages link only to this
site, so a reporter's browser never talks to a third party. Only images are served: an
upload of any other kind is never delivered from the site's own origin.
"""

import posixpath

from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.views.decorators.http import require_safe

SERVED_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
                ".webp": "image/webp", ".gif": "image/gif"}  # fmt: skip
# Upload names never repeat (the storage adds a suffix, renditions carry the source's
# name), so a browser may keep a file for a day.
MAX_AGE = 86400


@require_safe
def serve(request, name: str):
    clean = posixpath.normpath(name)
    if clean != name or clean.startswith(("/", "..")) or "\\" in name or "\x00" in name:
        raise Http404
    content_type = SERVED_TYPES.get(posixpath.splitext(clean)[1].lower())
    if content_type is None:
        raise Http404
    private = False
    if clean.startswith("news/"):
        # An article's image is public only with the article: a draft's image, or a file
        # of no article, is not served to visitors (editors see their drafts' images).
        from campaign.models import Article

        article = Article.objects.owning_file(clean)
        if article is None or not article.is_public:
            if not (request.user.is_authenticated and request.user.is_staff):
                raise Http404
            private = True
    try:
        handle = default_storage.open(clean, "rb")
    except (OSError, SuspiciousFileOperation):  # missing, a folder, out of bounds
        raise Http404 from None
    response = FileResponse(handle, content_type=content_type)
    response["Cache-Control"] = "private, no-store" if private else f"public, max-age={MAX_AGE}"
    response["Content-Disposition"] = "inline"
    return response
