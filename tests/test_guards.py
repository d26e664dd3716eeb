"""Site-wide guards: every public page, in every language, is whole and self-contained."""

import re

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from tests.helpers import inspect_html, public_url_names

LANGS = [code for code, _ in settings.LANGUAGES]
PAGES = public_url_names()
FEEDS = {"campaign:feed"}


def test_it_finds_the_public_pages():
    assert "campaign:home" in PAGES


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", PAGES)
def test_it_serves_every_page_in_every_language(client, seeded, name, lang):
    with translation.override(lang):
        url = reverse(name)
    assert url.startswith(f"/{lang}/")
    response = client.get(url)
    assert response.status_code == 200, url
    if not response["Content-Type"].startswith("text/html"):
        assert name in FEEDS
        return
    page = inspect_html(response.content.decode())
    assert page.h1 == 1, f"{url}: {page.h1} <h1>"
    assert page.html_lang == lang
    assert "Content-Security-Policy" in response.headers
    assert page.external == [], f"{url} references another host: {page.external}"
    assert page.inline_scripts_without_nonce == 0
    assert page.style_attrs == 0, f"{url} has style attributes (blocked by the CSP)"
    body = response.content.decode()
    assert '<link rel="canonical"' in body
    for code in LANGS:
        assert f'hreflang="{code}"' in body
    assert "<title>" in body
    assert '<meta name="description" content="' in body


def test_it_translates_path_words():
    expected = {"fr": "/fr/", "nl": "/nl/", "en": "/en/"}
    for lang, prefix in expected.items():
        with translation.override(lang):
            assert reverse("campaign:home") == prefix


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("accept", "target"),
    [("nl-BE,nl;q=0.9", "/nl/"), ("en-GB", "/en/"), ("fr-BE", "/fr/"), ("de", "/fr/")],
)
def test_it_sends_root_to_the_browser_language(client, accept, target):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 302
    assert response["Location"] == target


@pytest.mark.django_db
def test_it_sends_security_headers(client):
    response = client.get("/fr/")
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "form-action 'self'" in csp
    assert "unsafe-inline" not in csp
    # Never a Referer to another host (see settings: no-referrer would break CSRF on POST).
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response.headers["Permissions-Policy"]
    assert "geolocation=()" in response.headers["Permissions-Policy"]
    assert response.headers["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("source", "lang"), [("fr", "nl"), ("nl", "en"), ("en", "fr"), ("nl", "fr")]
)
@pytest.mark.parametrize("name", PAGES)
def test_it_switches_language_to_the_same_page(client, name, source, lang):
    with translation.override(source):
        here = reverse(name)
    with translation.override(lang):
        there = reverse(name)
    # The public pages switch with links; the admin keeps Django's form (POST).
    for send in (client.get, client.post):
        response = send("/i18n/setlang/", {"language": lang, "next": here})
        assert response.status_code == 302
        assert response["Location"] == there
        assert response.cookies["django_language"].value == lang


@pytest.mark.django_db
def test_the_switcher_links_lead_to_the_same_page_in_each_language(client, seeded):
    from urllib.parse import parse_qs, urlsplit

    html = client.get("/fr/actualites/").content.decode()
    links = re.findall(r'<a href="(/i18n/setlang/\?[^"]+)" hreflang="(\w+)"', html)
    assert [code for _href, code in links] == ["fr", "nl", "en"]
    for href, code in links:
        query = parse_qs(urlsplit(href.replace("&amp;", "&")).query)
        assert query == {"language": [code], "next": ["/fr/actualites/"]}
        response = client.get(href.replace("&amp;", "&"))
        assert response["Location"] == {"fr": "/fr/actualites/", "nl": "/nl/nieuws/",
                                        "en": "/en/news/"}[code]  # fmt: skip


@pytest.mark.django_db
def test_it_refuses_a_language_switch_to_another_host(client):
    for send in (client.get, client.post):
        for next_url in ["https://evil.example/", "//evil.example/fr/", "/\\evil.example"]:
            response = send("/i18n/setlang/", {"language": "nl", "next": next_url})
            assert response.status_code == 302
            assert "evil.example" not in response["Location"]


@pytest.mark.django_db
def test_it_shows_a_translated_not_found_page(client, settings):
    settings.DEBUG = False
    response = client.get("/nl/bestaat-niet/")
    assert response.status_code == 404
    assert 'lang="nl"' in response.content.decode()
    assert inspect_html(response.content.decode()).h1 == 1


@pytest.mark.django_db
def test_it_shows_a_friendly_csrf_page(settings):
    from django.test import Client

    settings.DEBUG = False
    client = Client(enforce_csrf_checks=True)
    response = client.post("/i18n/setlang/", {"language": "nl", "next": "/fr/"})
    assert response.status_code == 403
    assert "expired" in response.content.decode() or "expiré" in response.content.decode()


@pytest.mark.django_db
def test_it_serves_robots_txt(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert re.search(r"Disallow: /fr/admin/", response.content.decode())


@pytest.mark.django_db
def test_it_has_no_pending_migrations():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)
