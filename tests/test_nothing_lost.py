"""Nothing lost, really: an expired form, a too-large request or a throttle give the form
back with everything typed; long text is never cut; the form posts to its own path; the
answers can be checked before sending."""

import io
import re
import sys
from wsgiref.handlers import SimpleHandler
from wsgiref.util import is_hop_by_hop

import pytest
import time_machine
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client
from django.utils import translation

from reports.intake import uploads
from reports.models import PendingUpload, Report
from tests import images
from tests.reporting import SECRET_TEXT, report_data, started, token_of

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("opened_by_recovery_key")]

URL = "/fr/signaler/"
# The one-line fields that Back used to empty (autocomplete="off"), and a text area.
TYPED = {
    "city": "Pattaya",
    "place_name": "Blue Moon bar",
    "suspects_name": "Jan Peeters",
    "suspects_vehicle": "pick-up blanc 1-ABC-123",
    "travel_flight": "TG 935",
    "travel_airline": "Thai Airways",
    "travel_operator": "Sunny Tours",
    "travel_hotel": "Hôtel Sunrise",
}


def assert_all_typed_is_back(body: str) -> None:
    for name, value in TYPED.items():
        assert re.search(
            rf'name="{name}" value="{re.escape(value)}"', body.replace("&#x27;", "'")
        ), name
    assert "dix ans dans la chambre 214" in body
    assert 'href="#' in body or "error-summary" in body


def test_a_form_left_open_for_hours_is_still_sent_with_its_photos(client):
    """There is no form token to expire any more (edge.crossorigin): a form left open
    in a tab overnight goes through, with the photos an earlier sending kept."""
    with time_machine.travel("2026-12-01 22:00Z", tick=False) as traveller:
        first = client.post(URL, report_data(description="", photos=[images.upload("plage.jpg")]))
        token = token_of(first)
        traveller.move_to("2026-12-02 07:30Z")
        browser = Client(enforce_csrf_checks=True)
        # The same browser: its cookies (the form key of its photos among them) are kept.
        browser.cookies = client.cookies
        sent = browser.post(
            URL, report_data(upload_token=token, **TYPED), headers={"sec_fetch_site": "same-origin"}
        )
    assert sent.status_code == 302
    assert Report.objects.get().photos.count() == 1


def test_a_request_too_large_gives_the_text_back_and_names_the_photos_dropped(
    client, settings, monkeypatch
):
    settings.MAX_REQUEST_BYTES = 1024 * 1024
    decoded = []
    monkeypatch.setattr(
        "reports.intake.uploads.clean_photo", lambda *a, **k: decoded.append(1) or 1 / 0
    )
    data = report_data(**TYPED)
    data["photos"] = [
        images.upload("grande-1.jpg", b"\xff\xd8" + b"x" * 700_000),
        images.upload("grande-2.jpg", b"\xff\xd8" + b"y" * 700_000),
    ]
    response = client.post(URL, data)
    assert response.status_code == 413
    body = response.content.decode()
    assert_all_typed_is_back(body)
    assert "“grande-1.jpg”, “grande-2.jpg”" in body
    assert "plus de 1 Mo" in body
    assert decoded == []
    assert PendingUpload.objects.count() == 0
    assert Report.objects.count() == 0
    assert "Connection" not in response.headers


def run_under_wsgiref(environ: dict) -> bytes:
    """What the development server (wsgiref) sends for one request."""
    out, errors = io.BytesIO(), io.StringIO()
    handler = SimpleHandler(io.BytesIO(b""), out, errors, environ, multithread=False)
    # As Django's test client does: the test's database connection must outlive the request.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        handler.run(WSGIHandler())
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    return out.getvalue()


def test_the_too_large_page_works_on_the_development_server_too(settings):
    settings.MAX_REQUEST_BYTES = 1024 * 1024
    environ = {
        "REQUEST_METHOD": "POST", "PATH_INFO": "/fr/suivi/", "SERVER_NAME": "testserver",
        "SERVER_PORT": "80", "SERVER_PROTOCOL": "HTTP/1.1", "wsgi.url_scheme": "http",
        "CONTENT_TYPE": "multipart/form-data; boundary=x", "CONTENT_LENGTH": str(50 * 1024**2),
        "wsgi.errors": sys.stderr,
    }  # fmt: skip
    sent = run_under_wsgiref(environ).decode()
    assert sent.startswith("HTTP/1.0 413"), sent[:300]
    assert "A server error occurred" not in sent
    assert "Trop de données envoyées" in sent or "trop volumineux" in sent
    head = sent.split("\r\n\r\n")[0].split("\r\n")[1:]
    assert not [line for line in head if is_hop_by_hop(line.split(":")[0])]


def test_a_throttled_report_keeps_the_one_line_fields_too(client, settings):
    settings.REPORT_SUBMIT_LIMIT = 1
    client.post(URL, report_data())
    response = client.post(URL, report_data(**TYPED))
    assert response.status_code == 429
    assert_all_typed_is_back(response.content.decode())


