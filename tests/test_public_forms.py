"""The blank public forms (report, follow-up, contact) are public pages: the same bytes for
everyone in a language, with no cookie, so nginx keeps them like the home page. Cross-site
forgery on them is stopped by the browser's own request headers (Sec-Fetch-Site, else
Origin), as Go 1.25's CrossOriginProtection does; staff pages keep Django's token."""

import pytest
from django.test import Client

from reports.models import Report
from tests.reporting import SECRET_TEXT, report_data

pytestmark = pytest.mark.django_db

FORMS = ["/fr/signaler/", "/nl/melden/", "/en/report/", "/fr/suivi/", "/fr/contact/"]


@pytest.mark.parametrize("path", FORMS)
def test_two_visitors_get_the_same_bytes_and_no_cookie(path):
    first, second = Client().get(path), Client().get(path)
    assert first.status_code == second.status_code == 200
    assert first.content == second.content
    assert not first.cookies
    assert not second.cookies
    assert first["Cache-Control"].startswith("public")


def browser() -> Client:
    """A visitor whose every POST is checked for Django's token, as a browser's would be."""
    return Client(enforce_csrf_checks=True)


def send(client, **headers):
    return client.post("/fr/signaler/", report_data(), headers=headers)


def test_a_same_origin_post_without_a_token_is_accepted():
    response = send(browser(), sec_fetch_site="same-origin", origin="http://testserver")
    assert response.status_code == 302
    assert Report.objects.count() == 1


@pytest.mark.parametrize(
    "headers",
    [
        {"sec_fetch_site": "cross-site"},
        {"sec_fetch_site": "same-site"},  # a sibling subdomain
        {"sec_fetch_site": "cross-site", "origin": "http://testserver"},  # the browser wins
        {"origin": "https://evil.example"},
        {"origin": "null"},  # a sandboxed iframe, a data: page
        {"origin": "http://testserver.evil.example"},
        {"origin": "https://testserver"},  # another scheme is another origin
    ],
)
def test_a_cross_site_post_is_refused_and_nothing_posted_comes_back(headers):
    response = send(browser(), **headers)
    assert response.status_code == 403
    body = response.content.decode()
    assert SECRET_TEXT not in body  # another site must not pre-fill the form
    assert "Cette demande venait d'un autre site" in body
    assert not Report.objects.exists()


@pytest.mark.parametrize(
    "headers",
    [
        {},  # not a browser: no header at all (every limit still applies)
        {"sec_fetch_site": "none"},  # typed in, a bookmark
        {"sec_fetch_site": "same-origin"},
        {"origin": "http://testserver"},  # an older browser: Origin only
    ],
)
def test_a_post_from_the_site_or_no_browser_is_let_through(headers):
    assert send(browser(), **headers).status_code == 302


def test_behind_the_proxy_the_sites_own_https_origin_is_its_own(settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.ALLOWED_HOSTS = ["www.jedisstop.be"]
    client = browser()
    response = client.post(
        "/fr/signaler/", report_data(), headers={"origin": "https://www.jedisstop.be",
        "x_forwarded_proto": "https", "host": "www.jedisstop.be"},
    )  # fmt: skip
    assert response.status_code == 302
    refused = client.post(
        "/fr/signaler/", report_data(), headers={"origin": "http://www.jedisstop.be",
        "x_forwarded_proto": "https", "host": "www.jedisstop.be"},
    )  # fmt: skip
    assert refused.status_code == 403


def test_the_follow_up_and_contact_forms_need_no_token_either():
    client = browser()
    response = client.post(
        "/fr/suivi/", {"action": "login", "code": "AAAA-BBBB-CCCC-DDDD"},
        headers={"sec_fetch_site": "same-origin"},
    )  # fmt: skip
    assert response.status_code == 200
    assert "pas reconnu" in response.content.decode()
    refused = client.post(
        "/fr/contact/", {"topic": "general", "message": "Bonjour"},
        headers={"sec_fetch_site": "cross-site"},
    )  # fmt: skip
    assert refused.status_code == 403


def test_staff_pages_keep_djangos_token():
    response = browser().post(
        "/fr/staff/login/", {"login": "officer", "password": "x"},
        headers={"sec_fetch_site": "same-origin"},
    )  # fmt: skip
    assert response.status_code == 403


def test_the_wsgi_application_is_djangos_own_handler(monkeypatch):
    import importlib

    from django.core.handlers.wsgi import WSGIHandler

    monkeypatch.setenv("DJANGO_ENV", "local")
    import jedisstop.wsgi

    module = importlib.reload(jedisstop.wsgi)
    assert type(module.application) is WSGIHandler
