"""Safe photo viewing (staff wellbeing) and photos that may show abuse (issue 15, slice 3)."""

from __future__ import annotations

import io
import re
from datetime import timedelta

import pytest
import pyzipper
from django.utils import timezone
from PIL import Image, ImageStat

from reports.models import AuditEntry, Exposure, Report, ReportPhoto, Wellbeing
from reports.referrals import dossier
from reports.referrals.services import forward_report
from reports.triage import photos as triage_photos
from reports.triage.services import claim_report
from tests import images
from tests.reporting import report_data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("opened_by_recovery_key")]

QUEUE = "/fr/admin/reports/report/"


def checkerboard(size=(800, 600), square=10) -> bytes:
    """A photo of fine detail, in colour: what a blur must hide."""
    image = Image.new("RGB", size)
    pixels = image.load()
    for x in range(size[0]):
        for y in range(size[1]):
            on = (x // square + y // square) % 2
            pixels[x, y] = (250, 230, 60) if on else (20, 20, 120)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=95)
    return out.getvalue()


def detail(image: Image.Image) -> float:
    """How much an image shows: the spread of its grey levels (a fine pattern blurred away
    leaves one flat grey)."""
    return ImageStat.Stat(image.convert("L")).stddev[0]


@pytest.fixture
def report(client, officer):
    data = report_data()
    data["photos"] = [
        images.upload("a.jpg", data=checkerboard()),
        images.upload("b.jpg"),
    ]
    client.post("/fr/signaler/", data)
    report = Report.objects.get()
    assert report.photos.count() == 2
    return claim_report(report, by=officer)


def page(client, report) -> str:
    return client.get(f"{QUEUE}{report.pk}/change/").content.decode()


def test_the_report_page_shows_only_server_blurred_greyscale_thumbnails(
    client, staff_login, officer, report
):
    staff_login(officer)
    body = page(client, report)
    first = report.photos.first()
    images_shown = re.findall(r'<img src="([^"]+)"', body)
    assert images_shown == [
        f"{QUEUE}{report.pk}/photo/{p.pk}/thumbnail/" for p in report.photos.all()
    ]  # never the clear image without a click
    thumb = client.get(f"{QUEUE}{report.pk}/photo/{first.pk}/thumbnail/")
    assert thumb["Content-Type"] == "image/jpeg"
    assert "no-store" in thumb["Cache-Control"]
    blurred = Image.open(io.BytesIO(thumb.content))
    assert blurred.mode == "L"  # greyscale by default
    clear = Image.open(io.BytesIO(first.read()))
    assert detail(clear) > 40
    assert detail(blurred) < 5
    # Looking at thumbnails is not looking at photos.
    assert not AuditEntry.objects.filter(action="view_photo").exists()
    assert not Exposure.objects.filter(photos_revealed__gt=0).exists()


def test_a_person_chooses_a_lighter_blur_in_colour_and_supervisors_the_default(
    client, staff_login, officer, supervisor, report
):
    staff_login(officer)
    url = f"{QUEUE}wellbeing/"
    assert "équipe (responsables)" not in client.get(url).content.decode().lower()
    client.post(url, {"mine": "1", "photo_display": "light_colour"})
    assert Wellbeing.objects.get(user=officer).photo_display == "light_colour"
    first = report.photos.first()
    thumb = client.get(f"{QUEUE}{report.pk}/photo/{first.pk}/thumbnail/")
    assert Image.open(io.BytesIO(thumb.content)).mode == "RGB"
    staff_login(supervisor)
    client.post(url, {"team": "1", "team_photo_display": "strong_colour"})
    assert triage_photos.display_for(supervisor) == "strong_colour"
    assert triage_photos.display_for(officer) == "light_colour"  # their own choice stays


def test_revealing_a_photo_is_audited_counted_and_named_after_the_report(
    client, staff_login, officer, report
):
    staff_login(officer)
    first, second = report.photos.all()
    response = client.get(f"{QUEUE}{report.pk}/photo/{second.pk}/")
    assert response["Content-Disposition"] == f'inline; filename="{report.reference}-2.jpg"'
    download = client.get(f"{QUEUE}{report.pk}/photo/{first.pk}/download/")
    assert download["Content-Disposition"] == f'attachment; filename="{report.reference}-1.jpg"'
    assert AuditEntry.objects.filter(action="view_photo", report=report).count() == 2
    assert Exposure.objects.get(user=officer).photos_revealed == 2
    viewer = client.get(f"{QUEUE}{report.pk}/photo/{first.pk}/view/").content.decode()
    assert f'src="{QUEUE}{report.pk}/photo/{first.pk}/"' in viewer  # full size, on its own
    assert f"{QUEUE}{report.pk}/change/" in viewer


