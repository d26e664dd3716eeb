"""When something fails — mail, storage, the worker — the person is told plainly and
nothing is lost or half-saved."""

import contextlib
import os
from datetime import timedelta
from pathlib import Path

import pytest
import time_machine
from django.core.files.storage import FileSystemStorage
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from reports.models import PendingUpload, Report, ReportPhoto
from tests import images
from tests.reporting import report_data

pytestmark = pytest.mark.django_db
URL = "/fr/signaler/"


def files_under(root) -> list[str]:
    return [os.path.join(d, f) for d, _dirs, names in os.walk(root) for f in names]


def test_a_storage_failure_keeps_the_form_and_leaves_no_orphan(client, monkeypatch, settings):
    def broken(self, name, content, max_length=None):
        raise OSError("disk full")

    monkeypatch.setattr(FileSystemStorage, "save", broken)
    data = report_data(city="Bruges")
    data["photos"] = [images.upload("plage.jpg")]
    response = client.post(URL, data)
    body = response.content.decode()
    assert response.status_code == 200
    assert "n&#x27;a pas pu être enregistrée" in body or "n'a pas pu être enregistrée" in body
    assert "Bruges" in body
    assert Report.objects.count() == 0
    assert PendingUpload.objects.count() == 0
    assert files_under(settings.PRIVATE_ROOT) == []


def test_a_database_failure_after_the_file_removes_the_file(client, monkeypatch, settings):
    from django.db import DatabaseError

    original = PendingUpload.save

    def broken(self, *args, **kwargs):
        raise DatabaseError("connection lost")

    monkeypatch.setattr(PendingUpload, "save", broken)
    from reports.intake.images import clean_photo
    from reports.intake.services import store_pending_upload

    photo = clean_photo(images.upload(), keep_place_and_time=False, max_bytes=10**7)
    with pytest.raises(DatabaseError):
        store_pending_upload("tok", photo)
    monkeypatch.setattr(PendingUpload, "save", original)
    assert files_under(settings.PRIVATE_ROOT) == []


