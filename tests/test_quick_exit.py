"""Quick exit and no trace: "Exit this page" on every report and follow-up page, leaving
for a neutral site with the session ended and the browser told to forget; report and
follow-up pages never stored by the browser; leaving the follow-up clears its site data."""

import re

import pytest

from reports.models import Report
from tests.reporting import report_data

pytestmark = pytest.mark.django_db

EXIT = "/fr/sortir/"


def exit_link(body: str) -> str | None:
    match = re.search(r'<a [^>]*id="exit-this-page-button"[^>]*>', body)
    return match.group(0) if match else None


def sent(client) -> str:
    client.post("/fr/signaler/", report_data())
    body = client.get("/fr/signaler/envoye/").content.decode()
    return re.search(r'id="follow-up-code">([0-9A-Z-]+)<', body).group(1)


def pages(client):
    """Every report and follow-up page a reporter goes through, as responses."""
    yield "form", client.get("/fr/signaler/")
    yield "form with errors", client.post("/fr/signaler/", report_data(description=""))
    yield "check", client.post("/fr/signaler/", report_data(step="check"))
    code = sent(client)
    yield "receipt", client.get("/fr/signaler/envoye/")
    yield "follow-up login", client.get("/fr/suivi/")
    client.post("/fr/suivi/", {"action": "login", "code": code})
    yield "follow-up", client.get("/fr/suivi/")


def test_every_report_and_follow_up_page_has_exit_this_page_and_keeps_nothing_typed(client):
    for what, response in pages(client):
        body = response.content.decode()
        link = exit_link(body)
        assert link is not None, what
        assert f'href="{EXIT}"' in link, what
        assert "/static/js/quick-exit.js" in body, what
        if what == "form":
            # A blank form is everyone's page (kept by nginx); nothing in it is a reporter's.
            # (The follow-up login here is asked with the receipt's session: private.)
            assert response["Cache-Control"].startswith("public"), what
        else:  # what a reporter typed or received: never stored
            assert "no-store" in response["Cache-Control"], what
        # The button comes first in the page's content, before the form or the code.
        assert body.index('id="exit-this-page"') < body.index("<h1"), what


# What a browser sends with a click on "Exit this page" (and without Sec-Fetch-*, an older
# browser: the site's Referrer-Policy, same-origin, sends its own pages' address).
FROM_THE_SITE = {"HTTP_SEC_FETCH_SITE": "same-origin"}
FROM_THE_SITE_BY_REFERER = {"HTTP_REFERER": "http://testserver/fr/signaler/"}
FROM_ELSEWHERE = [
    {"HTTP_SEC_FETCH_SITE": "cross-site", "HTTP_REFERER": "https://elsewhere.example/"},
    # A Referer of the site's own does not outweigh what the browser says of the request.
    {"HTTP_SEC_FETCH_SITE": "cross-site", "HTTP_REFERER": "http://testserver/fr/"},
    {"HTTP_SEC_FETCH_SITE": "same-site"},  # another host of the same site
    {"HTTP_SEC_FETCH_SITE": "none"},  # typed, a bookmark
    {"HTTP_REFERER": "https://elsewhere.example/fr/sortir/"},
    {"HTTP_REFERER": "https://testserver/fr/"},  # another scheme
    {"HTTP_REFERER": "http://testserver.example/fr/"},
    {"HTTP_REFERER": "http://[::1/fr/"},  # not even an address
    {},  # nothing to tell: unknown
]


@pytest.mark.parametrize("headers", [FROM_THE_SITE, FROM_THE_SITE_BY_REFERER])
def test_exit_ends_the_session_and_leaves_for_the_neutral_site(client, settings, headers):
    code = sent(client)
    client.post("/fr/suivi/", {"action": "login", "code": code})
    assert client.session.get("follow_up")
    response = client.get(EXIT, **headers)
    assert response.status_code == 302
    assert response["Location"] == settings.QUICK_EXIT_URL == "https://www.meteo.be/"
    assert response["Clear-Site-Data"] == '"cache", "cookies", "storage"'
    assert "no-store" in response["Cache-Control"]
    assert not client.session.get("follow_up")
    assert not client.session.get("receipt")
    # Nothing of the report was touched.
    assert Report.objects.count() == 1


