"""The receipt after sending: a page of its own, so that a phone reloading the tab shows it
again, for RECEIPT_SECONDS in the same browser session; and the same as a text file."""

from __future__ import annotations

import datetime
import time

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from encryption.sealing import Locked
from reports.intake import emergency, form_key

# The follow-up's session key: a session that holds a follow-up keeps its own expiry.
FOLLOW_UP_KEY = "follow_up"


RECEIPT_KEY = "receipt"


def keep_receipt(request, receipt, *, country: str) -> None:
    """Keep the receipt for RECEIPT_SECONDS in this browser's session, sealed whole under
    the browser's form key, whose only copy is its cookie (reports.intake.form_key): the
    code, the reference and when it was sent are never in clear, in a URL or a log, and
    the session row alone opens nothing. Reloading the receipt shows it again."""
    now = time.time()
    request.session[RECEIPT_KEY] = form_key.seal_value(
        {
            "reference": receipt.reference,
            "code": receipt.code,
            "country": country,
            "sent_at": now,
            "until": now + settings.RECEIPT_SECONDS,
        },
        context="receipt",
    )
    if not request.session.get(FOLLOW_UP_KEY):
        # A session that holds nothing but the receipt ends with it (and with the browser).
        request.session.set_expiry(settings.RECEIPT_SECONDS)


def _kept_receipt(request) -> dict | None:
    if RECEIPT_KEY not in request.session:
        return None
    key = form_key.of(request)
    try:
        kept = key and form_key.open_value(request.session[RECEIPT_KEY], context="receipt",
                                           key=key)  # fmt: skip
    except (Locked, TypeError, AttributeError):
        kept = None  # another browser's key, its cookie gone, or kept by an older release
    if not isinstance(kept, dict) or kept.get("until", 0) < time.time():
        del request.session[RECEIPT_KEY]  # dropped after its ten minutes, or unreadable
        return None
    sent_at = datetime.datetime.fromtimestamp(kept["sent_at"], tz=datetime.UTC)
    return {**kept, "sent_at": sent_at}


@never_cache
@require_http_methods(["GET", "HEAD"])
def receipt(request):
    kept = _kept_receipt(request)
    context = {"receipt": kept, **emergency.help_context(kept["country"] if kept else "BE")}
    if kept:
        context["follow_up_url"] = request.build_absolute_uri(reverse("reports:follow-up"))
    return render(request, "reports/receipt.html", context)


@never_cache
@require_http_methods(["GET", "HEAD"])
def receipt_file(request):
    """The receipt as a text file to save: reference, date, code, where to use it."""
    kept = _kept_receipt(request)
    if kept is None:
        return redirect("reports:receipt")
    text = render_to_string(
        "reports/receipt.txt",
        {
            "receipt": kept,
            "follow_up_url": request.build_absolute_uri(reverse("reports:follow-up")),
        },
        request,
    )
    response = HttpResponse(text.replace("\n", "\r\n"), content_type="text/plain; charset=utf-8")
    name = f"{_('report')}-{kept['reference']}.txt"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
