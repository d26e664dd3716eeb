"""When something fails — mail, storage, the worker — the person is told plainly and
nothing is lost or half-saved."""

import os
from datetime import timedelta

import pytest
import time_machine
from django.core.files.storage import FileSystemStorage
from django.core.management import call_command
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
    from reports.images import clean_photo
    from reports.services import store_pending_upload

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

    from reports import views

    data = report_data(description="")
    data["photos"] = [images.upload("plage.jpg")]
    first = client.post(URL, data)
    from tests.reporting import token_of

    def broken(**kwargs):
        raise DatabaseError("server closed the connection")

    monkeypatch.setattr(views, "submit_report", broken)
    response = client.post(URL, report_data(upload_token=token_of(first), city="Gand"))
    body = response.content.decode()
    assert response.status_code == 503
    assert "Gand" in body
    assert "plage.jpg" in body
    assert ReportPhoto.objects.count() == 0
    assert PendingUpload.objects.count() == 1


def test_the_database_down_gives_everything_typed_back(client, monkeypatch):
    from django.db import OperationalError

    from reports import throttle

    def down(*args, **kwargs):
        raise OperationalError("could not connect to server")

    monkeypatch.setattr(throttle, "is_limited", down)
    data = report_data(city="Liège", travel_flight="SN 123")
    data["photos"] = [images.upload("plage.jpg")]
    response = client.post(URL, data)
    body = response.content.decode()
    assert response.status_code == 503
    assert "Liège" in body
    assert "SN 123" in body
    assert "problème de notre côté" in body
    assert "Ajoutez à nouveau vos photos" in body
