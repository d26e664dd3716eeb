"""Key rotation covers every encrypted column and file, found by walking the models, plus
the photos kept while the database was down and the sign-in library's secrets. After the
old key is dropped every value reads back; before, the newest key alone refuses (fail
closed, never an empty value)."""

import io
import os

import pytest
from cryptography.fernet import Fernet
from django.core.management import CommandError, call_command

from encryption import crypto, sealing
from encryption.fields import encrypted_fields
from encryption.sealing import Locked
from reports.intake import form_key, stash
from reports.intake.images import clean_photo
from reports.intake.services import store_pending_upload, submit_report
from reports.models import Message, PendingUpload, Report, ReportEvent, ReportLink, ReportPhoto
from reports.triage.services import add_note, claim_report, link_reports
from staff.adapters import StaffMFAAdapter, UnreadableSecret
from staff.authenticators import give_totp, recovery_codes
from tests import images
from tests.keys import as_member, as_recovery

pytestmark = pytest.mark.django_db

SECRET = "Un homme et une fillette au bar de l'hôtel Paradise, chambre 12"


def use_keys(settings, *keys):
    settings.REPORT_ENCRYPTION_KEYS = list(keys)
    crypto.reset_keys()


@pytest.fixture
def old_key(settings):
    key = Fernet.generate_key().decode()
    use_keys(settings, key)
    yield key
    crypto.reset_keys()


def one_of_everything(officer):
    photo = clean_photo(images.upload("p.jpg"), keep_place_and_time=False, max_bytes=10**7)
    store_pending_upload("tok", photo)
    store_pending_upload("later", photo)  # stays pending
    receipt = submit_report(
        location="abroad", country="TH", place_kind="bar", content={"description": SECRET},
        upload_token="tok",
    )  # fmt: skip
    with as_member(officer):  # the officer's steps, in their session
        return _officers_part(officer, receipt, photo)


def _officers_part(officer, receipt, photo):
    report = claim_report(Report.objects.get(reference=receipt.reference), by=officer)
    add_note(report, by=officer, text="Note interne : " + SECRET)
    message = Message(report=report, author=Message.Author.REPORTER)
    message.body = "Réponse : " + SECRET
    message.save()
    stash.keep("stashed", photo)
    other = submit_report(location="belgium", country="BE", place_kind="",
                          content={"description": "Autre"}, upload_token="none")  # fmt: skip
    link_reports(report, Report.objects.get(reference=other.reference), by=officer,
                 note="Même hôtel : " + SECRET)  # fmt: skip
    totp_secret = give_totp(officer)
    from datetime import timedelta

    from django.utils import timezone

    from reports.models import LegalHold

    hold = LegalHold(report=report, until=timezone.localdate() + timedelta(days=30))
    hold.reason = "Enquête : " + SECRET
    hold.save()
    from reports.models import Delivery, Referral

    referral = Referral.objects.create(report=report, authority="federal_police",
                                       sent_at=timezone.now())  # fmt: skip
    delivery = Delivery(referral=referral, kind="pdf", sha256="0" * 64)
    delivery.unencrypted_reason = "Sans phrase : " + SECRET
    delivery.save()
    from campaign.models import ContactMessage

    contact = ContactMessage(topic="general")
    contact.content = {"message": "Contact : " + SECRET}
    contact.save()
    return report, totp_secret


def read_everything(report, officer, totp_secret):
    with as_member(officer):
        _read_everything(report, officer, totp_secret)


def _read_everything(report, officer, totp_secret):
    report = Report.objects.get(pk=report.pk)
    assert report.content["description"] == SECRET
    assert Message.objects.get(report=report).body.endswith(SECRET)
    assert ReportEvent.objects.get(report=report, kind="note").text.endswith(SECRET)
    photo = ReportPhoto.objects.get(report=report)
    assert photo.read().startswith(b"\xff\xd8")
    assert photo.details == {"name": "p.jpg"} or isinstance(photo.details, dict)
    pending = PendingUpload.objects.get(token="later")
    with pending.file.open("rb") as fh:  # under the browser's form key, which this test holds
        assert form_key.open_sealed(fh.read(), context="pending|later").startswith(b"\xff\xd8")
    [kept] = stash.listed("stashed")
    assert stash._read("stashed", kept).startswith(b"\xff\xd8")
    from allauth.mfa.models import Authenticator

    stored = Authenticator.objects.get(user=officer, type="totp").data["secret"]
    assert StaffMFAAdapter().decrypt(stored) == totp_secret
    assert len(recovery_codes(officer)) == 10
    assert ReportLink.objects.get().note.endswith(SECRET)
    from reports.models import LegalHold

    assert LegalHold.objects.get().reason.endswith(SECRET)
    from campaign.models import ContactMessage

    with as_recovery():  # sealed to the supervisors and the recovery key
        assert ContactMessage.objects.get().content["message"].endswith(SECRET)
    from reports.models import Delivery

    assert Delivery.objects.get().unencrypted_reason.endswith(SECRET)


