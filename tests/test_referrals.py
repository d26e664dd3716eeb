"""Referrals as records (issue 14, slice 3): several per report, each with what was sent and
what came back; a dossier per referral in the recipient's language, as a PDF and a ZIP,
holding no internal note and no identity, every file recorded with its SHA-256."""

import hashlib
import io

import pytest
import pyzipper
from pypdf import PdfReader

from reports.errors import ReportError
from reports.models import AuditEntry, Delivery, Referral, Report
from reports.referrals.services import forward_report, record_outcome
from reports.triage.services import add_note, ask_reporter, claim_report, close_report
from tests import images
from tests.reporting import report_data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("opened_by_recovery_key")]

QUEUE = "/fr/admin/reports/report/"
MARKER = "NOTE-INTERNE-Z8"
PASSPHRASE = "K7QM-2XWD-9HCT-PB4R"  # of the form the site proposes


@pytest.fixture
def report(client, officer):
    data = report_data(reporter_name="Marie Dupont", reporter_email="marie@example.org",
                       place_name="Hôtel Paradise", suspects_name="Herr Muster")  # fmt: skip
    data["photos"] = [images.upload("a.jpg"), images.upload("b.jpg")]
    client.post("/fr/signaler/", data)
    report = claim_report(Report.objects.get(), by=officer)
    add_note(report, by=officer, text=f"{MARKER} déjà connu")
    return report


def test_a_report_goes_to_two_authorities_and_stays_open_while_one_waits(report, officer):
    forward_report(report, by=officer, authority="federal_police", reference="PV 1")
    forward_report(report, by=officer, authority="foreign", authority_name="Royal Thai Police")
    assert report.referrals.count() == 2
    report.refresh_from_db()
    assert report.status == Report.Status.FORWARDED
    ask_reporter(report, by=officer, question="Quel jour ?")  # forwarding blocks nothing
    with pytest.raises(ReportError, match=r"suite|outcome"):
        close_report(report, by=officer, outcome="forwarded")
    first, second = report.referrals.all()
    record_outcome(first, by=officer, outcome="investigation")
    with pytest.raises(ReportError):
        close_report(report, by=officer, outcome="forwarded")  # the second still waits
    record_outcome(second, by=officer, outcome="no_action")
    closed = close_report(report, by=officer, outcome="forwarded")
    assert closed.status == Report.Status.CLOSED


def test_a_supervisor_may_close_while_a_referral_waits(report, officer, supervisor):
    forward_report(report, by=officer, authority="federal_police")
    assert close_report(report, by=supervisor, outcome="forwarded").status == "closed"


def pdf_text(data: bytes, password: str = "") -> str:
    reader = PdfReader(io.BytesIO(data))
    if password:
        reader.decrypt(password)
    return "\n".join(page.extract_text() for page in reader.pages)


def test_the_pdf_dossier_is_in_the_recipients_language_without_notes_or_identity(
    client, report, officer, staff_login
):
    forward_report(report, by=officer, authority="federal_police", reference="PV-77",
                   language="nl", photos=report.photos.all()[:1])  # fmt: skip
    referral = Referral.objects.get()
    staff_login(officer)  # the officer's admin is in French
    url = f"{QUEUE}{report.pk}/referrals/{referral.pk}/dossier/"
    response = client.post(
        url,
        {f"r{referral.pk}-kind": "pdf", f"r{referral.pk}-recipient": "FGP Brussel",
         f"r{referral.pk}-passphrase": PASSPHRASE},
    )  # fmt: skip
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content, PASSPHRASE)
    assert MARKER not in text
    assert "Marie Dupont" not in text
    assert "marie@example.org" not in text
    assert "Wat de melder schreef" in text  # Dutch, whatever the officer's French
    assert "PV-77" in text
    assert "Hôtel Paradise" in text
    delivery = Delivery.objects.get()
    assert delivery.sha256 == hashlib.sha256(response.content).hexdigest()
    assert delivery.recipient == "FGP Brussel"
    assert AuditEntry.objects.filter(action="dossier", report=report).exists()


