"""The report form (and its check page), and the small pages around it: the emergency
numbers, "can the site be reached?" and "Exit this page". The receipt is in
reports.intake.receipt, the follow-up in reports.intake.follow_up."""

from __future__ import annotations

import logging
import time
from urllib.parse import urlsplit

from django.conf import settings
from django.core import signing
from django.db import DatabaseError
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from edge.crossorigin import token_free
from edge.httpcache import public_page
from limits import throttle
from reports.intake import emergency, schema, stash, uploads
from reports.intake.forms import ReportForm
from reports.intake.receipt import FOLLOW_UP_KEY, RECEIPT_KEY, keep_receipt
from reports.intake.services import submit_report
from reports.models import Report

logger = logging.getLogger(__name__)
_started_signer = signing.Signer(salt="reports.form-started")


SUBMIT_WINDOW = 3600


def _throttled_form(request, *, retry_after: int = SUBMIT_WINDOW, form=None, token=None):
    """Too many reports from this client: the form comes back with what was typed and the
    photos already kept, nothing is stored. Photos sent with a request turned away at the
    door are not even opened."""
    token = token or uploads.read_token(request.POST.get("upload_token"))
    token = token or uploads.read_token(uploads.new_token())
    if form is None:
        form = ReportForm(request.POST)
        form.is_valid()
        if request.FILES:
            form.add_error(
                "photos",
                _("The photos chosen with this attempt were not kept: choose them again."),
            )
    form.add_error(
        None,
        _(
            "Many reports were sent from your connection in a short time, so this one has "
            "not been stored yet. What you typed is below: wait a while, then send it again."
        ),
    )
    response = _render_form(request, form, token, status=429)
    response["Retry-After"] = str(retry_after)
    return response


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


def _help_country_of(form) -> str:
    if not form.is_bound or form.data.get("location") != Report.Location.ABROAD:
        return "BE"
    return form.data.get("country") or "BE"


def _from_the_site(request) -> bool:
    """Whether the request comes from one of the site's own pages: by what the browser says
    of it (Sec-Fetch-Site), else by the Referer (the site's Referrer-Policy, same-origin,
    sends it to the site's own pages only). A link click sends no Origin. Neither header,
    or anything else: not from the site."""
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        return fetch_site == "same-origin"
    try:
        referer = urlsplit(request.headers.get("Referer", ""))
    except ValueError:  # not an address
        return False
    origin = f"{referer.scheme}://{referer.netloc}".lower()
    return origin == f"{request.scheme}://{request.get_host()}".lower()


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def quick_exit(request):
    """ "Exit this page" ends the *reporter's* traces and leaves for a neutral site. (The
    script replaces the history entry; without it this is a plain link.)

    - The reporter's follow-up and kept receipt go; a session that is nobody's but a
      reporter's ends altogether (row and cookie).
    - The browser is told to forget the site's pages and storage (the form kept in the tab).
    - "cookies" only when the request comes from the site's own page and nobody is signed
      in. From elsewhere (a link on another site, an image, a form sent across sites) the
      browser may hold back the site's cookies (SameSite), so the site cannot see a staff
      session it would wipe: another site could sign staff out.
    - A signed-in staff session survives, from the site's page too. It is no reporter's
      trace: staff trying the public form (or filling it for a caller) and pressing the
      button lose what a reporter would lose, not their sign-in and second factor. Signing
      out is the staff's own button.
    """
    staff = request.user.is_authenticated
    if staff:
        for key in (FOLLOW_UP_KEY, RECEIPT_KEY):
            request.session.pop(key, None)
    else:
        request.session.flush()
    response = HttpResponseRedirect(settings.QUICK_EXIT_URL)
    if _from_the_site(request) and not staff:
        response["Clear-Site-Data"] = '"cache", "cookies", "storage"'
    else:
        response["Clear-Site-Data"] = '"cache", "storage"'
    return response


@never_cache
@require_http_methods(["GET", "HEAD"])
def online(request):
    """Answers the form's script before it sends: a Wi-Fi sign-in page or no network at all
    cannot give this answer, so the script keeps the report in the tab and says so."""
    response = HttpResponse(status=204)
    response["X-Report-Form"] = "online"
    return response


