"""Sending a report: the happy path, every refusal, and nothing lost on bad input."""

import io
import re

import pytest
import time_machine
from django.db import connection
from django.urls import reverse
from django.utils import translation
from PIL import Image

from reports.models import PendingUpload, Report, ReportPhoto
from tests import images
from tests.reporting import SECRET_TEXT, report_data, started, token_of

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("opened_by_recovery_key")]

URL = "/fr/signaler/"


def test_it_has_translated_paths():
    for lang, path in {"fr": "/fr/signaler/", "nl": "/nl/melden/", "en": "/en/report/"}.items():
        with translation.override(lang):
            assert reverse("reports:submit") == path


def test_it_explains_before_the_form_and_gives_emergency_numbers(client):
    body = client.get(URL).content.decode()
    assert "112" in body
    assert "116 000" in body
    assert "anonym" in body
    assert 'enctype="multipart/form-data"' in body


def test_it_accepts_a_minimal_anonymous_report(client):
    response = client.post(URL, report_data(), follow=True)
    assert response.redirect_chain == [("/fr/signaler/envoye/", 302)]
    body = response.content.decode()
    report = Report.objects.get()
    assert report.reference in body
    code = re.search(r'id="follow-up-code">([0-9A-Z-]+)<', body).group(1)
    assert re.fullmatch(r"([0-9A-Z]{4}-){4}[0-9A-Z]{4}", code)
    assert report.check_follow_up_code(code)
    assert code not in report.code_hash
    assert report.status == Report.Status.NEW
    assert report.location == "abroad"
    assert report.country == "TH"
    assert report.content["description"] == SECRET_TEXT
    assert response.headers["Cache-Control"].startswith("max-age=0")
    # The session holds the receipt for ten minutes, and ends with the browser.
    assert client.cookies["sessionid"]["max-age"] == 600


def test_it_puts_belgium_as_the_country_of_a_belgian_report(client):
    client.post(URL, report_data(location="belgium", country="TH"))
    assert Report.objects.get().country == "BE"


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"location": None}, "location", "Belgique ou à l'étranger"),
        ({"description": ""}, "description", "Décrivez ce qui s'est passé"),
        ({"country": ""}, "country", "Choisissez le pays"),
        ({"description": "x" * 5001}, "description", "1 caractère de trop"),
        ({"date": "2026-02-31"}, "date", "date"),
        ({"reporter_email": "not-an-email"}, "reporter_email", "adresse e-mail"),
        ({"consent": "ecpat"}, "reporter_email", "numéro de téléphone"),
    ],
)
def test_it_refuses_bad_input_with_a_clear_message(client, overrides, field, message):
    response = client.post(URL, report_data(**overrides))
    assert response.status_code == 200
    assert Report.objects.count() == 0
    body = response.content.decode()
    assert 'class="error-summary"' in body
    assert f'href="#id_{field}' in body
    assert message.replace("'", "&#x27;") in body or message in body


def test_it_keeps_every_value_typed_on_error(client):
    data = report_data(
        description="",
        city="Pattaya",
        place_kind="bar",
        place_name="Blue Moon bar",
        children_count="2-3",
        children_ages=["6-11", "12-15"],
        suspects_description="Grand, cheveux gris",
        travel_flight="TG 935 du 12 juillet",
        reporter_email="moi@example.org",
        links="https://example.org/annonce",
    )
    body = client.post(URL, data).content.decode()
    for value in ["Pattaya", "Blue Moon bar", "Grand, cheveux gris", "TG 935 du 12 juillet",
                  "moi@example.org", "https://example.org/annonce"]:  # fmt: skip
        assert value in body, value
    assert re.search(r'value="bar"\s+selected', body)
    assert re.search(r'value="6-11"[^>]*checked', body)
    assert re.search(r'value="TH"\s+selected', body)


def test_it_keeps_accepted_photos_when_the_form_comes_back(client):
    data = report_data(description="")
    data["photos"] = [
        images.upload("plage.jpg"),
        images.upload("hotel.png", images.photo_bytes(fmt="PNG")),
    ]
    response = client.post(URL, data)
    body = response.content.decode()
    assert "plage.jpg" in body
    assert "hotel.png" in body
    assert PendingUpload.objects.count() == 2

    # The person corrects the text only: the photos go with the report.
    data = report_data(upload_token=token_of(response))
    response = client.post(URL, data)
    assert response.status_code == 302
    report = Report.objects.get()
    assert report.photos.count() == 2
    assert PendingUpload.objects.count() == 0


