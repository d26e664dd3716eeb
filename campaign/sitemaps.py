from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from campaign.models import Article
from campaign.urls import PAGE_PATHS

STATIC_NAMES = [
    "campaign:home",
    *[f"campaign:{key.value}" for key in PAGE_PATHS],
    "campaign:figures",
    "campaign:news",
    "campaign:contact",
    "partners:list",
    "reports:submit",
    "reports:follow-up",
]


class PagesSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    changefreq = "monthly"

    def items(self):
        return STATIC_NAMES

    def location(self, item):
        return reverse(item)


class ArticleSitemap(Sitemap):
    i18n = True
    alternates = True
    changefreq = "yearly"

    def items(self):
        return Article.objects.published().order_by("-published_at")

    def get_languages_for_item(self, item):
        return item.languages()

    def lastmod(self, item):
        return item.updated_at


SITEMAPS = {"pages": PagesSitemap, "news": ArticleSitemap}
