"""Sending the report form: one sending taken from the door to what becomes of it.

The view builds the form once and hands it here with the request; `send_report` answers
with a `Sending` that says what to show: the form again (with why, and the photos kept so
far), the answers to check, "already sent", or the receipt of a report stored. Everything
that asks the database happens here, inside one guard: when the database cannot be
reached, the form comes back with everything typed and its photos kept in the private
storage alone (reports.intake.stash), and the view's page needs no query.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from enum import StrEnum

from django.conf import settings
from django.core import signing
from django.db import DatabaseError
from django.utils.translation import gettext as _

from limits import throttle
from reports.intake import stash, uploads
from reports.intake.forms import ReportForm
from reports.intake.services import Receipt, submit_report

logger = logging.getLogger(__name__)
_started_signer = signing.Signer(salt="reports.form-started")

# The per-client limit on reports sent: its name in limits.throttle and its window.
SUBMIT_SCOPE = "submit"
SUBMIT_WINDOW = 3600


class Outcome(StrEnum):
    FORM = "form"  # the form again: what was typed, why, and the photos kept
    CHECK = "check"  # the answers to check before sending
    ALREADY_SENT = "already sent"  # this form's report was stored before
    SENT = "sent"  # the report is stored: show its receipt


@dataclass
class Sending:
    """What became of one sending of the report form, for the view to show."""

    outcome: Outcome
    form: ReportForm
    token: str  # the form's upload token (unsigned): its photos, and sent or not
    # The photos kept for this form, read already (the page asks nothing of the database):
    # pending uploads, or while the database is down the photos in the stash.
    photos: list = field(default_factory=list)
    status: int = 200
    retry_after: int | None = None  # seconds, when the client is over its limit
    reference: str = ""  # the report stored before, when it was already sent
    receipt: Receipt | None = None  # the report stored now

    @property
    def stashed(self) -> bool:
        """Whether the photos listed are in the stash: the next sending adopts them."""
        return any(isinstance(photo, stash.StashedPhoto) for photo in self.photos)


def started_now() -> str:
    """The signed moment a visitor starts filling the form (the minimum fill time)."""
    return _started_signer.sign(str(int(time.time())))


def _fill_time_ok(signed_started: str | None) -> bool:
    try:
        started = int(_started_signer.unsign(signed_started or ""))
    except (signing.BadSignature, ValueError):
        return False
    return time.time() - started >= settings.REPORT_MIN_FILL_SECONDS


def not_saved_message() -> str:
    return _(
        "Your report could not be saved just now, because of a problem on our side. "
        "Nothing you typed is lost: please send it again in a minute."
    )


def send_report(request, form: ReportForm) -> Sending:
    """Take one sending of the report form (`form` bound to the request's data and files)
    as far as it may go, and say what became of it.

    In order: a request too large gives its text back; a client over its limit is turned
    away at the door, counting nothing and opening no photo; a form already sent says so;
    its photos are removed, adopted or kept; "Remove" and "Change" show the form again;
    a form with errors, a filled honeypot or sent too quickly comes back; the first step
    (no start time: no script) and "Check my answers" show the answers; only then is the
    sending counted and, within the limit, the report stored.
    """
    token = _token_of(request)
    photos_taken = False
    try:
        if getattr(request, "too_large", False):
            return give_back_too_large(request, form, token)
        # At the door, counting nothing: a client over its limit has its photos left unopened.
        if wait := throttle.wait_seconds(SUBMIT_SCOPE, request, settings.REPORT_SUBMIT_LIMIT):
            return _turn_away(request, form, token, retry_after=wait, photos_taken=False)
        if (reference := uploads.consumed_reference(token)) is not None:
            return Sending(Outcome.ALREADY_SENT, form, token, reference=reference)
        _take_photos(request, form, token)
        photos_taken = True
        return _send(request, form, token)
    except DatabaseError:
        logger.exception("The report form could not reach the database")
        return _give_back_while_down(request, form, token, photos_taken=photos_taken)


def give_back_too_large(request, form: ReportForm, token: str | None = None) -> Sending:
    """A request above MAX_REQUEST_BYTES: its photos were dropped while it was read
    (edge.middleware), its text comes back, with the names of the photos dropped."""
    token = token or _token_of(request)
    names = [name for name in getattr(request, "dropped_files", []) if name]
    if names:
        form.add_error(
            "photos",
            _(
                "These photos were not kept: %(names)s. Choose them again, a few at a time, "
                "or send the report first and add photos later on the follow-up page."
            )
            % {"names": ", ".join(f"“{name}”" for name in names)},
        )
    form.add_error(
        None,
        _(
            "What you sent was too large to receive at once (more than %(limit)d MB), so "
            "your report has not been sent yet. Your text is below."
        )
        % {"limit": settings.MAX_REQUEST_BYTES // (1024 * 1024)},
    )
    return _form_again(form, token, status=413)


def _token_of(request) -> str:
    """The form's upload token as sent, or a new one (its first sending without a script)."""
    return uploads.read_token(request.POST.get("upload_token")) or uploads.read_token(
        uploads.new_token()
    )


def _form_again(form: ReportForm, token: str, *, status: int = 200, **extra) -> Sending:
    return Sending(
        Outcome.FORM, form, token, photos=list(uploads.pending(token)), status=status, **extra
    )


def _take_photos(request, form: ReportForm, token: str) -> None:
    """This sending's photos: the one its "Remove" names goes first (a stashed one before
    the stash is adopted), those kept while the database was down become pending uploads,
    and the new ones are checked, cleaned and kept, each refusal said on the form."""
    if "remove_photo" in request.POST:
        uploads.remove(token, request.POST["remove_photo"])
    if request.POST.get("stashed"):
        uploads.adopt_stashed(token)
    form.is_valid()  # judged before the photos' refusals are added
    keep = bool(request.POST.get("keep_photo_place_time"))
    for message in uploads.accept_photos(
        token, request.FILES.getlist("photos"), keep_place_and_time=keep, client=request
    ):
        form.add_error("photos", message)


def _send(request, form: ReportForm, token: str) -> Sending:
    if "remove_photo" in request.POST or "change" in request.POST:
        # Removing a photo is not sending, and "Change" on the check page goes back to the
        # form at that section: the form again, everything kept, without judging it more.
        return _form_again(form, token)
    first_step = not request.POST.get("started")
    if not form.errors:
        if form.cleaned_data.get("website"):  # the honeypot
            form.add_error(None, _("The form could not be sent. Please try again."))
        elif not first_step and not _fill_time_ok(request.POST.get("started")):
            form.add_error(
                None,
                _(
                    "The form was sent too quickly to be read: it looks like a robot's. Wait "
                    "a few seconds, check it, then send it again."
                ),
            )
    if form.errors:
        return _form_again(form, token)
    if request.POST.get("step") == "check" or first_step:
        # Nothing is stored or counted yet; the photos were decoded once, above, and kept.
        # A first step without a script (no start time yet) is shown its answers to check:
        # the minimum fill time then runs from that page.
        return Sending(Outcome.CHECK, form, token, photos=list(uploads.pending(token)))

    # The decision: this report is counted, then stored only if within the limit (one
    # statement, so parallel sendings cannot all slip under it).
    attempt = throttle.take(SUBMIT_SCOPE, request, settings.REPORT_SUBMIT_LIMIT, SUBMIT_WINDOW)
    if not attempt:
        return _turn_away(request, form, token, retry_after=attempt.retry_after, photos_taken=True)
    data = form.cleaned_data
    try:
        receipt = submit_report(
            location=data["location"],
            country=data.get("country", ""),
            place_kind=data.get("place_kind", ""),
            content=form.content(),
            upload_token=token,
            consent=form.chosen_consent,
        )
    except DatabaseError:
        logger.exception("A report could not be saved")
        attempt.give_back()
        form.add_error(None, not_saved_message())
        return _form_again(form, token, status=503)
    uploads.mark_consumed(token, receipt.reference)
    return Sending(Outcome.SENT, form, token, receipt=receipt)


def _turn_away(request, form, token, *, retry_after: int, photos_taken: bool) -> Sending:
    """Too many reports from this client: the form comes back with what was typed and the
    photos already kept, nothing is stored. Photos sent with a request turned away at the
    door are not even opened."""
    if request.FILES and not photos_taken:
        form.add_error(
            "photos", _("The photos chosen with this attempt were not kept: choose them again.")
        )
    form.add_error(
        None,
        _(
            "Many reports were sent from your connection in a short time, so this one has "
            "not been stored yet. What you typed is below: wait a while, then send it again."
        ),
    )
    return _form_again(form, token, status=429, retry_after=retry_after)


def _give_back_while_down(request, form, token, *, photos_taken: bool) -> Sending:
    """The database is unreachable: everything typed comes back with what happened, and
    the photos of this sending not kept yet go to the private storage alone (the stash)
    until the next sending. Nothing here asks the database."""
    if not_saved_message() not in form.non_field_errors():  # not said twice
        form.add_error(None, not_saved_message())
    if request.POST.get("remove_photo", "").startswith("s"):  # a stashed one: no database
        uploads.remove(token, request.POST["remove_photo"])
    files = request.FILES.getlist("photos")
    if files and not photos_taken:
        keep = bool(request.POST.get("keep_photo_place_time"))
        for message in uploads.stash_photos(token, files, keep_place_and_time=keep):
            form.add_error("photos", message)
    return Sending(Outcome.FORM, form, token, photos=stash.listed(token), status=503)
