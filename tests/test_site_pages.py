"""The campaign pages, partners, home, sitemap and the head of every page."""

from xml.etree import ElementTree

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from campaign.models import Article, Page
from partners.models import Partner

pytestmark = pytest.mark.django_db

SITEMAP_NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "x": "http://www.w3.org/1999/xhtml",
}


def test_the_seed_gives_every_page_in_three_languages(seeded):
    assert set(Page.objects.values_list("slug", flat=True)) == {k.value for k in Page.Key}
    for page in Page.objects.all():
        for lang in ("fr", "nl", "en"):
            assert getattr(page, f"title_{lang}"), (page.slug, lang)
            assert len(getattr(page, f"body_{lang}")) > 200, (page.slug, lang)


def test_the_seed_is_idempotent(seeded):
    import io

    from campaign import seed

    before = (Page.objects.count(), Partner.objects.count(), Article.objects.count())
    seed.load(io.StringIO())
    assert (Page.objects.count(), Partner.objects.count(), Article.objects.count()) == before
    assert Article.objects.count() == 4


@pytest.mark.parametrize(
    ("url", "text"),
    [
        ("/fr/le-code/", "1998"),
        ("/fr/exploitation-sexuelle-des-enfants/", "900"),
        ("/fr/projets/", "102"),
        ("/fr/comment-agir/", "116 000"),
        ("/nl/hoe-reageren/", "112"),
        ("/en/how-to-act/", "112"),
        ("/fr/ecpat-en-chiffres/", "1993"),
    ],
)
def test_pages_show_their_seed_facts(client, seeded, url, text):
    response = client.get(url)
    assert response.status_code == 200
    assert text in response.content.decode()


def test_partners_are_grouped_by_category(client, seeded):
    body = client.get("/fr/partenaires/").content.decode()
    assert "Institutions publiques" in body
    assert "ECPAT Belgique" in body
    assert "Child Focus" in body
    assert body.index("Institutions publiques") < body.index("Soutiens")


def test_home_shows_the_call_to_action_figures_news_and_partners(client, seeded):
    with CaptureQueriesContext(connection) as queries:
        body = client.get("/nl/").content.decode()
    assert 'href="/nl/melden/"' in body
    assert "1993" in body
    assert "Child Focus" in body
    assert Article.objects.published().in_language("nl").first().title_nl in body
    assert 0 < len(queries) <= 6


def test_home_costs_the_same_queries_with_more_partners(client, seeded):
    with CaptureQueriesContext(connection) as before:
        client.get("/fr/")
    for i in range(20):
        Partner.objects.create(slug=f"p{i}", name_fr=f"P{i}", category="ngo")
    with CaptureQueriesContext(connection) as after:
        client.get("/fr/")
    assert len(before) > 0
    assert len(after) == len(before)


def test_the_sitemap_lists_every_page_and_article_in_every_language(client, seeded):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)
    locs = [el.text for el in root.findall("s:url/s:loc", SITEMAP_NS)]
    for path in ["/fr/", "/nl/", "/en/", "/fr/signaler/", "/nl/melden/", "/en/report/",
                 "/fr/le-code/", "/nl/de-code/", "/en/the-code/", "/fr/vie-privee/"]:  # fmt: skip
        assert any(loc.endswith(path) for loc in locs), path
    for article in Article.objects.all():
        for lang in article.languages():
            from django.utils import translation

            with translation.override(lang):
                url = article.get_absolute_url()
            assert any(loc.endswith(url) for loc in locs), url
    assert root.findall("s:url/x:link[@hreflang='nl']", SITEMAP_NS)


def test_the_sitemap_lists_the_contact_page_with_the_legal_notice_in_every_language(client):
    from django.utils import translation

    locs = [
        el.text
        for el in ElementTree.fromstring(client.get("/sitemap.xml").content).findall(
            "s:url/s:loc", SITEMAP_NS
        )
    ]
    for lang in ["fr", "nl", "en"]:
        with translation.override(lang):
            url = reverse("campaign:contact")
        assert any(loc.endswith(url) for loc in locs), url


def test_robots_points_to_the_sitemap(client):
    assert "Sitemap: http://testserver/sitemap.xml" in client.get("/robots.txt").content.decode()


def test_pages_carry_open_graph_tags_with_a_self_hosted_image(client, seeded):
    body = client.get("/en/the-code/").content.decode()
    assert '<meta property="og:title"' in body
    assert 'content="http://testserver/static/img/og.png"' in body
