"""The sending of the report form (reports.intake.sending): what the view gets back for
each way a sending can go, the form built once per request, and a page that asks nothing
of the database."""

import pytest
from django.db import OperationalError
from django.test import RequestFactory

from limits.models import Counter
from reports.intake import sending, uploads, views
from reports.intake.forms import ReportForm
from reports.intake.sending import Outcome
from reports.models import PendingUpload, Report
from tests import images
from tests.reporting import report_data, token_of
from tests.test_faults import database_down

pytestmark = pytest.mark.django_db
URL = "/fr/signaler/"


def send(data):
    """One sending through the service, as the view makes it."""
    request = RequestFactory().post(URL, data)
    return request, sending.send_report(request, ReportForm(request.POST, request.FILES))


def test_a_first_step_without_a_start_time_is_shown_its_answers_counting_nothing():
    data = report_data(started=None)
    data["photos"] = [images.upload("plage.jpg")]
    _request, result = send(data)
    assert result.outcome == Outcome.CHECK
    assert [photo.about["name"] for photo in result.photos] == ["plage.jpg"]
    assert isinstance(result.photos, list)  # read already: the page asks nothing more
    assert Counter.objects.count() == 1  # the photo budget; no report counted
    assert Report.objects.count() == 0


def test_a_report_sent_gives_its_receipt_and_the_same_form_again_says_already_sent():
    data = report_data()
    _request, result = send(data)
    assert result.outcome == Outcome.SENT
    assert result.status == 200
    report = Report.objects.get()
    assert result.receipt.reference == report.reference
    assert uploads.consumed_reference(result.token) == report.reference
    _request, again = send(data)
    assert again.outcome == Outcome.ALREADY_SENT
    assert again.reference == report.reference
    assert Report.objects.count() == 1


def test_a_form_with_errors_comes_back_with_its_photos_kept():
    data = report_data(description="")
    data["photos"] = [images.upload("plage.jpg")]
    _request, result = send(data)
    assert result.outcome == Outcome.FORM
    assert result.status == 200
    assert "description" in result.form.errors
    assert [photo.about["name"] for photo in result.photos] == ["plage.jpg"]
    assert not result.stashed


def test_a_client_over_its_limit_is_turned_away_at_the_door_with_a_wait(settings, monkeypatch):
    settings.REPORT_SUBMIT_LIMIT = 1
    send(report_data())
    monkeypatch.setattr(
        "reports.intake.uploads.clean_photo", lambda *a, **k: pytest.fail("decoded")
    )
    data = report_data()
    data["photos"] = [images.upload("plage.jpg")]
    _request, result = send(data)
    assert result.outcome == Outcome.FORM
    assert result.status == 429
    assert result.retry_after > 0
    assert "photos" in result.form.errors  # not kept: choose them again
    assert Report.objects.count() == 1


def test_the_database_down_gives_the_form_back_with_its_photos_in_the_stash():
    data = report_data(city="Liège")
    data["photos"] = [images.upload("plage.jpg")]
    with database_down():
        _request, result = send(data)
    assert result.outcome == Outcome.FORM
    assert result.status == 503
    assert result.stashed
    assert [photo.about["name"] for photo in result.photos] == ["plage.jpg"]
    assert result.form.non_field_errors() == [sending.not_saved_message()]


def test_a_report_that_cannot_be_stored_gives_its_count_back(monkeypatch, settings):
    from django.db import DatabaseError

    settings.REPORT_SUBMIT_LIMIT = 1

    def broken(**kwargs):
        raise DatabaseError("server closed the connection")

    monkeypatch.setattr(sending, "submit_report", broken)
    _request, result = send(report_data())
    assert result.status == 503
    assert result.form.non_field_errors() == [sending.not_saved_message()]
    monkeypatch.undo()
    _request, result = send(report_data())
    assert result.outcome == Outcome.SENT  # the failed one was not counted


