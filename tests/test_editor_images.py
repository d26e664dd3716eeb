"""Editors' images: the same bounds as reporters' photos, no metadata kept, a draft's image
not public, files gone with their article."""

import io

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from campaign.models import Article
from tests import images

pytestmark = pytest.mark.django_db

ADD = "/fr/admin/campaign/article/add/"


def article_form(**extra):
    return {
        "title_fr": "Titre", "slug_fr": "titre", "summary_fr": "", "body_fr": "Texte",
        "title_nl": "", "slug_nl": "", "summary_nl": "", "body_nl": "",
        "title_en": "", "slug_en": "", "summary_en": "", "body_en": "",
        "image_alt": "Une photo", "status": "draft", "date_shown": "day",
        "published_at_0": "2026-01-01", "published_at_1": "10:00", **extra,
    }  # fmt: skip


def test_an_editors_image_keeps_nothing_but_its_pixels(client, editor, staff_login):
    staff_login(editor)
    photo = SimpleUploadedFile("IMG_2201.jpg", images.photo_bytes(serial="SN-SECRET-42"))
    response = client.post(ADD, article_form(image=photo))
    assert response.status_code == 302, response.content.decode()[:2000]
    article = Article.objects.get()
    with default_storage.open(article.image.name, "rb") as fh:
        stored = fh.read()
    assert b"SN-SECRET-42" not in stored
    assert b"PhoneMaker" not in stored
    assert not Image.open(io.BytesIO(stored)).getexif()
    renditions = [r.url for rs in article.renditions().values() for r in rs]
    assert renditions


@pytest.mark.parametrize(
    ("data", "name"),
    [(images.rgba_png_bomb(7000), "bomb.png"), (images.decompression_bomb(), "huge.png")],
)
def test_an_editors_image_has_the_same_bounds(client, editor, staff_login, data, name):
    staff_login(editor)
    response = client.post(ADD, article_form(image=SimpleUploadedFile(name, data)))
    assert response.status_code == 200  # the form again, with the error
    assert not Article.objects.exists()


def test_a_drafts_image_is_not_public_and_files_go_with_the_article(
    client, editor, staff_login, django_capture_on_commit_callbacks
):
    staff_login(editor)
    photo = SimpleUploadedFile("draft.jpg", images.photo_bytes())
    client.post(ADD, article_form(image=photo))
    article = Article.objects.get()
    url = f"/media/{article.image.name}"
    assert client.get(url).status_code == 200  # the editor previews it
    assert client.get(url)["Cache-Control"] == "private, no-store"
    visitor = client.__class__()
    assert visitor.get(url).status_code == 404
    Article.objects.filter(pk=article.pk).update(status="published")
    assert visitor.get(url).status_code == 200
    name = article.image.name
    with django_capture_on_commit_callbacks(execute=True):
        article.delete()
    assert not default_storage.exists(name)
    left = default_storage.listdir("news/renditions")[1]
    assert not [n for n in left if n.startswith(f"{article.pk}-")]