@public_page
@require_http_methods(["GET", "HEAD"])
def emergency_numbers(request):
    """Every country's emergency numbers, one section each: the no-script way to the
    numbers of another country than the one shown on the form."""
    return render(request, "reports/emergency.html", {"countries": emergency.all_countries()})


def _render_form(request, form, token, *, status=200, pending=None):
    context = {
        "form": form,
        # The blank form carries neither (it is the same for everyone): its script asks
        # for them (form_start), else the first POST is given them.
        "upload_token": uploads.sign(token) if token else "",
        "started": _started(request) if request.method == "POST" else "",
        "pending": uploads.pending(token) if pending is None else pending,
        # Photos kept in the storage alone while the database was down (reports.intake.stash).
        "stashed": pending is not None and any(isinstance(p, stash.StashedPhoto) for p in pending),
        "max_photos": settings.REPORT_MAX_PHOTOS,
        # Help for where they are: the report's country once they chose one abroad.
        **emergency.help_context(_help_country_of(form)),
    }
    return render(request, "reports/submit.html", context, status=status)


def _started(request) -> str:
    """When this visitor started, signed: as sent (from form_start, or an earlier step), or
    now, the moment of their first step without a script."""
    return request.POST.get("started") or _started_signer.sign(str(int(time.time())))


@public_page
def blank_form(request):
    """The same bytes for everyone in a language, and no cookie: nginx keeps it like the
    home page. Nothing in it is a visitor's own (no CSRF token: edge.crossorigin)."""
    return _render_form(request, ReportForm(), "", pending=[])


@never_cache
@require_http_methods(["GET", "HEAD"])
def form_start(request):
    """A visitor's own values for the blank form, asked by its script as the form opens:
    an upload token, which binds the photos to the form and stops a report being sent
    twice ("Send now" pressed twice, "Try again" after an answer that was lost), and the
    signed moment the form was opened (the minimum fill time). Costs no database query."""
    return JsonResponse(
        {
            "upload_token": uploads.new_token(),
            "started": _started_signer.sign(str(int(time.time()))),
        }
    )


@token_free
@require_http_methods(["GET", "HEAD", "POST"])
def submit(request):
    if request.method != "POST":
        return blank_form(request)
    if getattr(request, "too_large", False):
        response = too_large_form(request)
    else:
        try:
            response = _submit(request)
        except DatabaseError:
            # The database is unreachable: give everything typed back, say what happened,
            # and keep the photos in the private storage alone until the next sending.
            logger.exception("The report form could not reach the database")
            response = _database_down(request)
    add_never_cache_headers(response)
    return response


def _form_given_back(request, message: str, *, files_message: str | None = None):
    """The form as it was sent, with what went wrong, its photos kept so far listed, and
    nothing decoded or stored from this request."""
    form = ReportForm(request.POST)
    form.is_valid()
    if files_message:
        form.add_error("photos", files_message)
    form.add_error(None, message)
    token = uploads.read_token(request.POST.get("upload_token"))
    return form, token or uploads.read_token(uploads.new_token())


def too_large_form(request):
    """A request above MAX_REQUEST_BYTES: its photos were dropped while it was read
    (edge.middleware), its text comes back, with the names of the photos dropped."""
    request.POST  # noqa: B018 - reading the body names the photos dropped on the way
    names = [name for name in getattr(request, "dropped_files", []) if name]
    limit = settings.MAX_REQUEST_BYTES // (1024 * 1024)
    form, token = _form_given_back(
        request,
        _(
            "What you sent was too large to receive at once (more than %(limit)d MB), so "
            "your report has not been sent yet. Your text is below."
        )
        % {"limit": limit},
        files_message=(
            _(
                "These photos were not kept: %(names)s. Choose them again, a few at a time, "
                "or send the report first and add photos later on the follow-up page."
            )
            % {"names": ", ".join(f"“{name}”" for name in names)}
            if names
            else None
        ),
    )
    return _render_form(request, form, token, status=413)


# What edge.middleware asks of a form's view.
submit.on_too_large = too_large_form


