"""Anonymous follow-up with the secret code: status, questions, answers, throttling."""

import html
import re

import pytest
import time_machine
from django.urls import reverse
from django.utils import translation

from reports.intake.services import submit_report
from reports.models import Message, PendingUpload, Report
from tests import images
from tests.reporting import SECRET_TEXT

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("opened_by_recovery_key")]

URL = "/fr/suivi/"


@pytest.fixture
def receipt():
    return submit_report(
        location="abroad", country="TH", place_kind="bar", content={"description": SECRET_TEXT},
        upload_token="none",
    )  # fmt: skip


def login(client, code):
    return client.post(URL, {"action": "login", "code": code})


def test_it_has_translated_paths():
    for lang, path in {"fr": "/fr/suivi/", "nl": "/nl/opvolging/", "en": "/en/follow-up/"}.items():
        with translation.override(lang):
            assert reverse("reports:follow-up") == path


def test_it_asks_for_the_code_and_sets_no_cookie(client):
    response = client.get(URL)
    assert response.status_code == 200
    assert 'name="code"' in response.content.decode()
    assert "sessionid" not in response.cookies


def test_it_opens_the_report_with_its_code(client, receipt):
    response = login(client, receipt.code)
    assert response.status_code == 302
    assert response["Location"] == URL
    assert receipt.code not in response["Location"]
    body = client.get(URL).content.decode()
    assert receipt.reference in body
    assert "Reçu : votre signalement est bien arrivé" in body
    assert SECRET_TEXT not in body  # the follow-up shows status and messages, not the report


@pytest.mark.parametrize(
    "transform", [str.lower, lambda c: c.replace("-", ""), lambda c: f"  {c} "]
)
def test_it_forgives_case_spaces_and_dashes(client, receipt, transform):
    assert login(client, transform(receipt.code)).status_code == 302


def test_it_refuses_a_wrong_code_with_a_clear_message(client, receipt):
    response = login(client, "AAAA-BBBB-CCCC-DDDD-EEEE")
    assert response.status_code == 200
    assert "Ce code n&#x27;est pas reconnu" in response.content.decode()
    assert "sessionid" not in response.cookies or not client.session.get("follow_up")


def test_it_refuses_an_empty_code(client):
    response = login(client, "")
    assert "Saisissez votre code de suivi" in response.content.decode()


def test_it_throttles_guessing(client, receipt, settings):
    settings.FOLLOW_UP_FAILURE_LIMIT = 3
    for _ in range(3):
        login(client, "AAAA-BBBB-CCCC-DDDD-EEEE")
    response = login(client, receipt.code)  # even the right code waits now
    assert response.status_code == 429
    assert "15 minutes" in response.content.decode()


def test_it_lets_the_throttle_expire(client, receipt, settings):
    settings.FOLLOW_UP_FAILURE_LIMIT = 1
    with time_machine.travel("2026-11-23 10:00Z", tick=False) as traveller:
        login(client, "AAAA-BBBB-CCCC-DDDD-EEEE")
        assert login(client, receipt.code).status_code == 429
        traveller.move_to("2026-11-23 10:15:01Z")
        assert login(client, receipt.code).status_code == 302


def test_the_15_minutes_do_not_shrink_after_the_last_wrong_code(client, receipt, settings):
    """The cache's counter used to expire 5 minutes after its last hit."""
    settings.FOLLOW_UP_FAILURE_LIMIT = 2
    with time_machine.travel("2026-11-23 10:00Z", tick=False) as traveller:
        login(client, "AAAA-BBBB-CCCC-DDDD-EEEE")
        traveller.move_to("2026-11-23 10:01Z")
        login(client, "AAAA-BBBB-CCCC-DDDD-EEEE")
        traveller.move_to("2026-11-23 10:12Z")
        response = login(client, receipt.code)
        assert response.status_code == 429
        assert 0 < int(response["Retry-After"]) <= 3 * 60


def test_a_right_code_does_not_count_against_the_limit(client, receipt, settings):
    settings.FOLLOW_UP_FAILURE_LIMIT = 2
    for _ in range(3):
        assert login(client, receipt.code).status_code == 302
        client.post(URL, {"action": "leave"})
    assert login(client, "AAAA-BBBB-CCCC-DDDD-EEEE").status_code == 200


