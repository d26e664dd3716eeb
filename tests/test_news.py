"""News: published() honours status and date, previews for editors only, languages, feeds."""

from datetime import timedelta
from xml.etree import ElementTree

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from campaign.images import build_renditions
from campaign.models import Article
from campaign.seed import draw_article_image

pytestmark = pytest.mark.django_db


def make(n=1, **kwargs):
    articles = []
    for i in range(n):
        fields = {
            "title_fr": f"Titre {i}", "slug_fr": f"titre-{i}", "summary_fr": f"Résumé {i}",
            "body_fr": f"Texte {i}", "status": Article.Status.PUBLISHED,
            "published_at": timezone.now() - timedelta(days=i + 1),
        }  # fmt: skip
        fields.update(kwargs)
        articles.append(Article.objects.create(**fields))
    return articles


def test_published_honours_status_and_date():
    live, draft, future = make(3)
    draft.status = Article.Status.DRAFT
    draft.save()
    future.published_at = timezone.now() + timedelta(days=2)
    future.save()
    assert list(Article.objects.published()) == [live]
    with time_machine.travel(timezone.now() + timedelta(days=3)):
        assert set(Article.objects.published()) == {live, future}


def test_it_hides_drafts_from_visitors_and_shows_editors_a_preview(client, editor, staff_login):
    (article,) = make(status=Article.Status.DRAFT)
    assert client.get(article.get_absolute_url()).status_code == 404
    staff_login(editor)
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert "Aperçu" in response.content.decode()
    assert response["Cache-Control"] == "private, no-store"


def test_it_redirects_a_wrong_slug_to_the_right_one(client):
    (article,) = make()
    response = client.get(f"/fr/actualites/{article.pk}/old-slug/")
    assert response.status_code == 301
    assert response["Location"] == article.get_absolute_url()


def test_it_says_when_an_article_is_missing_in_a_language(client):
    (article,) = make()
    response = client.get(f"/nl/nieuws/{article.pk}/titre-0/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "niet beschikbaar in deze taal" in body
    assert 'href="/fr/actualites/' in body
    assert 'name="robots" content="noindex"' in body


def test_it_links_previous_and_next(client):
    newest, middle, oldest = make(3)
    body = client.get(middle.get_absolute_url()).content.decode()
    assert f'href="{newest.get_absolute_url()}" rel="next"' in body
    assert f'href="{oldest.get_absolute_url()}" rel="prev"' in body


def test_the_list_costs_the_same_queries_whatever_its_length(client):
    make(3)
    with CaptureQueriesContext(connection) as few:
        assert client.get("/fr/actualites/").status_code == 200
    make(30)
    with CaptureQueriesContext(connection) as many:
        response = client.get("/fr/actualites/")
    assert len(few) > 0
    assert len(many) == len(few)
    assert "Page 1 sur 4" in response.content.decode()
    assert client.get("/fr/actualites/?page=4").status_code == 200
    assert client.get("/fr/actualites/?page=999").status_code == 200
    assert client.get("/fr/actualites/?page=%00").status_code == 200


def test_it_lists_only_articles_of_the_language(client):
    make(1)
    make(1, title_nl="Titel", slug_nl="titel", title_fr="Autre", slug_fr="autre")
    assert "Titel" in client.get("/nl/nieuws/").content.decode()
    assert "Titre 0" not in client.get("/nl/nieuws/").content.decode()


def test_it_serves_an_atom_feed_per_language(client):
    make(2)
    make(
        1, title_en="In English", slug_en="in-english", title_fr="En anglais", slug_fr="en-anglais"
    )
    fr = client.get("/fr/actualites/feed/")
    en = client.get("/en/news/feed/")
    assert fr["Content-Type"].startswith("application/atom+xml")
    ns = {"a": "http://www.w3.org/2005/Atom"}
    assert len(ElementTree.fromstring(fr.content).findall("a:entry", ns)) == 3
    titles = [e.text for e in ElementTree.fromstring(en.content).findall("a:entry/a:title", ns)]
    assert titles == ["In English"]


def test_it_sanitises_markdown_from_the_database(client):
    (article,) = make(
        body_fr='## Titre\n\n<script>alert(1)</script> <a href="javascript:x()">x</a> **gras**'
    )
    body = client.get(article.get_absolute_url()).content.decode()
    assert "<script>alert" not in body
    assert "javascript:" not in body
    assert "<strong>gras</strong>" in body
    assert "<h2>Titre</h2>" in body


def test_it_serves_image_renditions_with_srcset(client):
    (article,) = make(image_alt_fr="Une plage")
    article.image.save("x.jpg", draw_article_image(0))
    assert build_renditions(article) == 6
    body = client.get(article.get_absolute_url()).content.decode()
    assert 'type="image/webp"' in body
    assert "480w" in body
    assert "1440w" in body
    assert 'width="480" height="270"' in body
    assert 'alt="Une plage"' in body


def test_editors_publish_and_unpublish_from_the_admin(client, editor, staff_login):
    (article,) = make(status=Article.Status.DRAFT)
    staff_login(editor)
    url = "/fr/admin/campaign/article/"
    client.post(url, {"action": "publish", "_selected_action": [article.pk]})
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED
    client.post(url, {"action": "unpublish", "_selected_action": [article.pk]})
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT


def test_the_admin_stamps_the_author(client, editor, staff_login):
    staff_login(editor)
    response = client.post(
        "/fr/admin/campaign/article/add/",
        {
            "title_fr": "Nouveau", "slug_fr": "nouveau", "summary_fr": "", "body_fr": "x",
            "status": "draft", "published_at_0": "2026-11-23", "published_at_1": "10:00:00",
            "date_shown": "day",
        },
    )  # fmt: skip
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Article.objects.get(slug_fr="nouveau").author == editor


def test_editors_cannot_see_reports(client, editor, staff_login):
    staff_login(editor)
    assert client.get("/fr/admin/reports/report/").status_code == 404
    assert "reports/report" not in client.get("/fr/admin/").content.decode()
