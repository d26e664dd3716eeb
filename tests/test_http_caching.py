"""The one HTTP caching policy (README "HTTP caching"), checked on every URL of the site:
public pages may be kept by any cache and revalidated with an ETag; everything else is
private and never stored."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.contrib.messages.storage.cookie import CookieStorage
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone, translation

from campaign.models import Article
from campaign.urls import PAGE_PATHS

pytestmark = pytest.mark.django_db

LANGS = ["fr", "nl", "en"]
# Every page that is the same for everyone: shared caches may keep it.
PUBLIC_NAMES = {
    "campaign:home",
    *(f"campaign:{key.value}" for key in PAGE_PATHS),
    "campaign:figures",
    "campaign:news",
    "campaign:feed",
    "campaign:article",
    "partners:list",
    "reports:emergency",  # every country's emergency numbers
    # The blank forms: the same for everyone, without a token (edge.crossorigin).
    "reports:submit",
    "reports:follow-up",
    "campaign:contact",
    "sitemap",
}
# They say for themselves how long they may be kept (and are the same for everyone).
OWN_POLICY = {"robots", "media"}
SAMPLE = {"int": "1", "path": "1", "str": "x", "slug": "x"}


@pytest.fixture(autouse=True)
def _policy(settings):
    settings.SHARED_CACHE_SECONDS = 60
    settings.SHARED_CACHE_STALE_SECONDS = 300


def every_url(lang: str = "fr") -> list[tuple[str, str]]:
    """(name, path) of every URL pattern of the site, its arguments filled with samples."""
    found = []

    def arguments(pattern) -> dict[str, str]:
        converters = pattern.pattern.converters
        return {
            group: SAMPLE.get(type(converters[group]).__name__.lower().removesuffix(
                "converter"), "x") if group in converters else "reports"
            for group in pattern.pattern.regex.groupindex
        }  # fmt: skip

    def walk(patterns, namespace, inherited):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(
                    pattern.url_patterns,
                    pattern.namespace or namespace,
                    {**inherited, **arguments(pattern)},
                )
                continue
            assert isinstance(pattern, URLPattern)
            if not pattern.name or ".*" in str(pattern.pattern):
                continue  # the admin's catch-all and unnamed aliases of named patterns
            name = f"{namespace}:{pattern.name}" if namespace else pattern.name
            with translation.override(lang):
                found.append((name, reverse(name, kwargs={**inherited, **arguments(pattern)})))

    walk(get_resolver().url_patterns, None, {})
    return found


def first_article() -> Article:
    return Article.objects.published().in_language("fr").first()


def real_path(name: str, path: str) -> str:
    if name == "campaign:article":
        return first_article().get_absolute_url()
    return path


def assert_public(response, where):
    cache_control = response["Cache-Control"]
    assert response.status_code == 200, where
    assert cache_control.startswith("public, "), (where, cache_control)
    assert "max-age=0" in cache_control, where
    assert "s-maxage=60" in cache_control, (where, cache_control)
    assert "stale-while-revalidate=300" in cache_control, (where, cache_control)
    assert re.fullmatch(r'"[0-9a-f]{32}"', response["ETag"]), where
    assert not response.cookies, (where, list(response.cookies))
    # Never Vary: Cookie; Accept-Encoding only (Django's gzip, README "The path of a page").
    assert response.get("Vary", "Accept-Encoding") == "Accept-Encoding", where


def assert_never_stored(response, where):
    cache_control = response.get("Cache-Control", "")
    assert "private" in cache_control, (where, cache_control)
    assert "no-store" in cache_control, (where, cache_control)
    assert "public" not in cache_control, where
    assert "s-maxage" not in cache_control, where


def test_it_walks_every_url_of_the_site():
    names = {name for name, _path in every_url()}
    assert names >= PUBLIC_NAMES
    private = {"reports:receipt", "reports:form-start", "admin:index"}
    assert private <= names - PUBLIC_NAMES
    assert len(names) > 80


@pytest.mark.parametrize("lang", LANGS)
def test_public_pages_may_be_kept_by_any_cache_and_are_revalidated(client, seeded, lang):
    for name, path in every_url(lang):
        if name not in PUBLIC_NAMES:
            continue
        path = real_path(name, path)
        for attempt in ("first", "again"):
            response = client.get(path)
            assert_public(response, (path, attempt))
        again = client.get(path, HTTP_IF_NONE_MATCH=response["ETag"])
        assert again.status_code == 304, path
        assert again.content == b"", path
        assert again["ETag"] == response["ETag"], path
        assert again["Cache-Control"] == response["Cache-Control"], path
        assert not again.cookies, path
        changed = client.get(path, HTTP_IF_NONE_MATCH='"something-else"')
        assert changed.status_code == 200, path
        assert changed.content == response.content, path


def test_every_other_url_is_private_and_never_stored(client, seeded):
    tried = 0
    for name, path in every_url():
        if name in PUBLIC_NAMES or name in OWN_POLICY:
            continue
        # (Staff pages are posted to in their own tests: allauth keeps an anonymous POST
        # to a page that asks to sign in again, address included, in the session.)
        staff_area = "/admin/" in path or "/staff/" in path
        for send in (client.get,) if staff_area else (client.get, client.post):
            response = send(path)
            assert_never_stored(response, (send.__name__, path, response.status_code))
            tried += 1
    assert tried > 100


def test_every_url_is_private_for_a_signed_in_staff_member(
    client, seeded, staff_login, django_user_model
):
    root = django_user_model.objects.create_superuser("root", "root@example.org", "x" * 20)
    staff_login(root)
    for name, path in every_url():
        if name in OWN_POLICY:
            continue
        response = client.get(real_path(name, path))
        assert_never_stored(response, (path, response.status_code))


@pytest.mark.parametrize(
    "cookie", ["sessionid", CookieStorage.cookie_name], ids=["session", "messages"]
)
def test_a_public_page_asked_with_a_session_or_a_message_is_private(seeded, cookie):
    Client().get("/fr/")  # the page is in the page cache, if it is on
    visitor = Client()
    visitor.cookies[cookie] = "anything"
    response = visitor.get("/fr/")
    assert response.status_code == 200
    assert_never_stored(response, cookie)
    assert "ETag" not in response


def test_what_is_sent_to_a_public_form_is_answered_privately(client, seeded):
    """The blank forms are public; every answer to what a visitor sends is theirs."""
    from tests.reporting import report_data

    for path, data in [
        ("/fr/signaler/", report_data(description="")),
        ("/fr/signaler/", report_data(step="check")),
        ("/fr/suivi/", {"action": "login", "code": "AAAA-BBBB-CCCC-DDDD"}),
        ("/fr/contact/", {"topic": "general", "message": ""}),
    ]:
        assert_never_stored(client.post(path, data), path)


def test_a_missing_page_an_error_and_a_redirect_are_never_stored(client, seeded):
    article = first_article()
    for path in [
        "/fr/nope/",
        "/fr/actualites/999999/rien/",
        f"/fr/actualites/{article.pk}/wrong-slug/",  # a redirect to the right slug
        "/",  # to the browser's language
    ]:
        response = client.get(path)
        assert response.status_code in (301, 302, 404), path
        assert_never_stored(response, path)


def test_a_post_to_a_public_address_is_never_stored(client, seeded):
    with translation.override("fr"):
        feed = reverse("campaign:feed")
    for path in [feed, "/sitemap.xml"]:
        assert_never_stored(client.post(path), path)


def test_a_draft_preview_is_never_stored(client, seeded, editor, staff_login):
    article = first_article()
    Article.objects.filter(pk=article.pk).update(status=Article.Status.DRAFT)
    staff = staff_login(editor)
    response = staff.get(article.get_absolute_url())
    assert response.status_code == 200
    assert_never_stored(response, "preview")


def test_robots_and_public_uploads_say_how_long_they_may_be_kept(client, settings):
    assert client.get("/robots.txt")["Cache-Control"] == "max-age=86400, public"
    logo = settings.MEDIA_ROOT / "partners" / "logo.png"
    logo.parent.mkdir(parents=True)
    logo.write_bytes(b"\x89PNG\r\n\x1a\n")
    response = client.get("/media/partners/logo.png")
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=86400"
    assert not response.cookies
    assert_never_stored(client.get("/media/partners/none.png"), "missing upload")


def test_a_scheduled_article_bounds_how_long_caches_may_keep_the_pages(client, seeded):
    Article.objects.create(
        title_fr="Bientôt",
        slug_fr="bientot",
        summary_fr="Résumé",
        body_fr="Texte",
        status=Article.Status.PUBLISHED,
        published_at=timezone.now() + timedelta(seconds=40),
    )

    def shared_seconds(path):
        cache_control = client.get(path)["Cache-Control"]
        assert "stale-while-revalidate" not in cache_control, cache_control
        return int(re.search(r"s-maxage=(\d+)", cache_control).group(1))

    with translation.override("fr"):
        paths = ["/fr/", "/fr/actualites/", reverse("campaign:feed"), "/sitemap.xml"]
    for path in paths:
        assert 38 <= shared_seconds(path) <= 40, path
    with time_machine.travel(timezone.now() + timedelta(seconds=30)):
        for path in paths:
            # From the page cache too: counted from now, not from when it was stored.
            assert shared_seconds(path) <= 10, path
    # A page that lists no article is not bounded by it.
    assert "s-maxage=60" in client.get("/fr/campagne/")["Cache-Control"]


def test_a_public_page_comes_compressed_once_and_a_private_one_does_not(client, seeded):
    """nginx keeps the compressed page and sends it as it is (instead of compressing it for
    every visitor); a page with anything of a visitor's is never compressed by the site."""
    import gzip

    public = client.get("/fr/signaler/", HTTP_ACCEPT_ENCODING="gzip")
    assert public["Content-Encoding"] == "gzip"
    assert public["Vary"] == "Accept-Encoding"
    assert b"<form" in gzip.decompress(public.content)
    again = client.get(
        "/fr/signaler/", HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=public["ETag"]
    )
    assert again.status_code == 304
    private = client.post("/fr/signaler/", {"location": ""}, HTTP_ACCEPT_ENCODING="gzip")
    assert "Content-Encoding" not in private
