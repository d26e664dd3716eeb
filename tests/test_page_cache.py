"""The whole-page cache of the public pages: who gets a cached page, what is never
cached, and that an editor's change shows at once."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from campaign.models import Article
from jedisstop import pagecache
from reports.models import Report
from staff.verification import verified_session_data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300


def queries_for(client, path, **extra):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, **extra)
    return response, len(queries)


PUBLIC = ["/fr/", "/nl/", "/en/news/", "/fr/campagne/", "/nl/partners/", "/fr/ecpat-en-chiffres/"]


@pytest.mark.parametrize("path", PUBLIC)
def test_an_anonymous_visitor_gets_the_page_from_one_cache_read(client, seeded, path):
    first, rendered = queries_for(client, path)
    second, cached = queries_for(client, path)
    assert first.status_code == second.status_code == 200
    assert cached == 1 < rendered
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert second["Content-Language"] == first["Content-Language"]
    assert second["Content-Length"] == str(len(second.content))
    # Headers added above the cache are there on a cached page too.
    assert "default-src" in second["Content-Security-Policy"]
    assert "nonce-" not in second["Content-Security-Policy"]
    assert second["Permissions-Policy"]
    assert second["X-Frame-Options"] == "DENY"


def test_a_cached_page_sets_no_cookie(client, seeded):
    client.get("/fr/")
    response = client.get("/fr/")
    assert not response.cookies
    assert "csrfmiddlewaretoken" not in response.content.decode()


def test_the_blank_report_form_comes_from_one_cache_read_and_is_everyones(seeded):
    """No visitor's own value is in the blank form any more (jedisstop.crossorigin): it is
    a public page, the same bytes for everyone, from one read of the page cache."""
    Client().get("/fr/signaler/")
    pages = []
    for _ in range(2):
        response, count = queries_for(Client(), "/fr/signaler/")
        assert count == 1
        assert response["Cache-Control"].startswith("public")
        assert not response.cookies
        pages.append(response.content)
    assert pages[0] == pages[1]
    assert b'name="csrfmiddlewaretoken"' not in pages[0]
    assert b'name="upload_token" value=""' in pages[0]


def test_the_blank_form_from_the_cache_has_every_security_header_a_rendered_one_has(seeded):
    """The shell is stored inside the view: a header a middleware adds on the way out must
    still be on every answer made from it (X-Frame-Options was not)."""
    rendered = Client().get("/fr/signaler/")
    from_cache = Client().get("/fr/signaler/")
    for name in (
        "Content-Security-Policy", "Permissions-Policy", "X-Frame-Options",
        "X-Content-Type-Options", "Referrer-Policy", "Cross-Origin-Opener-Policy",
        "Cache-Control", "Content-Language", "Vary",
    ):  # fmt: skip
        assert from_cache.get(name) == rendered.get(name), name
    assert from_cache["X-Frame-Options"] == "DENY"


def test_a_form_from_the_cache_is_sent_as_any_other(seeded):
    """The page is everyone's; the script asks for this visitor's token and start time."""
    from tests.reporting import report_data

    visitor = Client(enforce_csrf_checks=True)
    Client().get("/fr/signaler/")  # the page is in the cache
    html = visitor.get("/fr/signaler/").content.decode()
    start = html.split('data-start="')[1].split('"')[0]
    values = visitor.get(start).json()
    assert not visitor.cookies
    data = report_data(upload_token=values["upload_token"], started=values["started"])
    with time_machine.travel(timezone.now() + timedelta(minutes=3)):  # time to fill it in
        response = visitor.post(
            "/fr/signaler/", data, follow=True, headers={"sec_fetch_site": "same-origin"}
        )
    assert response.redirect_chain == [("/fr/signaler/envoye/", 302)]
    assert 'id="follow-up-code"' in response.content.decode()


def test_a_form_filled_too_quickly_is_refused(seeded, settings):
    settings.REPORT_MIN_FILL_SECONDS = 5
    from tests.reporting import report_data

    visitor = Client()
    values = visitor.get("/fr/signaler/debut/").json()
    response = visitor.post("/fr/signaler/", report_data(started=values["started"]))
    assert 'id="follow-up-code"' not in response.content.decode()
    assert "trop vite pour avoir" in response.content.decode()


def test_without_a_script_the_first_sending_shows_the_answers_to_check(seeded, settings):
    """No start time yet (no script asked for it): the first step is the check page, and
    the minimum fill time runs from there."""
    settings.REPORT_MIN_FILL_SECONDS = 5
    from tests.reporting import report_data

    with time_machine.travel("2026-12-01 10:00Z", tick=False) as traveller:
        visitor = Client()
        data = report_data(upload_token=None, started=None, step="send")
        check = visitor.post("/fr/signaler/", data)
        html = check.content.decode()
        assert 'id="report-check"' in html
        assert Report.objects.count() == 0
        carried = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', html))
        assert carried["upload_token"]
        assert carried["started"]
        traveller.shift(2)
        too_soon = visitor.post("/fr/signaler/", {**carried, "step": "send"})
        assert Report.objects.count() == 0
        assert "trop vite pour avoir" in too_soon.content.decode()
        traveller.shift(10)
        sent = visitor.post("/fr/signaler/", {**carried, "step": "send"})
        assert sent.status_code == 302
        assert Report.objects.count() == 1


def test_a_visitor_with_a_session_always_gets_a_fresh_page(client, seeded, editor):
    client.get("/fr/")
    client.force_login(editor)
    _response, count = queries_for(client, "/fr/")
    assert count > 1


def test_a_pending_message_is_shown_not_hidden_by_the_cache(client, seeded):
    from django.contrib.messages.storage.cookie import CookieStorage

    client.get("/fr/")
    client.cookies[CookieStorage.cookie_name] = "anything"
    _response, count = queries_for(client, "/fr/")
    assert count > 1


def test_a_query_string_is_never_cached(client, seeded):
    client.get("/fr/actualites/?page=1")
    _response, count = queries_for(client, "/fr/actualites/?page=1")
    assert count > 1


def test_each_host_gets_its_own_page(client, seeded, settings):
    settings.ALLOWED_HOSTS = ["jedisstop.be", "www.jedisstop.be"]
    client.get("/fr/", HTTP_HOST="jedisstop.be")
    response, count = queries_for(client, "/fr/", HTTP_HOST="www.jedisstop.be")
    assert count > 1
    assert "http://www.jedisstop.be/fr/" in response.content.decode()


def test_a_host_not_allowed_still_gets_400(seeded):
    client = Client(raise_request_exception=False)
    assert client.get("/fr/", HTTP_HOST="evil.example").status_code == 400


def test_an_error_page_is_not_cached(client, seeded):
    client.get("/fr/nope/")
    _response, count = queries_for(client, "/fr/nope/")
    assert count >= 1
    assert not pagecache.cache().get(
        pagecache.PublicPageCacheMiddleware(lambda r: None).key_for(
            RequestFactory().get("/fr/nope/")
        )
    )


def test_an_edited_article_shows_at_once(client, seeded, django_capture_on_commit_callbacks):
    before = client.get("/fr/actualites/").content.decode()
    article = Article.objects.published().in_language("fr").first()
    assert article.title_fr in before
    with django_capture_on_commit_callbacks(execute=True):
        article.title_fr = "Un titre tout neuf"
        article.save()
    assert "Un titre tout neuf" in client.get("/fr/actualites/").content.decode()
    assert "Un titre tout neuf" in client.get("/fr/").content.decode()


def test_publishing_from_the_admin_list_shows_at_once(
    client, seeded, editor, django_capture_on_commit_callbacks
):
    article = Article.objects.first()
    Article.objects.filter(pk=article.pk).update(status=Article.Status.DRAFT)
    assert article.title_fr not in client.get("/fr/actualites/").content.decode()
    staff = Client()
    staff.force_login(editor)
    session = staff.session
    session.update(verified_session_data(editor))
    session.save()
    with django_capture_on_commit_callbacks(execute=True):
        staff.post(
            "/fr/admin/campaign/article/",
            {"action": "publish", "_selected_action": [article.pk]},
        )
    assert article.title_fr in client.get("/fr/actualites/").content.decode()


def test_a_scheduled_article_bounds_how_long_a_page_is_kept(client, seeded):
    Article.objects.create(
        title_fr="Bientôt",
        slug_fr="bientot",
        summary_fr="Résumé",
        body_fr="Texte",
        status=Article.Status.PUBLISHED,
        published_at=timezone.now() + timedelta(seconds=40),
    )
    client.get("/fr/")
    with connection.cursor() as cursor:
        cursor.execute("SELECT expires FROM jedisstop_page_cache")
        (expires,) = cursor.fetchone()
    if isinstance(expires, str):  # SQLite returns text
        from datetime import datetime

        expires = datetime.fromisoformat(expires)
    if timezone.is_naive(expires):
        expires = timezone.make_aware(expires, timezone.UTC)
    assert expires <= timezone.now() + timedelta(seconds=41)


def test_an_article_preview_is_never_cached(client, seeded, editor):
    article = Article.objects.first()
    Article.objects.filter(pk=article.pk).update(status=Article.Status.DRAFT)
    staff = Client()
    staff.force_login(editor)
    assert staff.get(article.get_absolute_url()).status_code == 200
    assert client.get(article.get_absolute_url()).status_code == 404


def test_a_page_that_used_its_csp_nonce_is_not_stored(rf):
    from django.utils.csp import LazyNonce

    def view(request):
        response = HttpResponse(f"<script nonce='{request._csp_nonce}'></script>")
        response.public_page = True
        return response

    middleware = pagecache.PublicPageCacheMiddleware(view)
    request = rf.get("/fr/nonce/")
    request._csp_nonce = LazyNonce()
    middleware(request)
    assert pagecache.cache().get(middleware.key_for(rf.get("/fr/nonce/"))) is None


def test_the_cache_can_be_turned_off(client, seeded, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get("/fr/")
    _response, count = queries_for(client, "/fr/")
    assert count > 1


def test_a_broken_cache_only_means_a_rendered_page(client, seeded, monkeypatch):
    from django.db import DatabaseError

    class Broken:
        def get(self, *args, **kwargs):
            raise DatabaseError("cache table gone")

        set = get

    monkeypatch.setattr(pagecache, "cache", lambda: Broken())
    assert client.get("/fr/").status_code == 200


def test_the_blank_report_form_reuses_its_fields(seeded):
    def sections(html):
        return html[html.index('<fieldset class="form-section"') : html.index('<div class="hp"')]

    first = Client().get("/fr/signaler/").content.decode()
    cached = Client().get("/fr/signaler/").content.decode()
    assert pagecache.cache().get("fragment:report-form-sections:fr") is not None
    assert sections(cached) == sections(first)
    assert 'name="country"' in sections(cached)
    dutch = Client().get("/nl/melden/").content.decode()
    assert sections(dutch) != sections(first)


def test_a_form_sent_back_with_errors_keeps_what_was_typed(client, seeded):
    client.get("/fr/signaler/")
    response = client.post("/fr/signaler/", {"location": "abroad", "city": "Pattaya"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="Pattaya"' in html
    assert "error-summary" in html


def test_each_process_keeps_what_it_read_for_a_moment(client, seeded, settings):
    settings.PAGE_MEMORY_SECONDS = 2
    client.get("/fr/")  # rendered and stored
    _response, count = queries_for(client, "/fr/")  # read from the cache, and kept
    assert count == 1
    response, count = queries_for(client, "/fr/")
    assert (response.status_code, count) == (200, 0)
    Client().get("/fr/signaler/")  # rendered and stored
    Client().get("/fr/signaler/")  # read, and kept
    _response, count = queries_for(Client(), "/fr/signaler/")
    assert count == 0
    with time_machine.travel(timezone.now() + timedelta(seconds=3), tick=False):
        _response, count = queries_for(client, "/fr/")
    assert count == 1


def test_a_content_change_empties_this_processs_copies_at_once(
    client, seeded, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_MEMORY_SECONDS = 60
    client.get("/fr/actualites/")
    client.get("/fr/actualites/")
    article = Article.objects.published().in_language("fr").first()
    with django_capture_on_commit_callbacks(execute=True):
        article.title_fr = "Un titre tout neuf"
        article.save()
    assert "Un titre tout neuf" in client.get("/fr/actualites/").content.decode()
