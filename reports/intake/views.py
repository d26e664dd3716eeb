"""The report form (and its check page), and the small pages around it: the emergency
numbers, "can the site be reached?" and "Exit this page". The receipt is in
reports.intake.receipt, the follow-up in reports.intake.follow_up."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect, render
from django.utils.cache import add_never_cache_headers
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from edge.crossorigin import token_free
from edge.httpcache import public_page
from reports.intake import emergency, schema, sending, uploads
from reports.intake.forms import ReportForm
from reports.intake.receipt import FOLLOW_UP_KEY, RECEIPT_KEY, keep_receipt
from reports.intake.sending import Outcome, Sending
from reports.models import Report


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


def _render_form(request, form, *, token: str = "", photos=(), stashed=False, status=200):
    context = {
        "form": form,
        # The blank form carries neither (it is the same for everyone): its script asks
        # for them (form_start), else the first POST is given them.
        "upload_token": uploads.sign(token) if token else "",
        "started": _started(request) if request.method == "POST" else "",
        "pending": photos,
        # Photos kept in the storage alone while the database was down (reports.intake.stash).
        "stashed": stashed,
        "max_photos": settings.REPORT_MAX_PHOTOS,
        # Help for where they are: the report's country once they chose one abroad.
        **emergency.help_context(_help_country_of(form)),
    }
    return render(request, "reports/submit.html", context, status=status)


def _started(request) -> str:
    """When this visitor started, signed: as sent (from form_start, or an earlier step), or
    now, the moment of their first step without a script."""
    return request.POST.get("started") or sending.started_now()


@public_page
def blank_form(request):
    """The same bytes for everyone in a language, and no cookie: nginx keeps it like the
    home page. Nothing in it is a visitor's own (no CSRF token: edge.crossorigin)."""
    return _render_form(request, ReportForm())


@never_cache
@require_http_methods(["GET", "HEAD"])
def form_start(request):
    """A visitor's own values for the blank form, asked by its script as the form opens:
    an upload token, which binds the photos to the form and stops a report being sent
    twice ("Send now" pressed twice, "Try again" after an answer that was lost), and the
    signed moment the form was opened (the minimum fill time). Costs no database query."""
    return JsonResponse({"upload_token": uploads.new_token(), "started": sending.started_now()})


@token_free
@require_http_methods(["GET", "HEAD", "POST"])
def submit(request):
    """The report form: the form, built once from what was sent; the sending
    (reports.intake.sending), which does everything that asks the database; then the
    receipt, or the page that says what became of it."""
    if request.method != "POST":
        return blank_form(request)
    form = ReportForm(request.POST, request.FILES)
    result = sending.send_report(request, form)
    if result.outcome == Outcome.SENT:
        # The receipt is a page of its own, so that a phone reloading the tab shows it again.
        keep_receipt(request, result.receipt, country=form.cleaned_data.get("country", ""))
        response = redirect("reports:receipt")
    else:
        response = _show(request, result)
    add_never_cache_headers(response)
    return response


# What edge.middleware asks of a form's view: that it gives a request too large back
# (its text, the names of the photos dropped), which the sending does.
submit.on_too_large = sending.give_back_too_large


def _show(request, result: Sending):
    """The page for a sending that stored nothing now. It asks nothing of the database:
    the sending has read the photos already."""
    if result.outcome == Outcome.ALREADY_SENT:
        return render(request, "reports/already_sent.html", {"reference": result.reference})
    if result.outcome == Outcome.CHECK:
        return _render_check(request, result)
    response = _render_form(
        request,
        result.form,
        token=result.token,
        photos=result.photos,
        stashed=result.stashed,
        status=result.status,
    )
    if result.retry_after is not None:
        response["Retry-After"] = str(result.retry_after)
    return response


# Not carried over from the form to the check page: the form's own controls.
NOT_CARRIED = {"csrfmiddlewaretoken", "step", "change", "remove_photo", "stashed", "photos"}


def _render_check(request, result: Sending):
    """The answers by section, each with a "Change" button back to the form (everything
    kept), and "Send the report". What was typed travels in hidden fields, so this works
    without a script and keeps nothing on the server but the photos already accepted."""
    carried = [
        (name, value)
        for name, values in request.POST.lists()
        if name not in NOT_CARRIED | {"upload_token", "started"}
        for value in values
    ] + [("upload_token", uploads.sign(result.token)), ("started", _started(request))]
    context = {
        "form": result.form,
        "sections": schema.answered(result.form.cleaned_data, form=result.form),
        "carried": carried,
        "pending": result.photos,
    }
    return render(request, "reports/check.html", context)
