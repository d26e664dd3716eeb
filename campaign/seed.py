"""Load the campaign's seed content (the text files of campaign.content) into the database.

Idempotent: each row remembers which file it came from (`seed_key`) and the fingerprint of
what was loaded (`seed_hash`); a later load brings a row up to date with its files only if
nobody changed it since, so an editor's changes always survive.
Images are drawn with Pillow (never fetched): partner logos are initials on a disc, article
images a calm placeholder that an editor replaces.
"""

from __future__ import annotations

import hashlib
import io
import json
from datetime import UTC, datetime, time

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


def fingerprint(values: dict) -> str:
    """The hash of what a row holds of the seed (its seeded fields): a row whose fingerprint
    is still the one stored at the last load was not changed by an editor since."""

    def plain(value):
        if isinstance(value, datetime):
            return value.astimezone(UTC).isoformat()
        return value

    encoded = json.dumps(
        {k: plain(v) for k, v in values.items()}, sort_keys=True, ensure_ascii=False
    )
    return hashlib.sha256(encoded.encode()).hexdigest()


def _current(row, names) -> dict:
    return {name: getattr(row, name) for name in names}


def _sync(model, key: str, values: dict, counts: dict, kind: str, create) -> None:
    """Create the row of seed item `key`, or bring it up to date with its files unless an
    editor changed it since the last load."""
    row = model.objects.filter(seed_key=key).first()
    new = fingerprint(values)
    if row is None:
        row = create(values)
        row.seed_key, row.seed_hash = key, new
        row.save()
        counts[kind] += 1
        return
    if row.seed_hash == new:
        return  # as loaded
    if fingerprint(_current(row, values)) != row.seed_hash:
        counts["kept"] += 1  # an editor changed it: theirs stands
        return
    for name, value in values.items():
        setattr(row, name, value)
    row.seed_hash = new
    row.save()
    counts["updated"] += 1


def page_values(item) -> dict:
    return {
        "order": item.shared.get("order", 0),
        **_translated("title", item.translated("title")),
        **_translated("summary", item.translated("summary")),
        **_translated("body", item.body),
    }


def figure_values(item) -> dict:
    return {
        "order": item.shared.get("order", 0),
        **_translated("value", item.translated("value")),
        **_translated("label", item.translated("label")),
        **_translated("source", item.translated("source")),
    }


def partner_values(item) -> dict:
    return {
        "order": item.shared.get("order", 0),
        "category": item.shared.get("category", ""),
        "website": item.shared.get("website", ""),
        **_translated("name", item.translated("name")),
        **_translated("description", item.body),
    }


def article_values(item) -> dict:
    published = item.shared.get("published")
    moment = timezone.make_aware(datetime.combine(published, time(9))) if published else None
    return {
        "published_at": moment,
        "date_shown": item.shared.get("date_shown", "day"),
        **_translated("title", item.translated("title")),
        **_translated("slug", item.translated("slug")),
        **_translated("summary", item.translated("summary")),
        **_translated("body", item.body),
        **_translated("image_alt", item.translated("image_alt")),
    }


@transaction.atomic
def load(stdout, root=None) -> None:
    from campaign import content

    read = (lambda kind: content.read(kind, root)) if root else content.read
    counts = {"pages": 0, "figures": 0, "partners": 0, "articles": 0, "updated": 0, "kept": 0}
    for item in read("pages"):
        _sync(Page, item.key, page_values(item), counts, "pages",
              lambda values, item=item: Page(slug=item.key, **values))  # fmt: skip
    for item in read("figures"):
        _sync(KeyFigure, item.key, figure_values(item), counts, "figures",
              lambda values: KeyFigure(**values))  # fmt: skip
    for index, item in enumerate(read("partners")):

        def new_partner(values, item=item, index=index):
            partner = Partner(slug=item.key, **values)
            name = item.translated("name")["fr"]
            partner.logo.save(f"{item.key}.png", draw_logo(name, index), save=False)
            return partner

        _sync(Partner, item.key, partner_values(item), counts, "partners", new_partner)
    for index, item in enumerate(read("articles")):

        def new_article(values, index=index):
            article = Article(status=Article.Status.PUBLISHED, **values)
            article.image.save(f"seed-{index + 1}.jpg", draw_article_image(index), save=False)
            article.save()
            build_renditions(article)
            return article

        _sync(Article, item.key, article_values(item), counts, "articles", new_article)
    stdout.write(
        "Seed content: {pages} pages, {figures} figures, {partners} partners, {articles} "
        "articles created; {updated} brought up to date; {kept} changed by editors, left as "
        "they are.".format(**counts)
    )
