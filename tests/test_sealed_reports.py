"""Reports sealed to the team (issue 26, slice 2): with the database, the files and the
server's whole environment, nobody reads a new report; a member signed in reads it, a
member without access waits for it, a reporter reads their own channel with their code
and nothing else."""

import io
import json
import re

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import models

from encryption import holders, sealing
from encryption.sealing import Locked
from reports.intake.services import submit_report
from reports.models import Message, Report, ReportEvent, ReportKey
from reports.models.keys import key_for
from reports.referrals.dossier import record_delivery
from reports.referrals.services import forward_report
from reports.triage.services import (
    add_note,
    ask_reporter,
    claim_report,
    link_reports,
)
from tests.keys import as_member
from tests.reporting import SECRET_TEXT, report_data

pytestmark = pytest.mark.django_db

FORM = "/fr/signaler/"
FOLLOW_UP = "/fr/suivi/"
QUEUE = "/fr/admin/reports/report/"
NOTE = "Note interne : le suspect est connu de la police locale"
QUESTION = "Pouvez-vous décrire le véhicule ?"
ANSWER = "Un pick-up blanc immatriculé 4X-221"


def _send(client, **overrides) -> Report:
    from reports.intake import receipt

    response = client.post(FORM, report_data(**overrides))
    assert response.status_code == 302, response.content.decode()[:500]
    kept = receipt._kept_receipt(client.get("/").wsgi_request)
    report = Report.objects.get(reference=kept["reference"])
    return report, kept["code"]


def _everything_at_rest() -> str:
    """Every row of every model, read through the ORM as the site would with no one signed
    in (the environment's keys at hand), and the whole database dumped."""
    seen = []
    for model in apps.get_models():
        for row in model._default_manager.all():
            for field in model._meta.concrete_fields:
                if isinstance(field, models.FileField):
                    continue
                try:
                    seen.append(repr(getattr(row, field.attname)))
                except Locked:
                    seen.append("<sealed>")
    out = io.StringIO()
    call_command("dumpdata", stdout=out)
    return "\n".join(seen) + out.getvalue()


def test_at_rest_with_the_environment_nobody_reads_a_new_report(
    client, officer, supervisor, settings
):
    report, _code = _send(client, consent="ecpat", reporter_email="marie@example.org")
    with as_member(officer):
        report = claim_report(report, by=officer)
        add_note(report, by=officer, text=NOTE)
        ask_reporter(report, by=officer, question=QUESTION)
        other = Report.objects.get(
            reference=submit_report(location="belgium", country="BE", place_kind="",
                                    content={"description": "Autre"}, upload_token="none",
                                    ).reference
        )  # fmt: skip
        link_reports(report, other, by=officer, note="Même hôtel que " + NOTE)
        forward_report(report, by=officer, authority="foreign", reference="CASE-77-BKK",
                       authority_name="Royal Thai Police", contact="Lt. Somchai")  # fmt: skip
        record_delivery(report.referrals.get(), kind="pdf", data=b"%PDF", by=officer,
                        recipient="Bureau Kanchanaburi", encrypted=True)  # fmt: skip
    at_rest = _everything_at_rest()
    for secret in [SECRET_TEXT, NOTE, QUESTION, "marie@example.org", "Sunrise", "pick-up",
                   "CASE-77", "Royal Thai", "Somchai", "Kanchanaburi"]:  # fmt: skip
        assert secret not in at_rest
    assert "<sealed>" in at_rest
    # Each member on the team, the recovery key and the reporter hold the report's keys.
    holders_of = set(ReportKey.objects.filter(report=report).values_list("holder", "scope"))
    assert holders_of == {
        ("member", "team"),
        ("member", "channel"),
        ("recovery", "team"),
        ("recovery", "channel"),
        ("reporter", "channel"),
    }
    assert ReportKey.objects.filter(report=report, holder="member").count() == 4  # 2 members


def test_members_signed_in_read_the_report_and_a_mail_link_opens_it(
    client, officer, supervisor, staff_login
):
    report, _code = _send(client)
    for member in (officer, supervisor):
        staff_login(member)
        page = client.get(f"{QUEUE}{report.pk}/change/")  # as from a notification's link
        assert page.status_code == 200
        assert "chambre 214" in page.content.decode()


def test_a_member_who_joined_after_the_report_waits_for_access(
    client, officer, make_staff, staff_login
):
    report, _code = _send(client)
    newcomer = make_staff("newcomer", "Triage officer")
    staff_login(newcomer)
    page = client.get(f"{QUEUE}{report.pk}/change/")
    assert page.status_code == 403
    body = page.content.decode()
    assert "Accès en attente" in body or "Access pending" in body
    assert SECRET_TEXT not in body
    # Reports sent since they joined are theirs to read.
    later, _code = _send(client)
    staff_login(newcomer)
    assert client.get(f"{QUEUE}{later.pk}/change/").status_code == 200


