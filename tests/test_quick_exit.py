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


def test_every_report_and_follow_up_page_has_exit_this_page_and_is_never_stored(client):
    for what, response in pages(client):
        body = response.content.decode()
        link = exit_link(body)
        assert link is not None, what
        assert f'href="{EXIT}"' in link, what
        assert "/static/js/quick-exit.js" in body, what
        assert "no-store" in response["Cache-Control"], what
        # The button comes first in the page's content, before the form or the code.
        assert body.index('id="exit-this-page"') < body.index("<h1"), what


def test_exit_ends_the_session_and_leaves_for_the_neutral_site(client, settings):
    code = sent(client)
    client.post("/fr/suivi/", {"action": "login", "code": code})
    assert client.session.get("follow_up")
    response = client.get(EXIT)
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