def test_it_removes_a_kept_photo(client):
    data = report_data(description="")
    data["photos"] = [images.upload("a.jpg"), images.upload("b.jpg")]
    response = client.post(URL, data)
    first = PendingUpload.objects.first()
    response = client.post(
        URL, report_data(description="", upload_token=token_of(response), remove_photo=first.pk)
    )
    assert PendingUpload.objects.count() == 1
    assert "b.jpg" in response.content.decode()


def test_it_cannot_remove_another_forms_photo(client):
    data = report_data(description="")
    data["photos"] = [images.upload("a.jpg")]
    client.post(URL, data)
    other = PendingUpload.objects.get()
    client.post(URL, report_data(description="", remove_photo=other.pk))
    assert PendingUpload.objects.count() == 1


def test_it_refuses_a_sixth_photo(client):
    data = report_data(description="")
    data["photos"] = [images.upload(f"p{i}.jpg") for i in range(6)]
    body = client.post(URL, data).content.decode()
    assert PendingUpload.objects.count() == 5
    assert "p5.jpg" in body
    assert "au maximum 5 photos" in body


def test_it_refuses_a_fake_photo_and_keeps_the_rest(client):
    data = report_data(city="Bruges")
    data["photos"] = [
        images.upload("ok.jpg"),
        images.upload("virus.jpg", b"<html>not an image</html>", "image/jpeg"),
    ]
    response = client.post(URL, data)
    body = response.content.decode()
    assert Report.objects.count() == 0
    assert "virus.jpg" in body
    assert "Bruges" in body
    assert PendingUpload.objects.count() == 1


def test_it_stores_photos_encrypted_and_without_metadata(client, settings):
    data = report_data()
    data["photos"] = [images.upload("plage.jpg")]
    client.post(URL, data)
    photo = ReportPhoto.objects.get()
    with photo.file.open("rb") as fh:
        stored = fh.read()
    assert not stored.startswith(b"\xff\xd8")  # encrypted: not a JPEG on disk
    assert str(settings.MEDIA_ROOT) not in photo.file.path
    clean = Image.open(io.BytesIO(photo.read()))
    assert len(clean.getexif()) == 0
    assert b"SN-123456789" not in photo.read()
    assert photo.details == {"name": "plage.jpg"}


def test_it_keeps_place_and_time_only_when_asked(client):
    data = report_data(keep_photo_place_time="on")
    data["photos"] = [images.upload("plage.jpg")]
    client.post(URL, data)
    details = ReportPhoto.objects.get().details
    assert details["latitude"] == pytest.approx(13.741667, abs=1e-5)
    assert details["taken_at"] == "2026:07:14 21:05:30"


def test_it_does_not_store_the_same_form_twice(client):
    data = report_data()
    client.post(URL, data)
    response = client.post(URL, data)
    assert Report.objects.count() == 1
    assert Report.objects.get().reference in response.content.decode()
    assert 'id="follow-up-code"' not in response.content.decode()


def test_it_refuses_a_filled_honeypot(client):
    response = client.post(URL, report_data(website="http://spam.example"))
    assert Report.objects.count() == 0
    assert 'class="error-summary"' in response.content.decode()


def test_it_refuses_a_form_sent_too_quickly(client, settings):
    settings.REPORT_MIN_FILL_SECONDS = 5
    response = client.post(URL, report_data(started=started(seconds_ago=1)))
    assert Report.objects.count() == 0
    assert SECRET_TEXT.split()[1] in response.content.decode()


def test_it_throttles_a_client_sending_many_reports(client, settings):
    settings.REPORT_SUBMIT_LIMIT = 2
    for _ in range(2):
        assert client.post(URL, report_data()).status_code == 302
    response = client.post(URL, report_data())
    assert response.status_code == 429
    assert "pas encore été enregistré" in response.content.decode()
    assert Report.objects.count() == 2


