"""Uploads live in a configurable storage: the file system by default, or an S3-compatible
bucket (django-storages, here against moto's in-process fake). Either way pages link only to
the site itself, and report photos are stored encrypted."""

import io
import re

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.test import Client
from PIL import Image

from reports.intake.services import submit_report
from reports.intake.uploads import accept_photos
from reports.models import PendingUpload, Report, ReportPhoto
from reports.storage import private_storage
from tests import images

pytestmark = pytest.mark.django_db

QUEUE = "/fr/admin/reports/report/"


def png_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 20), "#c00").save(out, "PNG")
    return out.getvalue()


def test_public_uploads_are_served_by_the_site(client):
    name = default_storage.save("partners/logo.png", ContentFile(png_bytes()))
    response = client.get(default_storage.url(name))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert "max-age=86400" in response["Cache-Control"]
    assert b"".join(response.streaming_content) == png_bytes()
    assert client.post(default_storage.url(name)).status_code == 405


@pytest.mark.parametrize(
    "path",
    ["/media/partners/missing.png", "/media/../secret.png", "/media/partners/../../x.png",
     "/media/partners", "/media/%2e%2e/settings.png", "/media/page.html", "/media/x.svg"],
)  # fmt: skip
def test_only_existing_images_inside_the_media_folder_are_served(client, path, settings):
    (settings.MEDIA_ROOT / "page.html").parent.mkdir(parents=True, exist_ok=True)
    (settings.MEDIA_ROOT / "page.html").write_text("<script>alert(1)</script>")
    (settings.MEDIA_ROOT / "x.svg").write_text("<svg onload='alert(1)'/>")
    assert client.get(path).status_code == 404


def test_every_image_on_the_public_pages_loads_in_production(seeded, settings):
    """Partner logos and article images answer 200 with DEBUG off, as in production."""
    settings.DEBUG = False
    client = Client()
    sources = set()
    for path in ["/fr/", "/nl/partners/", "/en/news/"]:
        html = client.get(path).content.decode()
        sources |= set(re.findall(r'<img[^>]+src="([^"]+)"', html))
        for srcset in re.findall(r'srcset="([^"]+)"', html):
            sources |= {part.split()[0] for part in srcset.split(",")}
    assert any("/media/" in src for src in sources)
    for src in sources:
        assert src.startswith("/"), src  # never another host
        assert client.get(src).status_code == 200, src


# --- The same flows on an S3-compatible bucket ------------------------------------------


@pytest.fixture
def s3(settings):
    moto = pytest.importorskip("moto")
    import boto3

    with moto.mock_aws():
        boto3.client("s3", region_name="eu-west-1").create_bucket(
            Bucket="jedisstop-test", CreateBucketConfiguration={"LocationConstraint": "eu-west-1"}
        )
        options = {"bucket_name": "jedisstop-test", "region_name": "eu-west-1",
                   "access_key": "test", "secret_key": "test", "default_acl": "private",
                   "file_overwrite": False, "querystring_auth": True}  # fmt: skip
        settings.STORAGES = {
            **settings.STORAGES,
            "default": {
                "BACKEND": "media.s3storage.SiteServedS3Storage",
                "OPTIONS": {**options, "location": "media"},
            },
            "private": {
                "BACKEND": "media.s3storage.PrivateS3Storage",
                "OPTIONS": {**options, "location": "private"},
            },
        }
        bucket = boto3.resource("s3", region_name="eu-west-1").Bucket("jedisstop-test")
        yield bucket


def keys(bucket, prefix=""):
    return sorted(obj.key for obj in bucket.objects.filter(Prefix=prefix))


def test_on_s3_report_photos_are_stored_encrypted_and_shown_to_staff(
    s3, client, staff_login, officer, django_capture_on_commit_callbacks
):
    accept_photos("tok-s3", [images.upload()], keep_place_and_time=False)
    assert len(keys(s3, "private/")) == 1
    with django_capture_on_commit_callbacks(execute=True):  # the pending copy goes on commit
        receipt = submit_report(
            location="abroad", country="TH", place_kind="bar",
            content={"description": "Texte secret du signalement"}, upload_token="tok-s3",
        )  # fmt: skip
    report = Report.objects.get(reference=receipt.reference)
    photo = report.photos.get()
    stored = s3.Object(f"private/{photo.file.name}").get()["Body"].read()
    assert not stored.startswith(b"\xff\xd8")  # not a JPEG: ciphertext
    assert PendingUpload.objects.count() == 0
    assert keys(s3, "private/") == [f"private/{photo.file.name}"]
    with pytest.raises(ValueError, match="no public URL"):
        private_storage().url(photo.file.name)

    staff_login(officer)
    response = client.get(f"{QUEUE}{report.pk}/photo/{photo.pk}/")
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert body.startswith(b"\xff\xd8")


def test_on_s3_public_uploads_are_served_by_the_site_not_the_bucket(s3, client):
    name = default_storage.save("partners/logo.png", ContentFile(png_bytes()))
    url = default_storage.url(name)
    assert url == f"/media/{name}"
    assert keys(s3, "media/") == [f"media/{name}"]
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == png_bytes()
    assert client.get("/media/partners/missing.png").status_code == 404


def test_on_s3_purging_a_closed_report_removes_its_photos(s3, django_capture_on_commit_callbacks):
    from datetime import timedelta

    from django.utils import timezone

    from reports.retention.services import purge_closed_reports

    accept_photos("tok-purge", [images.upload()], keep_place_and_time=False)
    with django_capture_on_commit_callbacks(execute=True):  # the pending copy goes on commit
        receipt = submit_report(
            location="abroad", country="TH", place_kind="bar",
            content={"description": "x"}, upload_token="tok-purge",
        )  # fmt: skip
    Report.objects.filter(reference=receipt.reference).update(
        status=Report.Status.CLOSED, closed_at=timezone.now() - timedelta(days=400)
    )
    assert len(keys(s3, "private/")) == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert purge_closed_reports(older_than_days=365) == 1
    assert ReportPhoto.objects.count() == 0
    assert keys(s3, "private/") == []


def test_on_s3_photos_sent_while_the_database_is_down_are_kept_in_the_bucket(s3, client, settings):
    from tests.reporting import report_data, token_of
    from tests.test_faults import database_down

    data = report_data(description="")
    data["photos"] = [images.upload("plage.jpg")]
    with database_down():
        response = client.post("/fr/signaler/", data)
    assert response.status_code == 503
    assert "plage.jpg" in response.content.decode()
    assert len(keys(s3, "private/stash/")) == 2
    again = client.post("/fr/signaler/", report_data(upload_token=token_of(response), stashed="1"))
    assert again.status_code == 302
    assert Report.objects.get().photos.count() == 1
    assert keys(s3, "private/stash/") == []