def test_leaving_the_follow_up_clears_its_session_and_site_data(client):
    code = sent(client)
    client.post("/fr/suivi/", {"action": "login", "code": code})
    response = client.post("/fr/suivi/", {"action": "leave"})
    assert response.status_code == 302
    assert response["Clear-Site-Data"] == '"cache", "storage"'
    assert not client.session.get("follow_up")


def test_the_neutral_site_is_a_setting_that_must_be_https():
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env={
            "DJANGO_SETTINGS_MODULE": "jedisstop.settings",
            "QUICK_EXIT_URL": "http://example.org/",
            "PATH": "/usr/bin:/bin",
        },
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "QUICK_EXIT_URL must be an https:// address" in result.stderr


def signed_in_staff_with_a_reporters_traces(client, staff_login, officer):
    """An officer signed in who also sent a report and opened its follow-up in this
    browser (trying the public form): one session holds both."""
    code = sent(client)
    staff_login(officer)
    client.post("/fr/suivi/", {"action": "login", "code": code})
    session = client.session
    assert session.get("follow_up")
    assert session.get("receipt")
    assert session.get("_auth_user_id") == str(officer.pk)
    return client


def still_signed_in(client) -> bool:
    return client.get("/fr/admin/").status_code == 200


@pytest.mark.parametrize("headers", FROM_ELSEWHERE)
def test_a_navigation_from_elsewhere_ends_the_reporters_traces_not_a_staff_session(
    client, staff_login, officer, settings, headers
):
    """A link to the exit from another site (or a page the site cannot tell) must not sign
    staff out: the session survives, only the reporter's follow-up and receipt go, and the
    browser is not told to drop the site's cookies."""
    signed_in_staff_with_a_reporters_traces(client, staff_login, officer)
    response = client.get(EXIT, **headers)
    assert response.status_code == 302
    assert response["Location"] == settings.QUICK_EXIT_URL
    assert response["Clear-Site-Data"] == '"cache", "storage"'
    assert "no-store" in response["Cache-Control"]
    assert not client.session.get("follow_up")
    assert not client.session.get("receipt")
    assert still_signed_in(client)


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_request_from_elsewhere_never_clears_the_sites_cookies(client, method):
    """A page elsewhere can make a browser request the exit without its cookies (an image,
    a form sent across sites: SameSite=Lax keeps them back), so the site sees no session at
    all; told to clear "cookies", the browser would still drop the staff's."""
    send = getattr(client, method)
    response = send(EXIT, HTTP_SEC_FETCH_SITE="cross-site", HTTP_SEC_FETCH_DEST="image")
    if method == "post":  # a POST from another site is refused outright (crossorigin)
        assert response.status_code == 403
        assert "Clear-Site-Data" not in response
        return
    assert response.status_code == 302
    assert "cookies" not in response["Clear-Site-Data"]


def test_a_reporter_from_elsewhere_still_loses_their_follow_up(client):
    code = sent(client)
    client.post("/fr/suivi/", {"action": "login", "code": code})
    response = client.get(EXIT, HTTP_SEC_FETCH_SITE="none")
    assert response["Clear-Site-Data"] == '"cache", "storage"'
    assert not client.session.get("follow_up")
    assert not client.session.get("receipt")
    assert client.get("/fr/suivi/").context["form"] is not None  # asked for the code again


def test_staff_pressing_exit_on_the_public_form_keep_their_session(client, staff_login, officer):
    """Staff trying the public form and pressing "Exit this page": the reporter's traces
    (the follow-up, the receipt, the tab's storage) go; the staff session, which is no
    reporter's trace, stays, and so do its cookies."""
    signed_in_staff_with_a_reporters_traces(client, staff_login, officer)
    response = client.get(EXIT, **FROM_THE_SITE)
    assert response["Clear-Site-Data"] == '"cache", "storage"'
    assert not client.session.get("follow_up")
    assert not client.session.get("receipt")
    assert still_signed_in(client)