def test_every_encrypted_store_is_rotated_and_reads_back_with_the_new_key_alone(
    officer, old_key, settings
):
    report, totp_secret = one_of_everything(officer)
    # Every model with an encrypted column or file has a row here: a new one that this test
    # does not create fails it, so rotation can never forget a column unnoticed.
    for model, _columns, _files in encrypted_fields():
        assert model._default_manager.exists(), f"no {model._meta.label} row to rotate"
    # Sealed to the team, or to the browser that sent them: not the site's key.
    sealed_photos = {p.file.name for p in ReportPhoto.objects.all()}
    pending_files = {p.file.name for p in PendingUpload.objects.all()}

    new_key = Fernet.generate_key().decode()
    use_keys(settings, new_key, old_key)
    with pytest.raises(CommandError):
        call_command("rotate_keys", "--check", stdout=io.StringIO(), stderr=io.StringIO())
    out = io.StringIO()
    call_command("rotate_keys", stdout=out)
    assert "Re-encrypted" in out.getvalue()
    out = io.StringIO()
    call_command("rotate_keys", "--check", stdout=out)
    assert "the older keys may be dropped" in out.getvalue()
    assert {p.file.name for p in ReportPhoto.objects.all()} == sealed_photos  # left as they are
    assert {p.file.name for p in PendingUpload.objects.all()} == pending_files

    use_keys(settings, new_key)
    read_everything(report, officer, totp_secret)


def test_a_dropped_key_fails_closed_instead_of_reading_empty(officer, old_key, settings, caplog):
    report, _secret = one_of_everything(officer)
    use_keys(settings, Fernet.generate_key().decode())  # the old key dropped, no rotation
    from allauth.mfa.models import Authenticator

    stored = Authenticator.objects.get(user=officer, type="totp").data["secret"]
    with pytest.raises(UnreadableSecret):  # a second factor's secret, under the site's key
        StaffMFAAdapter().decrypt(stored)
    # A report is sealed to the team: the site's keys play no part in reading it.
    with as_member(officer):
        assert Report.objects.get(pk=report.pk).content["description"] == SECRET
    with pytest.raises(Locked):
        _ = ReportEvent.objects.get(report=report, kind="note").text  # and nothing else does
    assert SECRET not in caplog.text
    assert "does not decrypt" in caplog.text


def test_the_database_and_a_dump_hold_no_clear_text(officer, old_key):
    report, _secret = one_of_everything(officer)
    out = io.StringIO()
    call_command("dumpdata", "reports", stdout=out)
    assert SECRET not in out.getvalue()
    raw = Report.objects.filter(pk=report.pk).values_list("content", flat=True).get()
    assert SECRET not in raw
    assert os.path.exists(ReportPhoto.objects.get().file.path)


def test_photos_are_sealed_not_fernet_tokens(officer, old_key):
    """A photo on disk is sealed (AES-256-GCM, binary): no base64, no third more on disk, and
    about 30 times less work than a Fernet token to write and to read."""
    report, _secret = one_of_everything(officer)
    photo = ReportPhoto.objects.get(report=report)
    with photo.file.open("rb") as fh:
        stored = fh.read()
    with as_member(officer):
        clear = photo.read()
    # Sealed to the report (its channel key), not to the site's key.
    assert stored.startswith(sealing.FILE_PREFIX)
    assert clear not in stored
    assert len(stored) == len(clear) + len(sealing.FILE_PREFIX) + sealing.NONCE_BYTES + 16
    with pytest.raises(Locked):
        photo.read()  # nobody signed in: nothing opens it
    [kept] = stash.listed("stashed")
    with stash.private_storage().open(f"{stash._folder('stashed')}/{kept.pk[1:]}.bin") as fh:
        assert fh.read().startswith(sealing.FILE_PREFIX)  # the browser's form key


def test_a_photo_stored_as_a_fernet_token_still_opens_and_rotates(old_key, settings):
    clear = images.photo_bytes(gps=False)
    older = crypto.encrypt_bytes(clear)  # how photos were written before
    assert crypto.decrypt_bytes(older) == clear
    new_key = Fernet.generate_key().decode()
    use_keys(settings, new_key, old_key)
    assert not crypto.readable_with_newest_key(older)
    rotated = crypto.rotate(older)
    assert crypto.readable_with_newest_key(rotated)
    assert crypto.decrypt_bytes(rotated) == clear


def test_a_sealed_file_rotates_and_fails_closed_when_touched(old_key, settings):
    clear = images.photo_bytes(gps=False)
    sealed = crypto.seal(clear)
    assert sealed != crypto.seal(clear)  # a new nonce each time
    assert crypto.readable_with_newest_key(sealed)
    new_key = Fernet.generate_key().decode()
    use_keys(settings, new_key, old_key)
    assert not crypto.readable_with_newest_key(sealed)
    assert crypto.decrypt_bytes(sealed) == clear  # the older key still opens it
    rotated = crypto.rotate(sealed)
    assert rotated.startswith(crypto.SEALED)
    assert crypto.readable_with_newest_key(rotated)
    use_keys(settings, new_key)
    assert crypto.decrypt_bytes(rotated) == clear
    with pytest.raises(crypto.InvalidToken):
        crypto.decrypt_bytes(sealed)  # the old key dropped
    tampered = bytearray(rotated)
    tampered[len(tampered) // 2] ^= 1
    for broken in (bytes(tampered), rotated[:-1], rotated[:10], crypto.SEALED):
        with pytest.raises(crypto.InvalidToken):
            crypto.decrypt_bytes(broken)
        assert not crypto.readable_with_newest_key(broken)
    with pytest.raises(crypto.InvalidToken):
        crypto.rotate(bytes(tampered))


def test_the_local_run_seals_with_a_key_from_the_secret_key(settings):
    settings.REPORT_ENCRYPTION_KEYS = []
    crypto.reset_keys()
    try:
        assert crypto.decrypt_bytes(crypto.seal(b"photo")) == b"photo"
    finally:
        crypto.reset_keys()
