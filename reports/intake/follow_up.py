"""The anonymous follow-up: the code typed, the report's state in plain words, ECPAT's
questions and messages, the reporter's answers and photos, their consent, and leaving."""

from __future__ import annotations

import time

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from edge.crossorigin import token_free
from edge.httpcache import public_page
from encryption import crypto, holders
from limits import throttle
from reports.access import existing
from reports.errors import ReportError
from reports.intake import reporter_key, uploads
from reports.intake.forms import ConsentForm, FollowUpCodeForm, ReplyForm
from reports.intake.receipt import FOLLOW_UP_KEY as SESSION_KEY
from reports.intake.services import add_reporter_reply, change_consent, find_report_by_code
from reports.models import OUTCOME_FOR_REPORTER, Authority, Report, normalise_code

FOLLOW_UP_WINDOW = 15 * 60


def _throttled(request, template_context=None, *, retry_after: int = FOLLOW_UP_WINDOW):
    response = render(request, "reports/throttled.html", template_context or {}, status=429)
    response["Retry-After"] = str(retry_after)
    return response


def _session_report(request) -> tuple[Report | None, bytes | None]:
    """The report this session follows, while its follow-up lasts, and the reporter's key.
    The session keeps the report encrypted, with when it ends: the session's row says
    neither which report nor, to the minute, when (its own expiry is rounded up to the
    hour). The reporter's key, derived from their code, is held there under a key whose only
    copy is the reporter's cookie."""
    if SESSION_KEY not in request.session:
        return None, None
    state = crypto.unsealed_dict(request.session[SESSION_KEY])
    if state is None or state.get("until", 0) < time.time():
        request.session.flush()  # the follow-up is over (or unreadable): so is its session
        return None, None
    report = Report.objects.filter(pk=state["id"]).first()
    return report, reporter_key.released(request, state, report)


def _leave(response):
    reporter_key.forget(response)
    return response


@token_free
@require_http_methods(["GET", "HEAD", "POST"])
def follow_up(request):
    response = _follow_up(request)
    if not getattr(response, "public_page", False):
        add_never_cache_headers(response)
    return response


def _follow_up(request):
    report, private = _session_report(request)
    if report is None or private is None:
        return _following(request, report)
    with holders.holding(holders.reporter(report.pk, private)):
        return _following(request, report)


def _following(request, report):
    action = request.POST.get("action", "")

    if request.method == "POST" and action == "leave":
        request.session.flush()  # nothing of it stays, in the browser or the database
        messages.info(request, _("You have left the follow-up of your report."))
        response = _leave(redirect("reports:follow-up"))
        # The browser forgets the pages it kept and what the scripts kept in this tab.
        response["Clear-Site-Data"] = '"cache", "storage"'
        return response

    if report is None:
        return _follow_up_login(request)

    token = (
        uploads.read_token(request.POST.get("upload_token")) if request.method == "POST" else None
    )
    token = token or uploads.read_token(uploads.new_token())
    reply_form = ReplyForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and action == "reply":
        valid = reply_form.is_valid()
        keep = bool(request.POST.get("keep_photo_place_time"))
        for message in uploads.accept_photos(
            token, request.FILES.getlist("photos"), keep_place_and_time=keep, client=request
        ):
            reply_form.add_error("photos", message)
        if "remove_photo" in request.POST:
            uploads.remove(token, request.POST["remove_photo"])
            reply_form = ReplyForm(request.POST)
        elif valid and not reply_form.errors:
            try:
                add_reporter_reply(
                    report, message=reply_form.cleaned_data["message"], upload_token=token
                )
            except ReportError as error:
                reply_form.add_error(None, str(error))
            else:
                messages.success(request, _("Thank you: your answer has been sent to ECPAT."))
                return redirect("reports:follow-up")
    elif request.method == "POST":
        reply_form = ReplyForm()
    consent_form = ConsentForm(
        request.POST if action == "consent" else None, report=report, prefix="consent"
    )
    if action == "consent" and consent_form.is_valid():
        data = consent_form.cleaned_data
        try:
            change_consent(
                report, consent=data["consent"], email=data.get("reporter_email", ""),
                phone=data.get("reporter_phone", ""), notify=data.get("notify_by_email", False),
            )  # fmt: skip
        except ReportError as error:
            consent_form.add_error(None, str(error))
        else:
            messages.success(request, _("Your choice has been saved. ECPAT will see it."))
            return redirect("reports:follow-up")

    context = {
        "report": report,
        "status_text": (
            forwarded_text(report)
            if report.status == Report.Status.FORWARDED
            else STATUS_FOR_REPORTER[report.status]
        ),
        "outcome_text": (
            OUTCOME_FOR_REPORTER.get(report.outcome)
            if report.status == Report.Status.CLOSED
            else None
        ),
        "questions": report.messages.all(),
        "next_text": NEXT_FOR_REPORTER.get(report.status),
        "reply_form": reply_form,
        "consent_form": consent_form,
        "upload_token": uploads.sign(token),
        "pending": uploads.pending(token),
    }
    return render(request, "reports/follow_up.html", context)


