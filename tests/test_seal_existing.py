"""Reports kept from before sealing (issue 26, slice 4): `manage.py seal_reports` seals them
to the team and the recovery key with public keys alone (a dry run first), and its check
proves that the site's key (REPORT_ENCRYPTION_KEYS) then reads no report but the channels
that wait for their reporter's code; the reporter's code seals theirs."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.utils import timezone

from encryption import crypto, sealing
from encryption.fields import Ciphertext
from encryption.sealing import Locked
from reports.access import existing
from reports.models import Message, Report, ReportEvent, ReportKey, ReportPhoto
from reports.models.referrals import Referral
from tests import images
from tests.keys import as_member, as_recovery

pytestmark = pytest.mark.django_db
OLD = "Texte d'avant : chambre 12 de l'hôtel Lotus"
QUEUE = "/fr/admin/reports/report/"


def token(value) -> Ciphertext:
    return Ciphertext(crypto.encrypt_json(value))


def kept_from_before(reference: str, *, status="assessing", code="ABCD-EFGH-JKMN-PQRS-TVWX"):
    """A report as the site stored it before sealing: every value under the site's key, no
    keys (bulk_create, as rows kept in a database)."""
    now = timezone.now()
    report = Report(
        reference=reference, received_at=now, status=status, location="abroad", country="TH",
        last_activity_at=now, content=token({"description": OLD, "travel_hotel": "Lotus"}),
        authority_reference=token("PV-OLD-1"),
    )  # fmt: skip
    report.set_follow_up_code(code)
    Report.objects.bulk_create([report])
    report = Report.objects.get(reference=reference)
    Message.objects.bulk_create([Message(report=report, author="staff", body=token("Question ?"))])
    ReportEvent.objects.bulk_create([ReportEvent(report=report, kind="note",
                                                 text=token("Note interne " + OLD))])  # fmt: skip
    Referral.objects.bulk_create([Referral(report=report, authority="foreign", sent_at=now,
                                           reference=token("CASE-OLD"))])  # fmt: skip
    photo = ReportPhoto(report=report, content_type="image/jpeg", width=1, height=1, size=3)
    photo.file.save("photo.bin", ContentFile(crypto.seal(images.photo_bytes(gps=False))),
                    save=False)  # fmt: skip
    ReportPhoto.objects.bulk_create([photo])
    return report


def run(*args) -> str:
    out = io.StringIO()
    call_command("seal_reports", *args, stdout=out)
    return out.getvalue()


def test_a_dry_run_then_sealing_then_the_proof(
    officer, supervisor, django_capture_on_commit_callbacks
):
    closed = kept_from_before("JDS-OLD1-0001", status="closed", code="BCDE-FGHJ-KMNP-QRST-VWXY")
    open_one = kept_from_before("JDS-OLD1-0002")
    with pytest.raises(CommandError, match="still reads"):
        run("--check")
    said = run("--dry-run")
    assert "Would seal 2 reports" in said
    assert not ReportKey.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        said = run()
    assert "Sealed 2 reports" in said
    assert "1 channels waiting" in run("--check")  # the open report's reporter may come back

    # The closed report: nothing the site's key opens; the team reads it all.
    for model, fld, _lookup, _scope in existing.sealed_fields():
        for stored in model._default_manager.filter(
            **{_lookup: closed.pk}).values_list(fld.attname, flat=True):  # fmt: skip
            assert not stored or sealing.is_sealed_value(stored), (model, fld)
    with as_member(officer):
        kept = Report.objects.get(pk=closed.pk)
        assert kept.content["description"] == OLD
        assert kept.authority_reference == "PV-OLD-1"
        assert ReportEvent.objects.get(report=kept).text.endswith(OLD)
        assert Referral.objects.get(report=kept).reference == "CASE-OLD"
        assert ReportPhoto.objects.get(report=kept).read().startswith(b"\xff\xd8")
    with pytest.raises(Locked):
        _ = Report.objects.get(pk=closed.pk).content  # nobody signed in
    # The open one: its notes sealed, its channel still under the site's key for the reporter.
    with pytest.raises(Locked):
        _ = ReportEvent.objects.get(report=open_one).text
    assert Report.objects.get(pk=open_one.pk).content["description"] == OLD
    with as_recovery():
        assert ReportEvent.objects.get(report=open_one).text.endswith(OLD)
    assert "Sealed 0 reports" in run()  # once is enough


def test_the_reporters_code_seals_the_channel_that_waited_for_it(client, officer):
    from tests.test_follow_up import login

    report = kept_from_before("JDS-OLD1-0003", code="ABCD-EFGH-JKMN-PQRS-TVWX")
    run()
    assert not ReportKey.objects.filter(report=report, scope="channel").exists()
    assert login(client, "ABCD-EFGH-JKMN-PQRS-TVWX").status_code == 302
    assert set(ReportKey.objects.filter(report=report, scope="channel")
               .values_list("holder", flat=True)) == {"member", "recovery", "reporter"}  # fmt: skip
    stored = Message.objects.filter(report=report).values_list("body", flat=True).get()
    assert sealing.is_sealed_value(stored)
    assert "1 channels" not in run("--check")
    assert "Question ?" in client.get("/fr/suivi/").content.decode()  # still theirs to read
    with as_member(officer):
        assert Report.objects.get(pk=report.pk).content["description"] == OLD


def test_nothing_is_sealed_to_nobody(settings):
    settings.REPORT_RECOVERY_PUBLIC_KEY = ""
    kept_from_before("JDS-OLD1-0004")
    with pytest.raises(CommandError, match="sealed to nobody"):
        run()


def test_values_left_under_the_sites_key_on_a_sealed_report_are_sealed_with_the_recovery_key(
    officer, monkeypatch
):
    """What migration 0033 moved under the site's key on a report already sealed: the check
    names it, and --recovery-key (asked on the terminal) seals it with the report's key."""
    import base64

    from reports.intake.services import submit_report
    from tests.keys import RECOVERY_PRIVATE_KEY

    receipt = submit_report(location="abroad", country="TH", place_kind="",
                            content={"description": OLD}, upload_token="none")  # fmt: skip
    report = Report.objects.get(reference=receipt.reference)
    Report.objects.filter(pk=report.pk).update(authority_reference=token("PV-LEFT-9"))
    assert existing.state().left_over == [report.pk]
    with pytest.raises(CommandError, match="still reads 1 values"):
        run("--check")
    monkeypatch.setattr("getpass.getpass", lambda prompt="": base64.b64encode(
        RECOVERY_PRIVATE_KEY).decode())  # fmt: skip
    run("--recovery-key")
    stored = Report.objects.filter(pk=report.pk).values_list("authority_reference", flat=True)
    assert sealing.is_sealed_value(stored.get())
    assert existing.state().left_over == []
    with as_member(officer):
        assert Report.objects.get(pk=report.pk).authority_reference == "PV-LEFT-9"