def test_a_request_too_large_gives_its_text_back_naming_the_photos_dropped():
    request = RequestFactory().post(URL, report_data(city="Bruges"))
    request.too_large, request.dropped_files = True, ["grande.jpg"]
    result = sending.send_report(request, ReportForm(request.POST, request.FILES))
    assert result.outcome == Outcome.FORM
    assert result.status == 413
    assert "“grande.jpg”" in str(result.form.errors["photos"])


# --- The view -----------------------------------------------------------------------------


def five_kept(client):
    data = report_data(description="")
    data["photos"] = [images.upload(f"p{i}.jpg") for i in range(5)]
    return client.post(URL, data)


def kept_on_the_form(client):
    """Every way a report form comes back or goes on, each as the form was sent."""
    first = five_kept(client)
    token = token_of(first)
    one = PendingUpload.objects.first()
    return {
        "a first step": report_data(started=None, upload_token=token),
        "check": report_data(step="check", upload_token=token),
        "send": report_data(step="send"),
        "change": report_data(change="where", upload_token=token),
        "remove": report_data(remove_photo=str(one.pk), upload_token=token),
        "errors": report_data(description="", upload_token=token),
        "honeypot": report_data(website="http://spam.example"),
    }


@pytest.mark.parametrize(
    "way", ["a first step", "check", "send", "change", "remove", "errors", "honeypot"]
)
def test_the_view_builds_the_form_once(client, monkeypatch, way):
    data = kept_on_the_form(client)[way]
    built = []
    real = ReportForm.__init__

    def counted(self, *args, **kwargs):
        built.append(1)
        real(self, *args, **kwargs)

    monkeypatch.setattr(ReportForm, "__init__", counted)
    response = client.post(URL, data)
    assert response.status_code in {200, 302}
    assert built == [1]


def test_the_view_builds_the_form_once_when_the_database_is_down_or_the_client_throttled(
    client, monkeypatch, settings
):
    built = []
    real = ReportForm.__init__

    def counted(self, *args, **kwargs):
        built.append(1)
        real(self, *args, **kwargs)

    monkeypatch.setattr(ReportForm, "__init__", counted)
    with database_down():
        assert client.post(URL, report_data()).status_code == 503

    def fails(*args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    # The database lost while this sending's photos are taken, the form already judged.
    with monkeypatch.context() as patch:
        patch.setattr("reports.intake.uploads.pending_bytes", fails)
        assert client.post(URL, report_data(photos=[images.upload()])).status_code == 503
    settings.REPORT_SUBMIT_LIMIT = 0
    assert client.post(URL, report_data()).status_code == 429
    assert built == [1, 1, 1]


def test_removing_a_photo_makes_room_for_one_chosen_with_the_same_click(client):
    """The photo named by "Remove" goes before the new ones are counted: five kept, one
    removed and one chosen, five kept; a refusal of a photo chosen with that click is said."""
    token = token_of(five_kept(client))
    one = PendingUpload.objects.first()
    data = report_data(description="", upload_token=token, remove_photo=str(one.pk))
    data["photos"] = [images.upload("nouvelle.jpg"), images.upload("virus.jpg", b"<html>")]
    body = client.post(URL, data).content.decode()
    assert PendingUpload.objects.count() == 5
    assert "nouvelle.jpg" in body
    assert not PendingUpload.objects.filter(pk=one.pk).exists()
    assert "virus.jpg" in body  # its refusal, not lost with the click


@pytest.mark.parametrize("way", ["errors", "check", "remove"])
def test_the_page_of_a_sending_asks_nothing_of_the_database(client, django_assert_num_queries, way):
    """Whatever asks the database happens in the sending, inside its guard: a database
    that fails while the page is made cannot lose what was typed."""
    data = kept_on_the_form(client)[way]
    request, result = send(data)
    assert result.outcome in {Outcome.FORM, Outcome.CHECK}
    assert result.photos
    with django_assert_num_queries(0):
        response = views._show(request, result)
    assert response.status_code == 200