def test_the_zip_holds_the_pdf_the_chosen_photos_and_their_sums_behind_a_passphrase(
    client, report, officer, staff_login
):
    forward_report(report, by=officer, authority="federal_police",
                   photos=report.photos.all()[:1])  # fmt: skip
    referral = Referral.objects.get()
    staff_login(officer)
    url = f"{QUEUE}{report.pk}/referrals/{referral.pk}/dossier/"
    response = client.post(
        url,
        {f"r{referral.pk}-kind": "zip", f"r{referral.pk}-recipient": "FGP",
         f"r{referral.pk}-passphrase": PASSPHRASE},
    )  # fmt: skip
    archive = pyzipper.AESZipFile(io.BytesIO(response.content))
    names = archive.namelist()
    assert names == [f"{report.reference}.pdf", f"{report.reference}-1.jpg", "SHA256SUMS.txt"]
    with pytest.raises(RuntimeError):
        archive.read(names[1])  # nothing without the passphrase
    archive.setpassword(PASSPHRASE.encode())
    sums = archive.read("SHA256SUMS.txt").decode()
    for name in names[:-1]:
        assert f"{hashlib.sha256(archive.read(name)).hexdigest()}  {name}" in sums
    assert Delivery.objects.get().encrypted


def test_an_officer_who_does_not_hold_the_report_gets_no_dossier(
    client, report, officer, make_staff, staff_login
):
    forward_report(report, by=officer, authority="federal_police")
    referral = Referral.objects.get()
    staff_login(make_staff("colleague", "Triage officer"))
    url = f"{QUEUE}{report.pk}/referrals/{referral.pk}/dossier/"
    assert client.get(url).status_code == 403
    post = {f"r{referral.pk}-kind": "pdf", f"r{referral.pk}-recipient": "x"}
    assert client.post(url, post).status_code == 403
    assert not Delivery.objects.exists()


