"""The dossier that leaves the building: built for one referral, in the language chosen for
its recipient, holding what the referral includes and nothing else — never ECPAT's internal
notes, never a photo left out, and the reporter's identity only if, as the file is made, they
agree that the police may contact them and the recipient is a police authority.

As HTML (to read and print), as a PDF (WeasyPrint; the photos reach it through a URL
fetcher that decrypts them in memory, never as clear files on disk, and nothing is fetched
from anywhere else), and as a ZIP with the PDF, the photos and their SHA-256 sums. The PDF
and the ZIP are protected by default with a passphrase the officer gives the recipient
another way (AES-256; reports.referrals.passphrase proposes one); one without a passphrase
needs a reason. Every file made is recorded on the referral with its SHA-256 and, if it left
without a passphrase, why (a Delivery); the passphrase is kept nowhere.
"""

from __future__ import annotations

import hashlib
import io

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import timezone, translation

from reports.intake import schema
from reports.models import Delivery, Referral, ReportEvent

PHOTO_SCHEME = "dossier-photo:"


def photo_name(referral: Referral, index: int, photo) -> str:
    ext = "png" if photo.content_type == "image/png" else "jpg"
    return f"{referral.report.reference}-{index}.{ext}"


def preview(report) -> Referral:
    """What a referral of `report` would hold by default (before it is forwarded)."""
    from reports.referrals.services import DEFAULT_SECTIONS

    referral = Referral(
        report=report, authority="", sent_at=timezone.now(), sections=DEFAULT_SECTIONS,
        language=translation.get_language() or "fr",
    )  # fmt: skip
    referral.preview_photos = list(report.photos.shown())
    return referral


def _photos(referral: Referral) -> list:
    if referral.pk is None:
        return getattr(referral, "preview_photos", [])
    return list(referral.photos.shown().order_by("added_at", "pk"))


def context(referral: Referral, *, for_pdf: bool = False) -> dict:
    report = referral.report
    # The consent in force as this file is made, not as the referral was sent.
    named = referral.names_reporter()
    sections = [
        s
        for s in schema.sections(report, identity=named)
        if s.key in referral.sections or (s.key == schema.IDENTITY and named)
    ]
    photos = _photos(referral)
    events = report.events.exclude(kind=ReportEvent.Kind.NOTE).select_related(None)
    return {
        "report": report,
        "referral": referral,
        "names_reporter": named,
        "sections": sections,
        "photos": [
            {
                "photo": p,
                "name": photo_name(referral, i, p),
                "src": f"{PHOTO_SCHEME}{p.pk}" if for_pdf else None,
            }
            for i, p in enumerate(photos, start=1)
        ],
        "events": events,
        "contact": settings.ECPAT_CONTACT,
        "printed_at": timezone.now(),
        "for_pdf": for_pdf,
        "css": _css() if for_pdf else "",
    }


def _css() -> str:
    path = finders.find("css/dossier.css")
    return open(path, encoding="utf-8").read() if path else ""


def html(referral: Referral, *, for_pdf: bool = False, request=None) -> str:
    with translation.override(referral.language):
        return render_to_string(
            "admin/reports/report/dossier.html", context(referral, for_pdf=for_pdf), request
        )


def pdf(referral: Referral, *, passphrase: str = "") -> bytes:
    from PIL import ImageFile
    from weasyprint import HTML

    # Importing WeasyPrint tells Pillow to accept truncated images, for the whole process:
    # put back the refusal the photos' checks rely on (media.guard).
    ImageFile.LOAD_TRUNCATED_IMAGES = False

    fetcher = _photo_fetcher({str(p.pk): p for p in _photos(referral)})
    data = HTML(string=html(referral, for_pdf=True), url_fetcher=fetcher).write_pdf()
    if passphrase:
        data = _encrypt_pdf(data, passphrase)
    return data


def _photo_fetcher(photos: dict):
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class PhotoFetcher(URLFetcher):
        """Only the referral's own photos, decrypted in memory; nothing from anywhere else
        (no network, no file)."""

        def fetch(self, url, headers=None):
            key = url[len(PHOTO_SCHEME) :] if url.startswith(PHOTO_SCHEME) else None
            if key not in photos:
                raise ValueError("The dossier loads nothing but its own photos.")
            photo = photos[key]
            return URLFetcherResponse(
                url, body=photo.read(), headers={"Content-Type": photo.content_type}
            )

    return PhotoFetcher()


def _encrypt_pdf(data: bytes, passphrase: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=passphrase, owner_password=None, algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def zip_file(referral: Referral, *, passphrase: str = "") -> bytes:
    """The PDF, the photos and SHA256SUMS.txt; AES-encrypted with the passphrase if given."""
    import pyzipper

    reference = referral.report.reference
    members = [(f"{reference}.pdf", pdf(referral))]
    for i, photo in enumerate(_photos(referral), start=1):
        members.append((photo_name(referral, i, photo), photo.read()))
    sums = "".join(f"{hashlib.sha256(data).hexdigest()}  {name}\n" for name, data in members)
    members.append(("SHA256SUMS.txt", sums.encode()))
    out = io.BytesIO()
    options = {"compression": pyzipper.ZIP_DEFLATED}
    if passphrase:
        options["encryption"] = pyzipper.WZ_AES
    with pyzipper.AESZipFile(out, "w", **options) as archive:
        if passphrase:
            archive.setpassword(passphrase.encode())
        for name, data in members:
            archive.writestr(name, data)
    return out.getvalue()


def record_delivery(referral: Referral, *, kind: str, data: bytes, by, recipient: str,
                    encrypted: bool, unencrypted_reason: str = "") -> Delivery:  # fmt: skip
    """The file made, on its referral: never its passphrase; without one, why."""
    if not encrypted and not unencrypted_reason.strip():
        raise ValueError("a file without a passphrase needs a reason")
    return Delivery.objects.create(
        referral=referral, kind=kind, made_by=by, recipient=recipient[:200],
        encrypted=encrypted, unencrypted_reason="" if encrypted else unencrypted_reason,
        sha256=hashlib.sha256(data).hexdigest(),
    )  # fmt: skip