def _database_down(request):
    form = ReportForm(request.POST)
    form.is_valid()
    form.add_error(None, not_saved_message())
    token = uploads.read_token(request.POST.get("upload_token"))
    token = token or uploads.read_token(uploads.new_token())
    if request.POST.get("remove_photo", "").startswith("s"):  # a stashed one: no database
        uploads.remove(token, request.POST["remove_photo"])
    if request.FILES and not getattr(request, "photos_accepted", False):
        keep = bool(request.POST.get("keep_photo_place_time"))
        files = request.FILES.getlist("photos")
        for message in uploads.stash_photos(token, files, keep_place_and_time=keep):
            form.add_error("photos", message)
    return _render_form(request, form, token, status=503, pending=stash.listed(token))


def _submit(request):
    # At the door, counting nothing: a client over its limit has its photos left unopened.
    if wait := throttle.wait_seconds("submit", request, settings.REPORT_SUBMIT_LIMIT):
        return _throttled_form(request, retry_after=wait)
    token = uploads.read_token(request.POST.get("upload_token"))
    if token is None:
        token = uploads.read_token(uploads.new_token())
    if (reference := uploads.consumed_reference(token)) is not None:
        return render(request, "reports/already_sent.html", {"reference": reference})

    if request.POST.get("remove_photo", "").startswith("s"):
        uploads.remove(token, request.POST["remove_photo"])  # before the stash is adopted
    if request.POST.get("stashed"):
        uploads.adopt_stashed(token)

    form = ReportForm(request.POST, request.FILES)
    valid = form.is_valid()
    keep = bool(request.POST.get("keep_photo_place_time"))
    for message in uploads.accept_photos(
        token, request.FILES.getlist("photos"), keep_place_and_time=keep, client=request
    ):
        form.add_error("photos", message)
    request.photos_accepted = True

    if "remove_photo" in request.POST:
        uploads.remove(token, request.POST["remove_photo"])
        # Removing a photo is not sending: show the form again, without judging it yet.
        form = ReportForm(request.POST)
        return _render_form(request, form, token)
    if "change" in request.POST:
        # "Change" on the check page: the form again, everything kept, at that section.
        return _render_form(request, ReportForm(request.POST), token)

    first_step = not request.POST.get("started")
    if valid and not form.errors:
        if form.cleaned_data.get("website"):
            form.add_error(None, _("The form could not be sent. Please try again."))
        elif not first_step and not _fill_time_ok(request.POST.get("started")):
            form.add_error(
                None,
                _(
                    "The form was sent too quickly to be read: it looks like a robot's. Wait "
                    "a few seconds, check it, then send it again."
                ),
            )
    if not valid or form.errors:
        return _render_form(request, form, token)
    if request.POST.get("step") == "check" or first_step:
        # Nothing is stored or counted yet; the photos are decoded once, here, and kept.
        # A first step without a script (no start time yet) is shown its answers to check:
        # the minimum fill time then runs from this page.
        return _render_check(request, form, token)

    # The decision: this report is counted, then stored only if within the limit (one
    # statement, so parallel sendings cannot all slip under it).
    attempt = throttle.take("submit", request, settings.REPORT_SUBMIT_LIMIT, SUBMIT_WINDOW)
    if not attempt:
        return _throttled_form(request, retry_after=attempt.retry_after, form=form, token=token)
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
        return _render_form(request, form, token, status=503)
    uploads.mark_consumed(token, receipt.reference)
    # The receipt is a page of its own, so that a phone reloading the tab shows it again.
    keep_receipt(request, receipt, country=data.get("country", ""))
    return redirect("reports:receipt")


# Not carried over from the form to the check page: the form's own controls.
NOT_CARRIED = {"csrfmiddlewaretoken", "step", "change", "remove_photo", "stashed", "photos"}


def _render_check(request, form, token):
    """The answers by section, each with a "Change" button back to the form (everything
    kept), and "Send the report". What was typed travels in hidden fields, so this works
    without a script and keeps nothing on the server but the photos already accepted."""
    carried = [
        (name, value)
        for name, values in request.POST.lists()
        if name not in NOT_CARRIED | {"upload_token", "started"}
        for value in values
    ] + [("upload_token", uploads.sign(token)), ("started", _started(request))]
    context = {
        "form": form,
        "sections": schema.answered(form.cleaned_data),
        "carried": carried,
        "pending": uploads.pending(token),
    }
    return render(request, "reports/check.html", context)