def test_exposure_is_counted_for_the_person_alone_with_a_gentle_notice(
    client, staff_login, officer, supervisor, report, settings
):
    settings.EXPOSURE_PHOTOS_NOTICE = 3
    staff_login(officer)
    beat = f"{QUEUE}wellbeing/beat/"
    assert client.post(beat).json() == {"counted": True}
    assert client.post(beat).json() == {"counted": False}  # two tabs count once
    Exposure.objects.filter(user=officer).update(last_beat_at=timezone.now() - timedelta(minutes=1))
    assert client.post(beat).json() == {"counted": True}
    assert Exposure.objects.get(user=officer).seconds_on_reports == 60
    first = report.photos.first()
    assert "take a break" not in page(client, report).lower()
    for _ in range(3):
        client.get(f"{QUEUE}{report.pk}/photo/{first.pk}/")
    assert "faites une pause" in page(client, report)
    mine = client.get(f"{QUEUE}wellbeing/").content.decode()
    assert "<td>3</td>" in mine
    staff_login(supervisor)  # nobody else reads them
    theirs = client.get(f"{QUEUE}wellbeing/").content.decode()
    assert "<td>3</td>" not in theirs
    assert "faites une pause" not in page(client, report)


def test_a_flagged_photo_is_hidden_from_everyone_and_never_leaves_in_a_dossier(
    client, staff_login, officer, supervisor, report
):
    first, second = report.photos.all()
    forward_report(report, by=officer, authority="federal_police")
    referral = report.referrals.get()
    assert set(referral.photos.all()) == {first, second}
    staff_login(officer)
    client.post(f"{QUEUE}{report.pk}/photo/{first.pk}/flag/")
    first.refresh_from_db()
    assert first.hidden
    for who in (officer, supervisor):
        staff_login(who)
        for tail in ["", "thumbnail/", "view/", "download/"]:
            response = client.get(f"{QUEUE}{report.pk}/photo/{first.pk}/{tail}")
            assert response.status_code == 404, tail
        assert f"/photo/{first.pk}/thumbnail/" not in page(client, report)
    assert set(referral.photos.all()) == {second}
    with pyzipper.AESZipFile(io.BytesIO(dossier.zip_file(referral))) as archive:
        photos_in_zip = [n for n in archive.namelist() if n.endswith(".jpg")]
    assert len(photos_in_zip) == 1
    entry = AuditEntry.objects.filter(report=report, detail="photo flagged").get()
    assert entry.user == officer


def test_flagged_photos_passed_to_the_police_are_deleted_on_receipt_or_in_time(
    client, staff_login, officer, report, settings, django_capture_on_commit_callbacks
):
    first, second = report.photos.all()
    triage_photos.flag_photo(first, by=officer)
    triage_photos.flag_photo(second, by=officer)
    police = forward_report(report, by=officer, authority="federal_police").referrals.get()
    staff_login(officer)
    base = f"{QUEUE}{report.pk}/referrals/{police.pk}/abuse-material/"
    client.post(f"{base}passed/")
    assert ReportPhoto.objects.filter(abuse_passed_on=police).count() == 2
    storage = first.file.storage
    names = [p.file.name for p in report.photos.all()]
    assert all(storage.exists(n) for n in names)
    ReportPhoto.objects.filter(pk=second.pk).update(abuse_passed_on=None)  # kept back
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{base}receipt/")
    first.refresh_from_db()
    assert first.file_deleted_at is not None
    assert first.abuse_receipt_at is not None
    assert not storage.exists(names[0])
    assert storage.exists(names[1])
    ReportPhoto.objects.filter(pk=second.pk).update(
        abuse_flagged_at=timezone.now() - timedelta(days=settings.ABUSE_PHOTO_DAYS + 1)
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert triage_photos.purge_flagged_photos() == 1
    assert not storage.exists(names[1])
    assert "Le fichier a été supprimé" in page(client, report)
