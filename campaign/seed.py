"""Load the campaign's seed content (campaign.content) into the database.

Idempotent: what exists already is left as it is, so an editor's changes survive a second run.
Images are drawn with Pillow (never fetched): partner logos are initials on a disc, article
images a calm placeholder that an editor replaces.
"""

from __future__ import annotations

import io
from datetime import datetime

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageDraw, ImageFont

from campaign.images import build_renditions
from campaign.models import Article, KeyFigure, Page
from partners.models import Partner

LANGS = ("fr", "nl", "en")
PALETTE = [(27, 58, 107), (179, 38, 30), (30, 107, 58), (110, 60, 140), (0, 105, 120)]


def _font(size: int):
    try:
        return ImageFont.load_default(size=size)
    except TypeError:  # Pillow built without FreeType
        return ImageFont.load_default()


def _png(image: Image.Image, fmt: str = "PNG") -> ContentFile:
    out = io.BytesIO()
    image.save(out, format=fmt, quality=85)
    return ContentFile(out.getvalue())


def draw_logo(name: str, index: int) -> ContentFile:
    initials = "".join(
        word[0] for word in name.replace("\N{EN DASH}", " ").split()[:2] if word[0].isalnum()
    )
    image = Image.new("RGB", (192, 192), "white")
    draw = ImageDraw.Draw(image)
    draw.ellipse([8, 8, 184, 184], fill=PALETTE[index % len(PALETTE)])
    draw.text((96, 96), initials.upper() or "?", font=_font(72), fill="white", anchor="mm")
    return _png(image)


def draw_article_image(index: int) -> ContentFile:
    width, height = 1600, 900
    base = PALETTE[index % len(PALETTE)]
    image = Image.new("RGB", (width, height), base)
    draw = ImageDraw.Draw(image)
    for i in range(12):
        shade = tuple(min(255, c + 12 * i) for c in base)
        draw.ellipse([width - 200 - 110 * i, -300 + 60 * i, width + 400 - 80 * i, 500 + 90 * i],
                     outline=shade, width=6)  # fmt: skip
    draw.text((80, height - 180), "Je dis STOP!", font=_font(110), fill="white")
    return _png(image, "JPEG")


def _translated(prefix: str, values: dict) -> dict:
    return {f"{prefix}_{lang}": values.get(lang, "") for lang in LANGS}


@transaction.atomic
def load(stdout) -> None:
    from campaign.content.articles import ARTICLES
    from campaign.content.figures import FIGURES
    from campaign.content.pages import PAGES

    counts = {"pages": 0, "figures": 0, "partners": 0, "articles": 0}
    for item in PAGES:
        _page, created = Page.objects.get_or_create(
            slug=item["slug"],
            defaults={
                "order": item["order"],
                **_translated("title", item["title"]),
                **_translated("summary", item["summary"]),
                **_translated("body", item["body"]),
            },
        )
        counts["pages"] += created

    if not KeyFigure.objects.exists():
        for item in FIGURES:
            KeyFigure.objects.create(
                order=item["order"],
                **_translated("value", item["value"]),
                **_translated("label", item["label"]),
            )
            counts["figures"] += 1

    from campaign.content.partners import PARTNERS

    for index, item in enumerate(PARTNERS):
        if Partner.objects.filter(slug=item["slug"]).exists():
            continue
        partner = Partner(
            slug=item["slug"],
            order=item["order"],
            category=item["category"],
            website=item.get("website", ""),
            **_translated("name", item["name"]),
            **_translated("description", item["description"]),
        )
        partner.logo.save(f"{item['slug']}.png", draw_logo(item["name"]["fr"], index), save=False)
        partner.save()
        counts["partners"] += 1

    for index, item in enumerate(ARTICLES):
        if Article.objects.filter(slug_fr=item["slug"]["fr"]).exists():
            continue
        published = timezone.make_aware(datetime.fromisoformat(item["published"]).replace(hour=9))
        article = Article(
            status=Article.Status.PUBLISHED,
            published_at=published,
            **_translated("title", item["title"]),
            **_translated("slug", item["slug"]),
            **_translated("summary", item["summary"]),
            **_translated("body", item["body"]),
            **_translated("image_alt", item["image_alt"]),
        )
        article.image.save(f"seed-{index + 1}.jpg", draw_article_image(index), save=False)
        article.save()
        build_renditions(article)
        counts["articles"] += 1
    stdout.write(
        "Seed content: {pages} pages, {figures} figures, {partners} partners, "
        "{articles} articles created (existing ones left as they are).".format(**counts)
    )
