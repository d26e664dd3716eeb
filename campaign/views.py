from django.conf import settings
from django.contrib.syndication.views import Feed
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from campaign.markup import render_markdown
from campaign.models import Article, KeyFigure, Organisation, Page
from edge.httpcache import public_page
from partners.models import Partner

NEWS_PER_PAGE = 10


def _next_publication():
    return Article.objects.seconds_until_next_publication()


# Pages that list or link articles change by themselves when a scheduled one goes live.
news_page = public_page(expires=_next_publication)


@require_safe
@news_page
def home(request):
    context = {
        "figures": KeyFigure.objects.all()[:6],
        "articles": Article.objects.published().in_language()[:3],
        "partners": Partner.objects.all(),
    }
    return render(request, "campaign/home.html", context)


@require_safe
@public_page
def page(request, slug: str):
    page = get_object_or_404(Page, slug=slug)
    context = {"page": page}
    if slug == Page.Key.PRIVACY:
        context["organisation"] = Organisation.current()
        context["retention_days"] = settings.REPORT_RETENTION_DAYS
    return render(request, "campaign/page.html", context)


@require_safe
@public_page
def figures(request):
    return render(request, "campaign/figures.html", {"figures": KeyFigure.objects.all()})


@require_safe
@news_page
def news_list(request):
    articles = Article.objects.published().in_language().only(
        "pk", "title", "slug", "summary", "published_at", "date_shown", "image", "image_width",
        "image_height", "image_alt",
    )  # fmt: skip
    paginator = Paginator(articles, NEWS_PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("page"))
    return render(request, "campaign/news_list.html", {"page_obj": page_obj})


def _can_preview(user) -> bool:
    return user.is_active and user.is_staff and user.has_perm("campaign.change_article")


@require_safe
@news_page
def article(request, pk: int, slug: str):
    article = get_object_or_404(Article, pk=pk)
    preview = not article.is_public
    if preview and not _can_preview(request.user):
        raise Http404
    language = translation.get_language()
    if language not in article.languages():
        # Say so, and point to the languages it exists in, rather than an empty page.
        links = []
        for code in article.languages():
            with translation.override(code):
                links.append((code, article.title, article.get_absolute_url()))
        return render(
            request, "campaign/article_missing.html", {"article": article, "links": links}
        )
    if slug != article.slug:
        return redirect(article.get_absolute_url(), permanent=not preview)
    alternates = []
    for code in article.languages():
        with translation.override(code):
            alternates.append((code, request.build_absolute_uri(article.get_absolute_url())))
    published = Article.objects.published().in_language()
    context = {
        "article": article,
        "preview": preview,
        "alternates": alternates,
        "newer": published.filter(published_at__gt=article.published_at)
        .order_by("published_at")
        .first(),
        "older": published.filter(published_at__lt=article.published_at).first(),
    }
    response = render(request, "campaign/article.html", context)
    if preview:
        response["Cache-Control"] = "private, no-store"
    return response


class NewsFeed(Feed):
    feed_type = Atom1Feed

    def title(self):
        return _("I say STOP! — news")

    def subtitle(self):
        return _(
            "News of the campaign against the sexual exploitation of children "
            "in travel and tourism."
        )

    def link(self):
        return reverse("campaign:news")

    def items(self):
        return Article.objects.published().in_language()[:20]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return render_markdown(item.summary or item.body[:500])

    def item_pubdate(self, item):
        # Only a full date is given: an archive whose day is not known, or a day whose year no
        # fact fixes, gives no date rather than an invented one (the Atom entry keeps <updated>).
        return item.published_at if item.date_shown == Article.DateShown.DAY else None

    def item_updateddate(self, item):
        return item.updated_at

    def language(self):
        return translation.get_language()


news_feed = news_page(NewsFeed())