def test_making_a_pdf_leaves_truncated_photos_refused(report, officer):
    """WeasyPrint, once imported, makes Pillow accept truncated images process-wide."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from reports.intake.images import PhotoError, clean_photo
    from reports.referrals import dossier

    forward_report(report, by=officer, authority="federal_police")
    dossier.pdf(Referral.objects.get())
    with pytest.raises(PhotoError):
        clean_photo(
            SimpleUploadedFile("cut.jpg", images.truncated_jpeg()),
            keep_place_and_time=False, max_bytes=10**7,
        )  # fmt: skip


# --- A file that leaves the building is encrypted by default (the audit: a ZIP made with the
# passphrase "7" was cracked at once) -------------------------------------------------------


@pytest.fixture
def referral(report, officer, client, staff_login):
    forward_report(report, by=officer, authority="federal_police")
    staff_login(officer)
    return Referral.objects.get()


def dossier_url(referral):
    return f"{QUEUE}{referral.report.pk}/referrals/{referral.pk}/dossier/"


def post(client, referral, **fields):
    data = {f"r{referral.pk}-{name}": value for name, value in fields.items()}
    return client.post(dossier_url(referral), data)


@pytest.mark.parametrize("weak", ["7", "password123", "correct horse staple"])
def test_a_weak_passphrase_is_refused_and_the_form_given_back_without_it(client, referral, weak):
    response = post(client, referral, kind="zip", recipient="FGP Brussel", passphrase=weak)
    assert response.status_code == 400
    assert not Delivery.objects.exists()
    body = response.content.decode()
    assert "FGP Brussel" in body  # what was typed, given back
    assert "trop facile à deviner" in body  # the reason, in the officer's French
    assert f'value="{weak}"' not in body
    assert f">{weak}<" not in body
    assert f'name="r{referral.pk}-passphrase"' in body  # a new proposal instead


def test_a_file_without_a_passphrase_needs_a_reason(client, referral):
    response = post(client, referral, kind="pdf", recipient="FGP")
    assert response.status_code == 400
    response = post(client, referral, kind="pdf", recipient="FGP", unencrypted="on", reason=" ")
    assert response.status_code == 400
    assert "Dites pourquoi" in response.content.decode()
    assert not Delivery.objects.exists()


def test_a_file_without_a_passphrase_records_why_encrypted_and_the_audit_says_so(client, referral):
    from django.db import connection

    why = "La police fédérale ne lit pas les ZIP chiffrés (appel du 3 mars)"
    response = post(client, referral, kind="pdf", recipient="FGP", unencrypted="on", reason=why)
    assert response["Content-Type"] == "application/pdf"
    assert not PdfReader(io.BytesIO(response.content)).is_encrypted
    delivery = Delivery.objects.get()
    assert not delivery.encrypted
    assert delivery.unencrypted_reason == why
    with connection.cursor() as cursor:
        cursor.execute("SELECT unencrypted_reason_encrypted FROM reports_delivery")
        (stored,) = cursor.fetchone()
    assert why not in stored
    assert "police" not in stored
    entry = AuditEntry.objects.filter(action="dossier").latest("pk")
    assert entry.detail == f"pdf {referral.pk} not encrypted, reason given"
    change = client.get(f"{QUEUE}{referral.report.pk}/change/").content.decode()
    assert why in change  # staff see why on the referral


def test_a_passphrase_with_the_reason_for_none_is_refused(client, referral):
    response = post(client, referral, kind="pdf", recipient="FGP", passphrase=PASSPHRASE,
                    unencrypted="on", reason="pas de chiffrement")  # fmt: skip
    assert response.status_code == 400
    assert not Delivery.objects.exists()


def test_by_default_the_file_is_encrypted_with_the_passphrase_proposed_and_kept_nowhere(
    client, referral
):
    import re

    from django.contrib.sessions.models import Session

    page = client.get(f"{QUEUE}{referral.report.pk}/change/").content.decode()
    field = re.search(rf'name="r{referral.pk}-passphrase"[^>]*value="([^"]+)"', page)
    proposal = field.group(1)
    assert page.count(proposal) == 1  # shown once
    again = client.get(f"{QUEUE}{referral.report.pk}/change/").content.decode()
    assert proposal not in again  # a new one on every page
    response = post(client, referral, kind="zip", recipient="FGP", passphrase=proposal)
    archive = pyzipper.AESZipFile(io.BytesIO(response.content))
    with pytest.raises(RuntimeError):
        archive.read(archive.namelist()[0])
    archive.setpassword(proposal.encode())
    assert archive.read("SHA256SUMS.txt")
    delivery = Delivery.objects.get()
    assert delivery.encrypted
    assert delivery.unencrypted_reason == ""
    entry = AuditEntry.objects.filter(action="dossier").latest("pk")
    assert entry.detail == f"zip {referral.pk} encrypted"
    for session in Session.objects.all():
        assert proposal not in str(session.get_decoded())
    kept = [str(v) for e in AuditEntry.objects.all() for v in vars(e).values()]
    kept += [str(v) for v in vars(delivery).values()]
    assert not any(proposal in value for value in kept)


def test_the_proposed_passphrase_is_80_bits_of_an_unambiguous_alphabet():
    import math
    import re

    from reports.referrals import passphrase

    assert len(set(passphrase.ALPHABET)) == 31
    assert not set("0O1IL") & set(passphrase.ALPHABET)
    assert 16 * math.log2(len(passphrase.ALPHABET)) > 79
    proposals = [passphrase.propose() for _ in range(500)]
    assert len(set(proposals)) == 500
    for proposal in proposals:
        assert re.fullmatch(r"[2-9A-Z]{4}(-[2-9A-Z]{4}){3}", proposal)
        assert set(proposal) - {"-"} <= set(passphrase.ALPHABET)
        assert passphrase.problem(proposal) is None
    for weak in ["7", "password123", "Password1234567!", "Summer2025!Summer2025!",
                 "a" * 40, "correct horse battery staple"]:  # fmt: skip
        assert passphrase.problem(weak), weak
    assert passphrase.problem("x7#Kq9!mZ2@pR4$w") is None  # 16 random characters typed
