"""The steps of a report's life as admin actions: the forms of those that need an answer,
and how an action runs one service and says what happened."""

from __future__ import annotations

from datetime import timedelta

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.admin import ActionLocation
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from reports.errors import ReportError
from reports.models import (
    Authority,
    Outcome,
    Referral,
    ReferralOutcome,
    Report,
    ReportPhoto,
    Tag,
)


class StepForm(forms.Form):
    """A step's form knows its report, so that it starts from the report's current values."""

    def __init__(self, *args, report=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.report = report


class QuestionForm(StepForm):
    question = forms.CharField(
        label=_("Question to the reporter"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=5000,
        help_text=_("The reporter sees it on the follow-up page. Never write internal notes here."),
    )


class NoteForm(StepForm):
    note = forms.CharField(
        label=_("Internal note"), widget=forms.Textarea(attrs={"rows": 5}), max_length=5000
    )


class PriorityForm(StepForm):
    priority = forms.TypedChoiceField(
        label=_("priority"), choices=Report.Priority.choices, coerce=int
    )

    def __init__(self, *args, report=None, **kwargs):
        super().__init__(*args, report=report, **kwargs)
        if report is not None:
            self.fields["priority"].initial = report.priority  # starts from the current one


class ForwardForm(StepForm):
    authority = forms.ChoiceField(label=_("authority"), choices=Authority.choices)
    authority_name = forms.CharField(
        label=_("name of the authority"), max_length=200, required=False,
        help_text=_("For a foreign authority or another body: its name."),
    )  # fmt: skip
    reference = forms.CharField(
        label=_("authority's case reference"), max_length=100, required=False
    )
    contact = forms.CharField(label=_("contact person"), max_length=200, required=False)
    forwarded_at = forms.DateTimeField(
        label=_("date and time"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text=_("When the report was sent to the authority."),
    )
    language = forms.ChoiceField(
        label=_("language of the dossier"), choices=settings.LANGUAGES,
        help_text=_("The recipient's language, whatever yours."),
    )  # fmt: skip
    sections = forms.MultipleChoiceField(
        label=_("what the dossier holds"), widget=forms.CheckboxSelectMultiple, required=False
    )
    photos = forms.ModelMultipleChoiceField(
        label=_("photos sent"), queryset=ReportPhoto.objects.none(), required=False,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip

    def __init__(self, *args, report=None, **kwargs):
        from reports.intake.forms import ReportForm
        from reports.referrals.services import DEFAULT_SECTIONS

        super().__init__(*args, report=report, **kwargs)
        self.fields["forwarded_at"].initial = timezone.localtime().replace(second=0, microsecond=0)
        titles = {key: title for key, title, _names in ReportForm.SECTIONS}
        self.fields["sections"].choices = [(key, titles[key]) for key in DEFAULT_SECTIONS]
        self.fields["sections"].initial = list(DEFAULT_SECTIONS)
        self.fields["language"].initial = translation.get_language()
        if report is not None:
            photos = report.photos.shown()
            self.fields["photos"].queryset = photos
            self.fields["photos"].initial = [p.pk for p in photos]

    def clean_forwarded_at(self):
        when = self.cleaned_data["forwarded_at"]
        if when > timezone.now() + timedelta(minutes=5):
            raise forms.ValidationError(_("A forwarding cannot be in the future."))
        return when


class OutcomeForm(StepForm):
    referral = forms.ModelChoiceField(
        label=_("referral"), queryset=Referral.objects.none(), empty_label=None
    )
    outcome = forms.ChoiceField(label=_("outcome"), choices=ReferralOutcome.choices)
    received_on = forms.DateField(
        label=_("received on"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args, report=None, **kwargs):
        super().__init__(*args, report=report, **kwargs)
        self.fields["received_on"].initial = timezone.localdate()
        if report is not None:
            self.fields["referral"].queryset = report.referrals.filter(outcome="")


class MessageForm(StepForm):
    message = forms.CharField(
        label=_("Message to the reporter"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=5000,
        help_text=_(
            "The reporter reads it on the follow-up page; it asks nothing, the report does not "
            "wait. Never write internal notes here."
        ),
    )


class ReopenForm(StepForm):
    reason = forms.CharField(label=_("Why"), widget=forms.Textarea(attrs={"rows": 3}))


class LinkForm(StepForm):
    reference = forms.CharField(label=_("the related report (reference)"), max_length=16)
    note = forms.CharField(
        label=_("what they share"), max_length=300, required=False,
        help_text=_("The same hotel, the same suspect…"),
    )  # fmt: skip

    def clean_reference(self):
        reference = self.cleaned_data["reference"].strip().upper()
        try:
            return Report.objects.get(reference=reference)
        except Report.DoesNotExist:
            raise forms.ValidationError(_("No report has this reference.")) from None


class CloseForm(StepForm):
    outcome = forms.ChoiceField(label=_("outcome"), choices=[("", "—"), *Outcome.choices])
    duplicate_of = forms.CharField(
        label=_("duplicate of (reference)"), max_length=16, required=False
    )
    message = forms.CharField(
        label=_("closing message to the reporter (optional)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required=False,
        help_text=_(
            "Closing is final for the reporter: they read the outcome in plain words on the "
            "follow-up page, and this message if you write one. Never write internal notes here."
        ),
    )

    def __init__(self, *args, report=None, **kwargs):
        super().__init__(*args, report=report, **kwargs)
        if report is not None and report.forwarded_at is None:
            # "Forwarded" only for a report that was: the statistics count it.
            self.fields["outcome"].choices = [
                c for c in self.fields["outcome"].choices if c[0] != Outcome.FORWARDED
            ]

    def clean_duplicate_of(self):
        return _report_by_reference(self.cleaned_data["duplicate_of"])


class TagsForm(StepForm):
    tags = forms.ModelMultipleChoiceField(
        label=_("tags"), queryset=Tag.objects.all(), required=False,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip

    def __init__(self, *args, report=None, **kwargs):
        super().__init__(*args, report=report, **kwargs)
        if report is not None:
            # Ticked as they are now: adding one tag never silently removes the others.
            self.fields["tags"].initial = list(report.tags.values_list("pk", flat=True))


def _officers():
    from django.contrib.auth import get_user_model
    from django.db.models import Q

    return (
        get_user_model()
        .objects.filter(
            Q(groups__permissions__codename="work_report") | Q(is_superuser=True), is_active=True
        )
        .distinct()
        .order_by("username")
    )


def _report_by_reference(text: str):
    """The report a reference names (None for an empty one), or a translated error."""
    reference = text.strip().upper()
    if not reference:
        return None
    try:
        return Report.objects.get(reference=reference)
    except Report.DoesNotExist:
        raise forms.ValidationError(_("No report has this reference.")) from None


class HandOverForm(forms.Form):
    officer = forms.ModelChoiceField(label=_("to"), queryset=_officers())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["officer"].queryset = _officers()


def _step_with_form(modeladmin, request, queryset, form_class, title, run):
    """An action that asks for input on an intermediate page, then runs one service."""
    report = queryset.get()
    form = form_class(request.POST if "apply" in request.POST else None, report=report)
    if form.is_valid():
        try:
            run(report, request.user, form.cleaned_data)
        except ReportError as error:
            modeladmin.message_user(request, str(error), messages.ERROR)
        else:
            modeladmin.message_user(request, _("Done."), messages.SUCCESS)
        return None
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": title,
        "report": report,
        "form": form,
        "opts": modeladmin.model._meta,
        "action": request.POST.get(f"{ActionLocation.CHANGE_FORM.value}-action", ""),
        "action_field": f"{ActionLocation.CHANGE_FORM.value}-action",
    }
    return TemplateResponse(request, "admin/reports/report/step_form.html", context)


def _report_details(report: Report) -> dict:
    """What the report page shows, decrypted, in words (the report schema). The dossier that
    leaves the building is built apart, for one referral (reports.referrals.dossier)."""
    from reports.intake import schema

    return {
        "sections": schema.sections(report),
        "photos": report.photos.select_related("abuse_flagged_by", "abuse_passed_on"),
        "flagged_photos": report.photos.filter(
            abuse_flagged_at__isnull=False, file_deleted_at=None
        ).exists(),
        "events": report.events.select_related("actor"),
        "conversation": report.messages.all(),
    }


def _run(modeladmin, request, queryset, step, **kwargs):
    try:
        step(queryset.get(), by=request.user, **kwargs)
    except ReportError as error:
        modeladmin.message_user(request, str(error), messages.ERROR)
    else:
        modeladmin.message_user(request, _("Done."), messages.SUCCESS)


class BulkCloseForm(forms.Form):
    """Closing several reports at once: spam, or duplicates of one report."""

    outcome = forms.ChoiceField(
        label=_("outcome"),
        choices=[(Outcome.SPAM, Outcome.SPAM.label), (Outcome.DUPLICATE, Outcome.DUPLICATE.label)],
    )
    duplicate_of = forms.CharField(
        label=_("duplicate of (reference)"), max_length=16, required=False
    )

    def clean_duplicate_of(self):
        return _report_by_reference(self.cleaned_data["duplicate_of"])

    def clean(self):
        data = super().clean()
        if data.get("outcome") == Outcome.DUPLICATE and not data.get("duplicate_of"):
            self.add_error("duplicate_of", _("Give the reference of the report they duplicate."))
        return data


class BulkTagsForm(forms.Form):
    tags = forms.ModelMultipleChoiceField(
        label=_("tags to add"), queryset=Tag.objects.all(), widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip


def _bulk(modeladmin, request, queryset, form_class, title, run):
    """A step on the reports ticked in the queue: a confirmation page that lists their
    references, then the step on each (reports.triage.services.act_on_reports)."""
    reports = list(queryset.select_related("assigned_to").order_by("received_at"))
    form = form_class(request.POST if "apply" in request.POST else None)
    if form.is_valid():
        done, refused = run(reports, request.user, form.cleaned_data)
        if done:
            modeladmin.message_user(
                request,
                _("Done for %(n)d report(s): %(refs)s.")
                % {"n": len(done), "refs": ", ".join(r.reference for r in done)},
                messages.SUCCESS,
            )
        for report, why in refused:
            modeladmin.message_user(request, f"{report.reference}: {why}", messages.ERROR)
        return None
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": title,
        "reports": reports,
        "form": form,
        "opts": modeladmin.model._meta,
        "action": request.POST.get("action", ""),
    }
    return TemplateResponse(request, "admin/reports/report/bulk_form.html", context)


class HoldForm(StepForm):
    until = forms.DateField(
        label=_("kept until"), widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("The report is not purged before this day, whatever its closing date."),
    )  # fmt: skip
    reason = forms.CharField(
        label=_("why (an investigation in progress, its reference)"),
        widget=forms.Textarea(attrs={"rows": 3}), max_length=1000,
    )  # fmt: skip


class LiftHoldForm(StepForm):
    hold = forms.ModelChoiceField(label=_("legal hold"), queryset=None)

    def __init__(self, *args, report=None, **kwargs):
        super().__init__(*args, report=report, **kwargs)
        from reports.models import LegalHold

        holds = (
            LegalHold.objects.active().filter(report=report) if report else LegalHold.objects.none()
        )
        self.fields["hold"].queryset = holds
        self.fields["hold"].label_from_instance = lambda h: (
            _("until %(date)s") % {"date": h.until.isoformat()}
        )