# Transactional: the worker closes its database connection between tasks, as it should.
@pytest.mark.django_db(transaction=True)
def test_notifications_wait_for_a_stopped_worker(client, settings, mailoutbox):
    """With the real queue and no worker for a day, the mail goes when the worker returns."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    client.post(URL, report_data())
    assert Report.objects.count() == 1
    assert mailoutbox == []
    with time_machine.travel(timezone.now() + timedelta(days=1)):
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    assert len(mailoutbox) == 1
    assert "new report is waiting" in mailoutbox[0].body


def test_photos_already_kept_survive_a_failed_send(client, monkeypatch):
    """A failure while saving the report itself leaves the kept photos for the next try."""
    from django.db import DatabaseError

    from reports.intake import sending

    data = report_data(description="")
    data["photos"] = [images.upload("plage.jpg")]
    first = client.post(URL, data)
    from tests.reporting import token_of

    def broken(**kwargs):
        raise DatabaseError("server closed the connection")

    monkeypatch.setattr(sending, "submit_report", broken)
    response = client.post(URL, report_data(upload_token=token_of(first), city="Gand"))
    body = response.content.decode()
    assert response.status_code == 503
    assert "Gand" in body
    assert "plage.jpg" in body
    assert ReportPhoto.objects.count() == 0
    assert PendingUpload.objects.count() == 1


@contextlib.contextmanager
def database_down():
    """Every query fails, as when the database server is unreachable."""
    from django.db import OperationalError

    def refuse(execute, sql, params, many, context):
        raise OperationalError("could not connect to server: Connection refused")

    with connection.execute_wrapper(refuse):
        yield


def test_the_database_down_gives_everything_typed_back_and_keeps_the_photos(
    client, settings, django_capture_on_commit_callbacks
):
    from tests.reporting import token_of

    data = report_data(city="Liège", travel_flight="SN 123")
    data["photos"] = [images.upload("plage.jpg"), images.upload("hotel.jpg")]
    with database_down():
        response = client.post(URL, data)
    body = response.content.decode()
    assert response.status_code == 503
    assert "Liège" in body
    assert "SN 123" in body
    assert "problème de notre côté" in body
    assert "2 photos conservées" in body
    assert "plage.jpg" in body
    assert "hotel.jpg" in body
    assert 'name="stashed" value="1"' in body
    kept = files_under(settings.PRIVATE_ROOT)
    assert len(kept) == 4  # a .meta and a .bin per photo, both encrypted
    assert not any(Path(path).read_bytes().startswith(b"\xff\xd8") for path in kept)
    assert PendingUpload.objects.count() == 0

    # The database is back: sending again sends the photos, picked only once.
    again = report_data(city="Liège", upload_token=token_of(response), stashed="1")
    with django_capture_on_commit_callbacks(execute=True):  # the pending copies go on commit
        receipt = client.post(URL, again, follow=True)
    assert receipt.status_code == 200
    assert "JDS-" in receipt.content.decode()
    report = Report.objects.get()
    assert report.photos.count() == 2
    assert PendingUpload.objects.count() == 0
    assert len(files_under(settings.PRIVATE_ROOT)) == 2  # the two report photos only


def send_one_photo_while_down(client):
    """A form with one photo sent while the database is down: the 503 page it gets."""
    data = report_data(description="")
    data["photos"] = [images.upload("plage.jpg")]
    with database_down():
        return client.post(URL, data)


@pytest.mark.parametrize("database_back", [False, True])
def test_a_photo_kept_while_the_database_was_down_can_be_removed(client, settings, database_back):
    import re

    from tests.reporting import token_of

    response = send_one_photo_while_down(client)
    photo_id = re.search(r'name="remove_photo" value="(s[0-9a-f]+)"', response.content.decode())
    again = report_data(upload_token=token_of(response), stashed="1", remove_photo=photo_id[1])
    if database_back:
        removed = client.post(URL, again)
    else:
        with database_down():
            removed = client.post(URL, again)
    assert removed.status_code == (200 if database_back else 503)
    assert "plage.jpg" not in removed.content.decode()
    assert PendingUpload.objects.count() == 0
    assert files_under(settings.PRIVATE_ROOT) == []


def test_photos_kept_while_the_database_was_down_expire_after_24_hours(client, settings):
    send_one_photo_while_down(client)
    assert len(files_under(settings.PRIVATE_ROOT)) == 2
    with time_machine.travel(timezone.now() + timedelta(hours=23)):
        call_command("purge_pending_uploads", stdout=open(os.devnull, "w"))  # noqa: SIM115
    assert len(files_under(settings.PRIVATE_ROOT)) == 2
    with time_machine.travel(timezone.now() + timedelta(hours=25)):
        call_command("purge_pending_uploads", stdout=open(os.devnull, "w"))  # noqa: SIM115
    assert files_under(settings.PRIVATE_ROOT) == []


@pytest.mark.parametrize(
    ("method", "path", "text"),
    [("post", "/fr/suivi/", "Temporairement indisponible"),
     ("get", "/nl/nieuws/", "Tijdelijk niet beschikbaar"),
     ("get", "/en/news/", "Temporarily unavailable")],
)  # fmt: skip
def test_the_database_down_elsewhere_is_a_translated_503(client, method, path, text):
    with database_down():
        response = getattr(client, method)(path, {"action": "login", "code": "ABCD-EFGH"})
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    body = response.content.decode()
    assert text in body
    assert "112" in body


def post_multipart(port: int, path: str, data: dict, cookie: str = "") -> tuple[int, str, dict]:
    """A POST of the form as a browser sends it (files included, and `cookie`), to a real
    server."""
    import http.client

    from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart

    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    headers = {"Content-Type": MULTIPART_CONTENT, "Sec-Fetch-Site": "same-origin"}
    if cookie:
        headers["Cookie"] = cookie
    conn.request("POST", path, body=encode_multipart(BOUNDARY, data), headers=headers)
    response = conn.getresponse()
    answer = response.status, response.read().decode(), dict(response.getheaders())
    conn.close()
    return answer


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL, as production")
@pytest.mark.django_db(transaction=True)
def test_a_reporter_keeps_their_photos_through_a_real_database_outage(tmp_path, settings):
    """The proof that the stash helps: gunicorn on PostgreSQL, the database taken away for
    real (every connection broken, each new one closed at once), not one query refused.
    Nothing before the form's view asks the database for a reporter (the session is read
    only when used, the messages from their cookie first); throttle.wait_seconds at the door
    raises like any query and the sending gives the form back, its photo in the stash."""
    import re
    import urllib.request

    from tests.keys import as_recovery
    from tests.servers import Relay, gunicorn

    db = connection.settings_dict
    relay = Relay(db["HOST"] or "127.0.0.1", int(db["PORT"] or 5432))
    through = f"postgres://{db['USER']}:{db['PASSWORD']}@127.0.0.1:{relay.port}/{db['NAME']}"
    env = {"DATABASE_URL": through, "REPORT_MIN_FILL_SECONDS": 0, "LOG_LEVEL": "CRITICAL"}
    try:
        with gunicorn(env, settings.PRIVATE_ROOT) as (port,):
            # A page that asks the database: the worker keeps its connection (CONN_MAX_AGE).
            urllib.request.urlopen(f"http://127.0.0.1:{port}/fr/actualites/").read()
            relay.cut()
            data = report_data(city="Liège")
            data["photos"] = [images.upload("plage.jpg")]
            status, body, _headers = post_multipart(port, URL, data)
            assert status == 503
            assert "Liège" in body
            assert "problème de notre côté" in body
            assert "plage.jpg" in body
            assert 'name="stashed" value="1"' in body
            assert re.search(r'name="remove_photo" value="s[0-9a-f]+"', body)

            # The same browser: the cookie with its form key comes back (the photo kept in
            # the stash is sealed under it).
            form_key = re.search(r"((?:__Host-)?formkey=[^;]+)", _headers["Set-Cookie"])[1]
            relay.restore()
            token = re.search(r'name="upload_token" value="([^"]+)"', body)[1]
            again = report_data(city="Liège", upload_token=token, stashed="1")
            status, _body, headers = post_multipart(port, URL, again, cookie=form_key)
            assert status == 302, _body[:500]
            assert headers["Location"] == "/fr/signaler/envoye/"
    finally:
        relay.close()
    report = Report.objects.get()
    with as_recovery():  # sealed to the team: the tests' recovery key opens it
        assert report.content["city"] == "Liège"
    assert report.photos.count() == 1
    assert PendingUpload.objects.count() == 0
    assert [Path(path).parent.name for path in files_under(settings.PRIVATE_ROOT)] == ["photos"]