@public_page
def _blank_login(request):
    """Asking for the code: the same page for everyone, kept by the site's cache (someone
    with a session or a message waiting gets it fresh: edge.httpcache)."""
    return render(request, "reports/follow_up_login.html", {"form": FollowUpCodeForm()})


def _follow_up_login(request):
    if request.method != "POST":
        return _blank_login(request)
    form = FollowUpCodeForm(request.POST)
    limit = settings.FOLLOW_UP_FAILURE_LIMIT
    if request.method == "POST" and (wait := throttle.wait_seconds("follow-up", request, limit)):
        return _throttled(request, {"follow_up": True}, retry_after=wait)  # whatever was typed
    if request.method == "POST" and form.is_valid():
        # Every code is counted before it is checked (in one statement, so parallel
        # guesses cannot all slip under the limit); a right one is given back.
        attempt = throttle.take("follow-up", request, limit, FOLLOW_UP_WINDOW)
        if not attempt:
            return _throttled(request, {"follow_up": True}, retry_after=attempt.retry_after)
        report = find_report_by_code(form.cleaned_data["code"])
        if report is not None:
            attempt.give_back()
            request.session.cycle_key()
            # The session lasts as long as the follow-up, not the default two weeks.
            request.session.set_expiry(settings.FOLLOW_UP_SESSION_SECONDS)
            state = {"id": report.pk, "until": time.time() + settings.FOLLOW_UP_SESSION_SECONDS}
            response = redirect("reports:follow-up")
            # A report kept from before sealing: its channel waited for this code.
            existing.seal_channel(report, normalise_code(form.cleaned_data["code"]))
            reporter_key.hold(response, state, report, form.cleaned_data["code"])
            request.session[SESSION_KEY] = crypto.encrypt_json(state)
            return response
        form.add_error(
            "code",
            _(
                "This code is not recognised. Check each character and try again: "
                "after several failed attempts you will have to wait 15 minutes."
            ),
        )
    return render(request, "reports/follow_up_login.html", {"form": form})


STATUS_FOR_REPORTER = {
    Report.Status.NEW: gettext_lazy("Received: your report has arrived and is waiting to be read."),
    Report.Status.ASSESSING: gettext_lazy(
        "Being assessed: someone at ECPAT is working on your report."
    ),
    Report.Status.WAITING: gettext_lazy(
        "A question for you: ECPAT needs more information, see below."
    ),
    # Said with the recipients' names: see forwarded_text().
    Report.Status.FORWARDED: gettext_lazy(
        "Passed on: ECPAT has passed your report to the competent body."
    ),
    Report.Status.CLOSED: gettext_lazy(
        "Closed: ECPAT has finished handling your report. Thank you."
    ),
}

# What happens next, in plain words, for each state a reporter can see.
NEXT_FOR_REPORTER = {
    Report.Status.NEW: gettext_lazy(
        "ECPAT reads every report within two working days. Come back then: a question or a "
        "message will appear here."
    ),
    Report.Status.ASSESSING: gettext_lazy(
        "ECPAT is assessing your report and decides whether to pass it on to the police. "
        "Come back in a few days: a question or a message will appear here."
    ),
    Report.Status.WAITING: gettext_lazy(
        "Answer the question below if you can: your report waits for your answer. If you do "
        "not know, say so: that helps too."
    ),
    Report.Status.FORWARDED: gettext_lazy(
        "Those who received your report decide what follows, and it may take a long time. "
        "ECPAT cannot tell you about what they do, but you can still add information here."
    ),
}

# Who received a report, as a reporter may read it, with its preposition ("à la", "aux" in
# French): what each recipient is, never its case
# reference nor the name staff typed for it (an investigation is not to be compromised).
RECIPIENT_FOR_REPORTER = {
    Authority.FEDERAL_POLICE: gettext_lazy("to the Belgian Federal Police"),
    Authority.FOREIGN: gettext_lazy("to the authorities of the country concerned"),
    Authority.CHILD_FOCUS: gettext_lazy(
        "to Child Focus, the Belgian foundation for missing and sexually exploited children"
    ),
    Authority.ECPAT_MEMBER: gettext_lazy("to ECPAT's member organisation in the country concerned"),
    Authority.OTHER: gettext_lazy("to another competent body"),
}


def forwarded_text(report: Report) -> str:
    """ "Passed on: ECPAT has passed your report to A, to B and to C." with the recipients of its
    referrals, in the order they were sent; the generic sentence when there are none."""
    seen = []
    for authority in report.referrals.values_list("authority", flat=True):
        if authority in RECIPIENT_FOR_REPORTER and authority not in seen:
            seen.append(authority)
    if not seen:
        return str(STATUS_FOR_REPORTER[Report.Status.FORWARDED])
    names = [str(RECIPIENT_FOR_REPORTER[authority]) for authority in seen]
    if len(names) == 1:
        recipients = names[0]
    else:
        recipients = _("%(some)s and %(last)s") % {
            "some": _(", ").join(names[:-1]),
            "last": names[-1],
        }
    return _("Passed on: ECPAT has passed your report %(recipients)s.") % {"recipients": recipients}