def test_it_shows_staff_questions_and_takes_an_answer(
    client, receipt, django_capture_on_commit_callbacks, mailoutbox
):
    report = Report.objects.get(reference=receipt.reference)
    question = Message(report=report, author=Message.Author.STAFF)
    question.body = "Pouvez-vous décrire le véhicule ?"
    question.save()
    report.status = Report.Status.WAITING
    report.save(update_fields=["status"])

    login(client, receipt.code)
    body = client.get(URL).content.decode()
    assert "Pouvez-vous décrire le véhicule ?" in body
    assert "Une question pour vous" in body

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            URL,
            {
                "action": "reply",
                "message": "Un pick-up blanc",
                "photos": [images.upload("pickup.jpg")],
            },
        )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == Report.Status.ASSESSING
    assert report.last_reporter_activity_at is not None
    answer = report.messages.get(author=Message.Author.REPORTER)
    assert answer.body == "Un pick-up blanc"
    assert "Un pick-up blanc" not in Message.objects.values_list("body", flat=True).get(
        pk=answer.pk
    )
    assert report.photos.count() == 1
    assert PendingUpload.objects.count() == 0
    assert len(mailoutbox) == 1
    assert "Un pick-up" not in mailoutbox[0].body


def test_it_refuses_an_empty_answer(client, receipt):
    login(client, receipt.code)
    response = client.post(URL, {"action": "reply", "message": "  "})
    assert response.status_code == 200
    assert "Écrivez un message ou ajoutez une photo" in response.content.decode()


def test_it_refuses_answers_on_a_closed_report(client, receipt):
    Report.objects.filter(reference=receipt.reference).update(status=Report.Status.CLOSED)
    login(client, receipt.code)
    body = client.get(URL).content.decode()
    assert 'name="message"' not in body
    response = client.post(URL, {"action": "reply", "message": "encore"})
    assert "clôturé" in response.content.decode()
    assert not Message.objects.exists()


def test_it_ends_the_follow_up_after_30_minutes(client, receipt):
    with time_machine.travel(0, tick=False) as traveller:
        traveller.move_to("2026-11-23 10:00Z")
        login(client, receipt.code)
        assert receipt.reference in client.get(URL).content.decode()
        traveller.move_to("2026-11-23 10:31Z")
        body = client.get(URL).content.decode()
        assert receipt.reference not in body
        assert 'name="code"' in body


def test_it_lets_the_reporter_leave(client, receipt):
    login(client, receipt.code)
    response = client.post(URL, {"action": "leave"}, follow=True)
    assert 'name="code"' in response.content.decode()
    assert "follow_up" not in client.session


def test_it_stores_only_a_hash_of_the_code(receipt):
    report = Report.objects.get(reference=receipt.reference)
    assert receipt.code not in report.code_hash
    assert receipt.code.replace("-", "") not in report.code_hash
    assert re.match(r"^[a-z0-9_]+\$", report.code_hash)


def forward_to(report, *authorities):
    from django.utils import timezone

    from reports.models import Referral

    for authority in authorities:
        Referral.objects.create(
            report=report, authority=authority, sent_at=timezone.now(),
            reference=f"INTERNAL-{authority}", authority_name="Bureau 7B",
        )  # fmt: skip
    report.status = Report.Status.FORWARDED
    report.save(update_fields=["status"])


@pytest.mark.parametrize(
    ("authorities", "says", "never"),
    [
        (["federal_police"], ["à la Police fédérale belge."], ["Child Focus", "membre d'ECPAT"]),
        (
            ["child_focus", "ecpat_member"],
            ["à Child Focus", " et à l'organisation membre d'ECPAT dans le pays concerné."],
            ["police", "Police", "autorités"],
        ),
        (
            ["federal_police", "foreign", "child_focus"],
            ["à la Police fédérale belge, aux autorités du pays concerné et à Child Focus"],
            ["Affaires étrangères"],
        ),
    ],
)
def test_the_follow_up_names_who_received_the_report_in_plain_words(
    client, receipt, authorities, says, never
):
    """Issue 27, item 6: not "the police" when the report went to Child Focus or to an ECPAT
    member; every recipient, joined in plain words, and no internal reference or name."""
    report = Report.objects.get(reference=receipt.reference)
    forward_to(report, *authorities)
    login(client, receipt.code)
    body = client.get(URL).content.decode()
    status = html.unescape(re.search(r'<p class="lead">(.*?)</p>', body, re.S).group(1))
    for words in says:
        assert words in status, (words, status)
    for words in never:
        assert words not in status, (words, status)
    assert "INTERNAL-" not in body
    assert "Bureau 7B" not in body
