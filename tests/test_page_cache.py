"""The path of a public page (README "The path of a page"): the site renders it each time it
is asked and says, in one policy, who may keep it; nginx in front is the one cache that does
(tests/test_nginx.py runs it). What the site itself must never do: share a visitor's page, or
hide an editor's change."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.http import HttpResponse
from django.test import Client
from django.utils import timezone

from campaign.models import Article
from edge import httpcache
from reports.models import Report
from staff.verification import verified_session_data

pytestmark = pytest.mark.django_db

PUBLIC = ["/fr/", "/nl/", "/en/news/", "/fr/campagne/", "/nl/partners/", "/fr/ecpat-en-chiffres/"]


@pytest.mark.parametrize("path", PUBLIC)
def test_a_public_page_is_the_same_for_everyone_with_every_security_header(seeded, path):
    first, second = Client().get(path), Client().get(path)
    assert first.status_code == second.status_code == 200
    assert second.content == first.content
    assert first["ETag"] == second["ETag"]
    assert first["Cache-Control"].startswith("public")
    assert not first.cookies
    assert "csrfmiddlewaretoken" not in first.content.decode()
    assert "default-src" in first["Content-Security-Policy"]
    assert "nonce-" not in first["Content-Security-Policy"]
    assert first["Permissions-Policy"]
    assert first["X-Frame-Options"] == "DENY"


def test_the_site_keeps_no_copy_of_a_page_of_its_own(settings):
    """One cache on a page's path, nginx's: no page cache, no copy in a process."""
    assert set(settings.CACHES) == {"default"}
    assert "edge.httpcache.HttpCachePolicyMiddleware" in settings.MIDDLEWARE
    assert not any("pagecache" in name for name in settings.MIDDLEWARE)


def test_a_form_from_nginxs_cache_is_sent_as_any_other(seeded):
    """The page is everyone's; the script asks for this visitor's token and start time."""
    from tests.reporting import report_data

    visitor = Client(enforce_csrf_checks=True)
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


@pytest.mark.parametrize("cookie", ["session", "messages"])
def test_a_visitor_with_a_session_or_a_message_gets_a_private_page(client, seeded, cookie):
    from django.conf import settings
    from django.contrib.messages.storage.cookie import CookieStorage

    name = settings.SESSION_COOKIE_NAME if cookie == "session" else CookieStorage.cookie_name
    client.cookies[name] = "anything"
    response = client.get("/fr/")
    assert "private" in response["Cache-Control"]
    assert "ETag" not in response


def test_a_host_not_allowed_still_gets_400(seeded):
    client = Client(raise_request_exception=False)
    assert client.get("/fr/", HTTP_HOST="evil.example").status_code == 400


def test_an_error_page_is_private(client, seeded):
    response = client.get("/fr/nope/")
    assert response.status_code == 404
    assert "no-store" in response["Cache-Control"]


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


def test_a_scheduled_article_bounds_how_long_a_page_may_be_kept(client, seeded):
    Article.objects.create(
        title_fr="Bientôt",
        slug_fr="bientot",
        summary_fr="Résumé",
        body_fr="Texte",
        status=Article.Status.PUBLISHED,
        published_at=timezone.now() + timedelta(seconds=40),
    )
    cache_control = client.get("/fr/")["Cache-Control"]
    shared = int(re.search(r"s-maxage=(\d+)", cache_control).group(1))
    assert shared <= 40
    assert "stale-while-revalidate" not in cache_control


def test_an_article_preview_is_never_cached(client, seeded, editor):
    article = Article.objects.first()
    Article.objects.filter(pk=article.pk).update(status=Article.Status.DRAFT)
    staff = Client()
    staff.force_login(editor)
    assert staff.get(article.get_absolute_url()).status_code == 200
    assert client.get(article.get_absolute_url()).status_code == 404


def test_a_page_that_used_its_csp_nonce_is_never_public(rf):
    from django.utils.csp import LazyNonce

    def view(request):
        response = HttpResponse(f"<script nonce='{request._csp_nonce}'></script>")
        response.public_page = True
        return response

    request = rf.get("/fr/nonce/")
    request._csp_nonce = LazyNonce()
    response = httpcache.HttpCachePolicyMiddleware(view)(request)
    assert "private" in response["Cache-Control"]


def test_a_form_sent_back_with_errors_keeps_what_was_typed(client, seeded):
    client.get("/fr/signaler/")
    response = client.post("/fr/signaler/", {"location": "abroad", "city": "Pattaya"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="Pattaya"' in html
    assert "error-summary" in html
