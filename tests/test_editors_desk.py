"""The editors' desk (issue 17, slice 5): languages in tabs with scripts served by the site,
a body box sized for a page, a live Markdown preview sanitised like the page, "Scheduled" as
its own state, a warning for a language left out, the image's thumbnail."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from campaign.models import Article

pytestmark = pytest.mark.django_db

ARTICLES = "/fr/admin/campaign/article/"


def article(**fields) -> Article:
    values = {"title_fr": "Titre", "slug_fr": "titre", "body_fr": "Texte", "status": "published",
              "published_at": timezone.now() - timedelta(days=1), **fields}  # fmt: skip
    return Article.objects.create(**values)


def test_the_languages_are_in_tabs_with_scripts_from_the_site(client, staff_login, editor):
    staff_login(editor)
    body = client.get(f"{ARTICLES}add/").content.decode()
    scripts = re.findall(r'<script[^>]+src="([^"]+)"', body)
    assert any("vendor/jquery-ui-1.14.1/jquery-ui.min.js" in s for s in scripts)
    assert any("tabbed_translation_fields.js" in s for s in scripts)
    assert any("editor-preview.js" in s for s in scripts)
    assert not [s for s in scripts if s.startswith(("http", "//"))]
    assert re.search(r'<textarea[^>]+name="body_fr"[^>]+rows="24"', body)


def test_the_preview_is_sanitised_like_the_page(client, staff_login, editor):
    staff_login(editor)
    url = f"{ARTICLES}preview-markdown/"
    response = client.post(url, {"text": "## Titre\n\n**gras** <script>alert(1)</script>"})
    html = response.json()["html"]
    assert "<h2>Titre</h2>" in html
    assert "<strong>gras</strong>" in html
    assert "<script" not in html
    assert client.get(url).status_code == 403


def test_the_preview_is_for_editors_only(client, staff_login, officer):
    staff_login(officer)
    assert client.post(f"{ARTICLES}preview-markdown/", {"text": "x"}).status_code == 403


def test_a_scheduled_article_says_so_and_has_its_filter(client, staff_login, editor):
    article(title_fr="Demain", slug_fr="demain", published_at=timezone.now() + timedelta(days=1))
    article(title_fr="Hier", slug_fr="hier")
    staff_login(editor)
    body = client.get(ARTICLES).content.decode()
    assert "Programmé" in body
    scheduled = client.get(f"{ARTICLES}?state=scheduled").content.decode()
    assert "Demain" in scheduled
    assert "Hier" not in scheduled


def test_publishing_without_every_language_warns(client, staff_login, editor):
    staff_login(editor)
    response = client.post(
        f"{ARTICLES}add/",
        {"title_fr": "Seul", "slug_fr": "seul", "summary_fr": "", "body_fr": "x",
         "status": "published", "published_at_0": "2026-11-23", "published_at_1": "10:00:00",
         "date_shown": "day"},
        follow=True,
    )  # fmt: skip
    body = response.content.decode()
    assert "NL, EN" in body
