"""Contact and legal notice (issue 17, slice 3): the organisation's details, a contact form
that reaches ECPAT's inbox without its content, limited, translated, never cached; the FAQ,
travellers' and professionals' pages in three languages."""

from __future__ import annotations

import io

import pytest
from django.core import mail
from django.db import connection

from campaign.models import ContactMessage, Organisation
from encryption.sealing import Locked
from tests.keys import as_recovery

pytestmark = pytest.mark.django_db

SECRET = "Message très confidentiel 7Q"


@pytest.fixture
def seeded(db):
    from campaign import seed

    seed.load(io.StringIO())


def send(client, lang="fr", **data):
    form = {"topic": "professional", "email": "hotel@example.org", "message": SECRET, **data}
    url = {"fr": "/fr/contact/", "nl": "/nl/contact/", "en": "/en/contact/"}[lang]
    return client.post(url, form)


def test_a_message_is_stored_encrypted_and_the_inbox_told_without_it(
    client, settings, django_capture_on_commit_callbacks, supervisor, staff_login
):
    settings.CONTACT_INBOX = ["contact@ecpat.example"]
    with django_capture_on_commit_callbacks(execute=True):
        response = send(client, name="Hôtel Soleil")
    assert response.status_code == 200
    assert "Merci" in response.content.decode()
    message = ContactMessage.objects.get()
    # Sealed to the supervisors and the recovery key: the server alone reads nothing.
    with pytest.raises(Locked):
        _ = message.content
    with as_recovery():
        assert ContactMessage.objects.get().content["message"] == SECRET
    staff_login(supervisor)
    page = client.get(f"/fr/admin/campaign/contactmessage/{message.pk}/change/")
    assert SECRET in page.content.decode()
    with connection.cursor() as cursor:
        cursor.execute("SELECT content_encrypted FROM campaign_contactmessage")
        assert SECRET not in str(cursor.fetchone()[0])
    assert [m.to for m in mail.outbox] == [["contact@ecpat.example"]]
    assert SECRET not in mail.outbox[0].body
    assert "Hôtel" not in mail.outbox[0].body


def test_the_blank_contact_page_is_public_and_gives_errors_privately_in_the_readers_language(
    client,
):
    response = client.get("/nl/contact/")
    assert response["Cache-Control"].startswith("public")  # the same for everyone
    assert not response.cookies
    response = send(client, "nl", email="geen-adres", message="")
    assert "no-store" in response["Cache-Control"]
    body = response.content.decode()
    assert "Vul een e-mailadres in" in body
    assert "Schrijf uw bericht." in body
    assert 'value="geen-adres"' in body  # what was typed is given back
    assert not ContactMessage.objects.exists()


def test_messages_are_limited_per_connection_and_the_form_kept(client, settings):
    settings.CONTACT_LIMIT = 2
    for _ in range(2):
        assert send(client).status_code == 200
    response = send(client, message="Le troisième message")
    assert response.status_code == 429
    assert "Le troisième message" in response.content.decode()
    assert ContactMessage.objects.count() == 2


def test_a_robot_is_thanked_and_nothing_kept(client):
    send(client, website="http://spam.example")
    assert not ContactMessage.objects.exists()


def test_the_legal_notice_shows_the_organisation_retention_and_the_authority(
    client, seeded, settings
):
    settings.REPORT_RETENTION_DAYS = 200
    from django.urls import reverse
    from django.utils import translation

    with translation.override("fr"):
        body = client.get(reverse("campaign:privacy")).content.decode()
    assert "pas encore publiées" in body
    Organisation.objects.create(name="ECPAT Belgique", email="info@example.org", is_demo=True,
                                data_protection_contact="DPO")  # fmt: skip

    for lang, authority, demo in [("fr", "Autorité de protection des données", "démonstration"),
                                  ("nl", "Gegevensbeschermingsautoriteit", "Demogegevens"),
                                  ("en", "Data Protection Authority", "Demo data")]:  # fmt: skip
        with translation.override(lang):
            body = " ".join(client.get(reverse("campaign:privacy")).content.decode().split())
        assert authority in body
        assert "info@example.org" in body
        assert demo in body
        assert "200" in body


@pytest.mark.parametrize("name", ["faq", "before-you-travel", "professionals", "contact"])
def test_the_new_pages_exist_in_three_languages(client, seeded, name):
    from django.urls import reverse
    from django.utils import translation

    titles = set()
    for lang in ["fr", "nl", "en"]:
        with translation.override(lang):
            response = client.get(reverse(f"campaign:{name}"))
        assert response.status_code == 200
        titles.add(response.content.decode().split("<title>")[1].split("</title>")[0])
    assert len(titles) == 3 or name == "contact"