def test_a_throttled_report_comes_back_with_what_was_typed(client, settings, monkeypatch):
    settings.REPORT_SUBMIT_LIMIT = 1
    client.post(URL, report_data())
    # Photos sent with a turned-away request are not even opened.
    never = lambda *a, **k: pytest.fail("decoded")  # noqa: E731
    monkeypatch.setattr("reports.intake.uploads.clean_photo", never)
    data = report_data(description=SECRET_TEXT + " (bis)")
    data["photos"] = [images.upload("plage.jpg")]
    response = client.post(URL, data)
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    body = response.content.decode()
    assert "pas encore été enregistré" in body
    assert "Les photos choisies lors de cette tentative" in body
    assert "dix ans dans la chambre 214" in body
    assert "(bis)" in body
    assert 'name="upload_token"' in body
    assert Report.objects.count() == 1
    assert PendingUpload.objects.count() == 0


def test_the_hour_does_not_shrink_after_the_last_report(client, settings):
    """The cache's counter used to expire 5 minutes after its last hit."""
    settings.REPORT_SUBMIT_LIMIT = 2
    with time_machine.travel("2026-11-23 10:00Z", tick=False) as traveller:
        client.post(URL, report_data(started=started(seconds_ago=60)))
        traveller.move_to("2026-11-23 10:01Z")
        client.post(URL, report_data(started=started(seconds_ago=60)))
        traveller.move_to("2026-11-23 10:30Z")
        assert client.post(URL, report_data(started=started())).status_code == 429
        traveller.move_to("2026-11-23 11:00:01Z")
        assert client.post(URL, report_data(started=started())).status_code == 302
    assert Report.objects.count() == 3


def test_it_throttles_per_client_not_globally(client, settings):
    settings.REPORT_SUBMIT_LIMIT = 1
    client.post(URL, report_data(), REMOTE_ADDR="198.51.100.1")
    assert client.post(URL, report_data(), REMOTE_ADDR="198.51.100.2").status_code == 302


def test_it_refuses_a_too_large_request_kindly(client, settings):
    settings.MAX_REQUEST_BYTES = 1024 * 1024
    data = report_data()
    data["photos"] = [images.upload("big.jpg", b"\xff" * (2 * 1024 * 1024))]
    response = client.post(URL, data)
    assert response.status_code == 413
    body = response.content.decode()
    assert "trop volumineux pour être reçu en une fois" in body
    assert "“big.jpg”" in body  # named, not kept
    assert Report.objects.count() == 0


def test_it_answers_a_garbled_multipart_body_without_a_server_error(client):
    response = client.generic(
        "POST",
        URL,
        b'--xx\r\nContent-Disposition: form-data; name="a\r\n\r\n\x00\xff--',
        content_type="multipart/form-data; boundary=xx",
    )
    assert response.status_code in {200, 400, 403}


@pytest.mark.parametrize("method", ["put", "delete", "patch"])
def test_it_refuses_other_methods(client, method):
    assert getattr(client, method)(URL).status_code == 405


def test_it_stores_no_plaintext_and_no_address(client):
    data = report_data(reporter_email="secret.reporter@example.org")
    data["photos"] = [images.upload("plage.jpg")]
    client.post(URL, data, REMOTE_ADDR="203.0.113.77", HTTP_USER_AGENT="SecretAgent/1.0")
    needles = [SECRET_TEXT[:30], "secret.reporter", "203.0.113.77", "SecretAgent"]
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            quoted = connection.ops.quote_name(table)
            cursor.execute(f"SELECT * FROM {quoted}")  # noqa: S608 — table names from introspection
            dump = repr(cursor.fetchall())
            for needle in needles:
                assert needle not in dump, f"{needle!r} found in {table}"


@pytest.mark.django_db
def test_a_code_hashed_with_the_former_rounds_still_opens_its_report():
    """Follow-up codes are hashed with 2,000 rounds (reports.hashers); those stored with
    20,000 still check."""
    from reports.hashers import FollowUpCodeHasher
    from reports.models import Report, normalise_code

    report = Report(location="belgium")
    report.set_follow_up_code("ABCD-EFGH-JKMN-PQRS")
    assert report.code_hash.startswith("pbkdf2_sha256_code$2000$")
    report.code_hash = FollowUpCodeHasher().encode(
        normalise_code("ABCD-EFGH-JKMN-PQRS"), "saltsaltsaltsalt", iterations=20_000
    )
    assert report.check_follow_up_code("ABCD-EFGH-JKMN-PQRS")
    assert not report.check_follow_up_code("ABCD-EFGH-JKMN-PQRT")