def test_a_member_signed_in_without_their_password_types_it_once(client, officer, staff_login):
    """A passkey sign-in does not unlock the key: the report asks for the password once,
    then opens, and the password is counted against a limit."""
    from django.conf import settings

    from tests.keys import STAFF_PASSWORD

    report, _code = _send(client)
    staff_login(officer)
    del client.cookies[settings.STAFF_KEY_COOKIE_NAME]  # as after a passkey
    page = client.get(f"{QUEUE}{report.pk}/change/")
    assert page.status_code == 302
    assert page["Location"].startswith("/fr/staff/unlock/?next=")
    wrong = client.post("/fr/staff/unlock/", {"password": "nope", "next": "/x"})
    assert wrong.status_code == 200
    assert "mot de passe" in wrong.content.decode().lower()
    opened = client.post(
        "/fr/staff/unlock/", {"password": STAFF_PASSWORD, "next": f"{QUEUE}{report.pk}/change/"}
    )
    assert opened["Location"] == f"{QUEUE}{report.pk}/change/"
    assert "chambre 214" in client.get(opened["Location"]).content.decode()
    assert client.get("/fr/staff/unlock/?next=https://evil.example/").status_code == 302
    assert "evil" not in client.get("/fr/staff/unlock/?next=https://evil.example/")["Location"]


def test_the_reporter_reads_the_staff_message_and_their_code_opens_no_note(
    client, officer, staff_login
):
    report, code = _send(client)
    with as_member(officer):
        report = claim_report(report, by=officer)
        add_note(report, by=officer, text=NOTE)
        ask_reporter(report, by=officer, question=QUESTION)
    reporter = client.__class__()
    reporter.post(FOLLOW_UP, {"action": "login", "code": code})
    page = reporter.get(FOLLOW_UP).content.decode()
    assert QUESTION in page
    assert NOTE not in page
    reporter.post(FOLLOW_UP, {"action": "reply", "message": ANSWER})
    # What the code opens: the report's channel, never its team key.
    from reports.models.keys import reporter_private_key
    from reports.models.report import normalise_code

    private = reporter_private_key(report, normalise_code(code))
    with holders.holding(holders.reporter(report.pk, private)):
        fresh = Report.objects.get(pk=report.pk)
        assert fresh.content["description"] == SECRET_TEXT
        assert ANSWER in [m.body for m in fresh.messages.all()]
        with pytest.raises(Locked):
            key_for(fresh, ReportKey.Scope.TEAM)
        with pytest.raises(Locked):
            _ = ReportEvent.objects.get(report=fresh, kind="note").text
    staff_login(officer)
    assert ANSWER in client.get(f"{QUEUE}{report.pk}/change/").content.decode()


def test_a_reporter_key_cookie_comes_and_goes_with_the_follow_up(client):
    from django.conf import settings

    _report, code = _send(client)
    response = client.post(FOLLOW_UP, {"action": "login", "code": code})
    cookie = response.cookies[settings.REPORTER_KEY_COOKIE_NAME]
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"
    assert SECRET_TEXT not in json.dumps(dict(client.session))
    del client.cookies[settings.REPORTER_KEY_COOKIE_NAME]
    # Without the cookie the session alone opens nothing: refused, never a server error.
    assert client.get(FOLLOW_UP).status_code == 403
    client.post(FOLLOW_UP, {"action": "login", "code": code})
    left = client.post(FOLLOW_UP, {"action": "leave"})
    assert left.cookies[settings.REPORTER_KEY_COOKIE_NAME].value == ""


def test_a_sealed_value_is_bound_to_its_report_and_field(client, officer):
    first, _ = _send(client)
    second, _ = _send(client, description="Un autre signalement")
    token = Report.objects.filter(pk=first.pk).values_list("content", flat=True).get()
    assert sealing.is_sealed_value(token)
    Report.objects.filter(pk=second.pk).update(content=token)  # moved to another report
    with as_member(officer):
        with pytest.raises(Locked):
            _ = Report.objects.get(pk=second.pk).content
        message = Message(report=first, author=Message.Author.STAFF)
        message.body = "x"
        message.save()
        Message.objects.filter(pk=message.pk).update(body=token)  # to another field
        with pytest.raises(Locked):
            _ = Message.objects.get(pk=message.pk).body
        assert Report.objects.get(pk=first.pk).content["description"] == SECRET_TEXT


