"""A report received by phone, email or in person, entered by staff so the queue holds every
report: the public form's schema, with how and when it came and whether the caller gets a
follow-up code (read out once, never stored in clear)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from reports import rules
from reports.intake import services as intake
from reports.intake import uploads
from reports.intake.forms import ReportForm
from reports.models import Report
from reports.pages import staff_page
from reports.rules import Step


def enter_report_form_class():
    """The public form's schema, for a report taken by phone, email or in person: every
    section, plus how and when it was received and whether the caller gets a code."""

    class EnterReportForm(ReportForm):
        channel = forms.ChoiceField(
            label=_("channel"), choices=[c for c in Report.Channel.choices if c[0] != "web"]
        )
        received_at = forms.DateTimeField(
            label=_("received on"),
            widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        )
        with_code = forms.BooleanField(
            label=_("Give the caller a follow-up code"),
            required=False,
            help_text=_(
                "Read it out to them once: with it they can answer questions. Without it, no "
                "question can be asked on this report."
            ),
        )

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.fields["received_at"].initial = timezone.localtime().replace(
                second=0, microsecond=0
            )
            self.fields.pop("website", None)  # the robots' trap is for the public form

        def receipt_fields(self):
            return [self[name] for name in ("channel", "received_at", "with_code")]

    return EnterReportForm


def enter(request):
    if not rules.may(request.user, Step.ENTER):
        raise PermissionDenied
    form = enter_report_form_class()(request.POST or None, request.FILES or None)
    if request.method != "POST" or not form.is_valid():
        return staff_page(
            request, "admin/reports/report/enter.html",
            title=_("Enter a report received by phone, email or in person"), form=form,
        )  # fmt: skip
    data = form.cleaned_data
    token = uploads.read_token(uploads.new_token())
    refused = uploads.accept_photos(
        token, request.FILES.getlist("photos"),
        keep_place_and_time=bool(data.get("keep_photo_place_time")),
    )  # fmt: skip
    receipt = intake.enter_report(
        by=request.user, channel=data["channel"], location=data["location"],
        country=data.get("country", ""), place_kind=data.get("place_kind", ""),
        content=form.content(), received_at=data["received_at"], upload_token=token,
        with_code=data["with_code"], consent=form.chosen_consent,
    )  # fmt: skip
    for message in refused:
        messages.warning(request, message)
    report = Report.objects.get(reference=receipt.reference)
    if data["with_code"]:
        # Shown once, here, to be read out to the caller; never stored in clear.
        return staff_page(
            request, "admin/reports/report/entered.html",
            title=_("Report %(ref)s entered") % {"ref": receipt.reference},
            receipt=receipt, report=report,
        )  # fmt: skip
    messages.info(request, _("Report %(ref)s entered.") % {"ref": receipt.reference})
    return redirect("admin:reports_report_change", report.pk)


def urls(admin_site) -> list:
    return [path("enter/", admin_site.admin_view(enter), name="reports_report_enter")]