def test_long_text_is_never_cut_and_the_error_says_by_how_much(client):
    body = client.get(URL).content.decode()
    assert not re.search(r"<textarea[^>]* maxlength=", body)
    for name in TYPED:  # nor the one-line texts
        assert not re.search(rf'<input[^>]*name="{name}"[^>]* maxlength=', body)
    long = "a" * 5003
    response = client.post(URL, report_data(description=long))
    body = response.content.decode()
    assert Report.objects.count() == 0
    assert "Il y a 3 caractères de trop : raccourcissez à 5\xa0000 caractères au plus." in body
    assert long in body  # given back whole
    with translation.override("en"):
        english = Client().post("/en/report/", report_data(description="a" * 5001))
    assert "It is 1 character too long: shorten it to 5,000 at most." in english.content.decode()


def test_the_form_posts_to_its_own_path_without_a_fragment(client):
    for response in [client.get(URL), client.post(URL, report_data(description=""))]:
        form = re.search(r'<form [^>]*id="report-form"[^>]*>', response.content.decode()).group(0)
        assert 'action="/fr/signaler/"' in form


def test_sent_too_quickly_says_to_wait(client):
    response = client.post(URL, report_data(started=started(seconds_ago=0)))
    assert "Attendez quelques secondes" in response.content.decode()


def test_a_big_phone_photo_is_accepted_and_the_form_says_so(client):
    assert "20 Mo chacune" in client.get(URL).content.decode()
    data = report_data()
    data["photos"] = [images.upload("telephone.jpg", images.big_photo_bytes(12 * 1024 * 1024))]
    assert client.post(URL, data).status_code == 302
    assert Report.objects.get().photos.count() == 1


def test_the_site_says_it_can_be_reached_before_the_form_sends(client):
    response = client.get("/fr/signaler/en-ligne/")
    assert response.status_code == 204
    assert response["X-Report-Form"] == "online"
    assert "no-store" in response["Cache-Control"]


# --- Check your answers ------------------------------------------------------------------


def check(client, **extra):
    return client.post(URL, report_data(step="check", **extra))


def test_the_check_page_shows_the_answers_in_words_and_sends_nothing(client):
    response = check(client, country="TH", children_count="unknown", city="Pattaya")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Vérifiez vos réponses avant d'envoyer" in body
    assert "Thaïlande" in body
    assert "Je ne suis pas sûr·e" in body
    assert SECRET_TEXT.replace("'", "&#x27;") in body
    assert body.count('name="change"') >= 3
    assert 'formaction="/fr/signaler/#section-where"' in body
    assert Report.objects.count() == 0


def test_change_goes_back_to_the_form_with_everything_kept(client):
    body = check(client, **TYPED).content.decode()
    carried = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', body))
    carried.pop("csrfmiddlewaretoken", None)
    response = client.post(URL, {**carried, "change": "where"})
    assert response.status_code == 200
    form = response.content.decode()
    assert 'id="report-form"' in form
    assert "error-summary" not in form
    assert_all_typed_is_back(form.replace("error-summary", "") + "error-summary")


def test_sending_from_the_check_page_stores_the_report_with_its_photos_decoded_once(
    client, monkeypatch
):
    calls = []
    real = uploads.clean_photo

    def counted(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr("reports.intake.uploads.clean_photo", counted)
    data = report_data(step="check", **TYPED)
    data["photos"] = [images.upload("plage.jpg")]
    body = client.post(URL, data).content.decode()
    assert "plage.jpg" in body
    carried = re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', body)
    final = {}
    for name, value in carried:
        final.setdefault(name, []).append(value.replace("&#x27;", "'"))
    final.pop("csrfmiddlewaretoken", None)
    response = client.post(URL, {**final, "step": "send"})
    assert response.status_code == 302
    report = Report.objects.get()
    assert report.content["travel_hotel"] == "Hôtel Sunrise"
    assert report.photos.count() == 1
    assert calls == [1]


def test_the_throttle_counts_at_sending_not_at_checking(client, settings):
    settings.REPORT_SUBMIT_LIMIT = 1
    for _ in range(3):
        assert check(client).status_code == 200
    assert client.post(URL, report_data(step="send")).status_code == 302
    assert client.post(URL, report_data(step="send")).status_code == 429


def test_the_minimum_fill_time_applies_to_the_first_step(client):
    response = check(client, started=started(seconds_ago=0))
    assert "Attendez quelques secondes" in response.content.decode()
    assert "Vérifiez vos réponses" not in response.content.decode()


def test_form_fields_have_a_focus_ring_of_3_px_in_a_dark_colour():
    from pathlib import Path

    css = Path(__file__).resolve().parent.parent.joinpath("static/css/site.css").read_text()
    selector = r"\.form-control:focus,\.form-select:focus,\.form-check-input:focus"
    rule = re.search(selector + r"\{([^}]*)\}", css).group(1)
    assert "outline:3px solid #1b3a6b" in rule  # 11:1 on white, 2 px and more