def test_notices_to_the_reporter_leave_from_the_officers_request(
    client, officer, staff_login, mailoutbox, settings, django_capture_on_commit_callbacks
):
    """No address waits in a task: the officer's request sends the notice after commit, and
    a refused one shows on the report page with "Send again"."""
    from django_tasks_db.models import DBTaskResult

    report, _code = _send(
        client, consent="ecpat", reporter_email="marie@example.org", notify_by_email="on"
    )
    settings.MAILERS = {"default": {"BACKEND": "tests.mailers.RefusingOnce"}}
    from tests.mailers import RefusingOnce

    RefusingOnce.refused.clear()
    with as_member(officer):
        report = claim_report(report, by=officer)
        assert report.content["notify_by_email"]
        with django_capture_on_commit_callbacks(execute=True):
            ask_reporter(report, by=officer, question=QUESTION)
    assert not DBTaskResult.objects.exists()
    report.refresh_from_db()
    assert report.reporter_notice_failed_at is not None
    staff_login(officer)
    page = client.get(f"{QUEUE}{report.pk}/change/").content.decode()
    assert "send_notice_again" in page
    client.post(
        f"{QUEUE}{report.pk}/change/",
        {"CHANGE_FORM-action": "send_notice_again", "_selected_action": report.pk},
    )
    assert [m.to for m in mailoutbox][-1] == ["marie@example.org"]
    assert Report.objects.get(pk=report.pk).reporter_notice_failed_at is None


def test_the_recovery_key_is_made_once_and_opens_every_report(client, settings):
    import base64
    import re

    out = io.StringIO()
    call_command("make_recovery_key", stdout=out)
    private, public = re.findall(
        r"^ {2}(?:REPORT_RECOVERY_PUBLIC_KEY=)?(\S+)$", out.getvalue(), re.M
    )
    settings.REPORT_RECOVERY_PUBLIC_KEY = public
    report, _code = _send(client)
    with holders.holding(holders.recovery(base64.b64decode(private))):
        assert Report.objects.get(pk=report.pk).content["description"] == SECRET_TEXT
    with holders.holding(holders.recovery(sealing.new_key())), pytest.raises(Locked):
        _ = Report.objects.get(pk=report.pk).content  # another key opens nothing


def test_photos_not_sent_yet_and_the_receipt_open_only_with_their_browsers_cookie(client, officer):
    """A form's photos before it is sent and the receipt kept for ten minutes are sealed
    under a key whose only copy is the browser's cookie: the server's files, database and
    environment read neither, another browser's cookie opens neither, and the photo joins
    its report once sent from the same browser."""
    from django.conf import settings
    from django.test import Client

    from reports.intake import form_key, receipt
    from reports.models import PendingUpload
    from tests import images

    first = client.post(FORM, report_data(description="", photos=[images.upload("rue-214.jpg")]))
    cookie = first.cookies[settings.FORM_KEY_COOKIE_NAME]
    assert (cookie["httponly"], cookie["samesite"], cookie["max-age"]) == (True, "Lax", "")
    upload = PendingUpload.objects.get()
    with upload.file.open("rb") as fh:
        stored = fh.read()
    assert stored.startswith(sealing.FILE_PREFIX)
    assert b"\xff\xd8" not in stored[:64]
    assert "rue-214" not in _everything_at_rest()
    with pytest.raises(Locked):  # another browser's key
        form_key.open_sealed(stored, context=f"pending|{upload.token}", key=sealing.new_key())
    # The page shows the photo's name to its own browser, and to no other.
    assert "rue-214.jpg" in first.content.decode()
    other = Client()
    other.cookies[settings.FORM_KEY_COOKIE_NAME] = form_key.base64.urlsafe_b64encode(
        sealing.new_key()
    ).decode()
    token = re.search(r'name="upload_token" value="([^"]+)"', first.content.decode())[1]
    assert (
        "rue-214.jpg"
        not in other.post(FORM, report_data(description="", upload_token=token)).content.decode()
    )

    report, code = _send(client, upload_token=token)
    assert report.photos.count() == 1
    assert PendingUpload.objects.count() == 0
    # The receipt: in the session only sealed; the session without the cookie shows nothing.
    assert code not in json.dumps(dict(client.session))
    request = client.get("/").wsgi_request
    assert receipt._kept_receipt(request)["code"] == code
    from django.urls import reverse
    from django.utils import translation

    with translation.override("fr"):
        url = reverse("reports:receipt")
    assert code in client.get(url).content.decode()
    del client.cookies[settings.FORM_KEY_COOKIE_NAME]
    page = client.get(url)
    assert page.status_code == 200
    assert code not in page.content.decode()
