"""The triage workplace: the queue, the report page with its timeline, and each step of a
report's life as an action on the report page. Reports change only through the services."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin import ActionLocation
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.html import format_html
from django.utils.timesince import timesince
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from jedisstop.admin_search import BoundedSearchAdmin
from reports import rules, services
from reports.models import AuditEntry, Authority, Outcome, Report, ReportPhoto, Tag
from reports.rules import Step
from reports.services import ReportError


def claim_due() -> timedelta:
    return timedelta(hours=settings.REPORT_CLAIM_DUE_HOURS)


def answer_due() -> timedelta:
    return timedelta(hours=settings.REPORT_ANSWER_DUE_HOURS)


class QueueFilter(admin.SimpleListFilter):
    """Opens on the open reports; every status, and all, one click away."""

    title = _("status")
    parameter_name = "queue"

    def lookups(self, request, model_admin):
        return [("open", _("Open")), *Report.Status.choices, ("all", _("All"))]

    def value(self):
        return super().value() or "open"

    def choices(self, changelist):
        for lookup, title in self.lookup_choices:
            yield {
                "selected": self.value() == str(lookup),
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }

    def queryset(self, request, queryset):
        value = self.value()
        if value == "open":
            return queryset.open()
        if value in Report.Status.values:
            return queryset.filter(status=value)
        return queryset


class AssignedFilter(admin.SimpleListFilter):
    title = _("assigned to")
    parameter_name = "assigned"

    def lookups(self, request, model_admin):
        return [("me", _("Me")), ("nobody", _("Nobody"))]

    def queryset(self, request, queryset):
        if self.value() == "me":
            return queryset.filter(assigned_to=request.user)
        if self.value() == "nobody":
            return queryset.filter(assigned_to__isnull=True)
        return queryset


class OverdueFilter(admin.SimpleListFilter):
    title = _("overdue")
    parameter_name = "overdue"

    def lookups(self, request, model_admin):
        return [("yes", _("Not claimed in time")), ("answer", _("Reporter waiting for an answer"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.unclaimed_since(claim_due())
        if self.value() == "answer":
            return queryset.reporter_waiting(older_than=answer_due())
        return queryset


class TagFilter(admin.SimpleListFilter):
    title = _("tag")
    parameter_name = "tag"

    def lookups(self, request, model_admin):
        return list(Tag.objects.values_list("pk", "name"))

    def queryset(self, request, queryset):
        return queryset.filter(tags__pk=self.value()) if self.value() else queryset


class CountryFilter(admin.SimpleListFilter):
    title = _("country")
    parameter_name = "country"

    def lookups(self, request, model_admin):
        codes = Report.objects.countries_in_use()
        return sorted(((c, countries.name(c)) for c in codes), key=lambda item: item[1])

    def queryset(self, request, queryset):
        return queryset.filter(country=self.value()) if self.value() else queryset


# --- Forms of the steps that need an answer ---------------------------------------------


class QuestionForm(forms.Form):
    question = forms.CharField(
        label=_("Question to the reporter"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=5000,
        help_text=_("The reporter sees it on the follow-up page. Never write internal notes here."),
    )


class NoteForm(forms.Form):
    note = forms.CharField(
        label=_("Internal note"), widget=forms.Textarea(attrs={"rows": 5}), max_length=5000
    )


class PriorityForm(forms.Form):
    priority = forms.TypedChoiceField(
        label=_("priority"), choices=Report.Priority.choices, coerce=int
    )


class ForwardForm(forms.Form):
    authority = forms.ChoiceField(label=_("authority"), choices=Authority.choices)
    reference = forms.CharField(
        label=_("authority's case reference"), max_length=100, required=False
    )
    forwarded_on = forms.DateField(label=_("date"), initial=timezone.localdate)


class CloseForm(forms.Form):
    outcome = forms.ChoiceField(label=_("outcome"), choices=Outcome.choices)
    duplicate_of = forms.CharField(
        label=_("duplicate of (reference)"), max_length=16, required=False
    )

    def clean_duplicate_of(self):
        reference = self.cleaned_data["duplicate_of"].strip().upper()
        if not reference:
            return None
        try:
            return Report.objects.get(reference=reference)
        except Report.DoesNotExist:
            raise forms.ValidationError(_("No report has this reference.")) from None


class TagsForm(forms.Form):
    tags = forms.ModelMultipleChoiceField(
        label=_("tags"), queryset=Tag.objects.all(), required=False,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip


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


class HandOverForm(forms.Form):
    officer = forms.ModelChoiceField(label=_("to"), queryset=_officers())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["officer"].queryset = _officers()


class EnterReportForm(forms.Form):
    channel = forms.ChoiceField(
        label=_("channel"), choices=[c for c in Report.Channel.choices if c[0] != "web"]
    )
    location = forms.ChoiceField(label=_("where"), choices=Report.Location.choices)
    country = forms.ChoiceField(label=_("country"), required=False)
    place_kind = forms.ChoiceField(
        label=_("kind of place"), required=False, choices=[("", "—"), *Report.PlaceKind.choices]
    )
    description = forms.CharField(
        label=_("What happened?"), widget=forms.Textarea(attrs={"rows": 8}), max_length=5000
    )
    other = forms.CharField(
        label=_("Other information (people, travel details, contact)"),
        widget=forms.Textarea(attrs={"rows": 4}), max_length=5000, required=False,
    )  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from reports.forms import country_choices

        self.fields["country"].choices = country_choices()

    def clean(self):
        data = super().clean()
        if data.get("location") == Report.Location.ABROAD and not data.get("country"):
            self.add_error("country", _("Choose the country where it happened."))
        if data.get("location") == Report.Location.BELGIUM:
            data["country"] = "BE"
        return data

    def content(self) -> dict:
        data = self.cleaned_data
        return {k: data[k] for k in ("description", "other") if data.get(k)}


def _step_with_form(modeladmin, request, queryset, form_class, title, run):
    """An action that asks for input on an intermediate page, then runs one service."""
    report = queryset.get()
    form = form_class(request.POST if "apply" in request.POST else None)
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
    """What the report page and the dossier both show, decrypted."""
    return {
        "content_items": sorted(report.content.items()),
        "photos": report.photos.all(),
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


@admin.register(Report)
class ReportAdmin(BoundedSearchAdmin):
    list_display = [
        "reference", "received", "where", "place_kind", "status", "priority",
        "assigned_to", "last_activity_at", "answered",
    ]  # fmt: skip
    list_filter = [
        QueueFilter, "priority", "location", CountryFilter, AssignedFilter, OverdueFilter,
        TagFilter,
    ]  # fmt: skip
    list_select_related = ["assigned_to"]
    search_fields = ["=reference"]
    search_help_text = _("Search by reference, for example JDS-K7QD-3MXA.")
    ordering = ["priority", "received_at"]
    list_per_page = 50
    show_full_result_count = False
    fields = [
        "reference", "received_at", "channel", "status", "priority", "assigned_to",
        "location", "country", "place_kind", "authority", "authority_reference",
        "forwarded_at", "outcome", "duplicate_of", "closed_at",
    ]  # fmt: skip
    readonly_fields = fields
    change_form_template = "admin/reports/report/change_form.html"
    actions = [
        "claim", "release", "ask", "note", "change_priority", "set_tags", "forward", "close",
        "hand_over",
    ]  # fmt: skip

    # --- Access ---------------------------------------------------------------------------

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False  # no field is edited by hand: every change is a step (an action)

    def has_delete_permission(self, request, obj=None):
        return False

    def has_work_permission(self, request):
        return request.user.has_perm("reports.work_report")

    def has_supervise_permission(self, request):
        return request.user.has_perm("reports.supervise_report")

    # --- The queue ------------------------------------------------------------------------

    @admin.display(description=_("received"), ordering="received_at")
    def received(self, obj):
        age = _("%(age)s ago") % {"age": timesince(obj.received_at).split(",")[0]}
        if obj.status == Report.Status.NEW and obj.received_at < timezone.now() - claim_due():
            return format_html('<strong class="overdue">{} ⚠ {}</strong>', age, _("overdue"))
        return age

    @admin.display(description=_("where"), ordering="country")
    def where(self, obj):
        if obj.location == Report.Location.BELGIUM:
            return _("Belgium")
        return obj.country.name if obj.country else _("Abroad")

    @admin.display(description=_("reporter answered"), boolean=True)
    def answered(self, obj):
        return obj.reporter_answered_since_seen

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "can_enter": self.has_work_permission(request),
            "can_supervise": self.has_supervise_permission(request),
        }
        return super().changelist_view(request, extra_context)

    # --- The report page ------------------------------------------------------------------

    def change_view(self, request, object_id, form_url="", extra_context=None):
        report = get_object_or_404(Report, pk=object_id)
        if not self.has_view_permission(request, report):
            raise PermissionDenied
        if request.method == "GET":
            services.audit(request.user, AuditEntry.Action.VIEW_REPORT, report)
            Report.objects.filter(pk=report.pk).update(staff_seen_at=timezone.now())
        extra_context = {**(extra_context or {}), **_report_details(report)}
        return super().change_view(request, object_id, form_url, extra_context)

    def get_urls(self):
        return [
            path(
                "enter/", self.admin_site.admin_view(self.enter_view), name="reports_report_enter"
            ),
            path(
                "statistics/",
                self.admin_site.admin_view(self.statistics_view),
                name="reports_report_statistics",
            ),
            path(
                "statistics.csv",
                self.admin_site.admin_view(self.statistics_csv),
                name="reports_report_statistics_csv",
            ),
            path(
                "<int:report_id>/dossier/",
                self.admin_site.admin_view(self.dossier_view),
                name="reports_report_dossier",
            ),
            path(
                "<int:report_id>/photo/<int:photo_id>/",
                self.admin_site.admin_view(self.photo_view),
                name="reports_report_photo",
            ),
            *super().get_urls(),
        ]

    def photo_view(self, request, report_id: int, photo_id: int):
        """A photo, decrypted for one authorised person; never a public URL."""
        if not request.user.has_perm("reports.view_reportphoto"):
            raise PermissionDenied
        photo = get_object_or_404(ReportPhoto, pk=photo_id, report_id=report_id)
        services.audit(
            request.user, AuditEntry.Action.VIEW_PHOTO, photo.report, f"photo {photo.pk}"
        )
        response = HttpResponse(photo.read(), content_type=photo.content_type)
        response["Cache-Control"] = "private, no-store"
        response["Content-Disposition"] = f'inline; filename="{photo.report.reference}-{photo.pk}"'
        return response

    def dossier_view(self, request, report_id: int):
        """A print-ready, confidential dossier for the police. Printing it is audited."""
        report = get_object_or_404(Report.objects.select_related("assigned_to"), pk=report_id)
        try:
            rules.check(request.user, Step.DOSSIER, report)
        except rules.StepRefused as refusal:
            raise PermissionDenied(str(refusal)) from None
        services.audit(request.user, AuditEntry.Action.DOSSIER, report)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Forwarding dossier"),
            "report": report,
            **_report_details(report),
            "printed_at": timezone.now(),
        }
        return TemplateResponse(request, "admin/reports/report/dossier.html", context)

    def enter_view(self, request):
        """A report received by phone, email or in person, so the queue holds every report."""
        if not rules.may(request.user, Step.ENTER):
            raise PermissionDenied
        form = EnterReportForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            receipt = services.enter_report(
                by=request.user, channel=data["channel"], location=data["location"],
                country=data.get("country", ""), place_kind=data.get("place_kind", ""),
                content=form.content(),
            )  # fmt: skip
            report = Report.objects.get(reference=receipt.reference)
            self.message_user(request, _("Report %(ref)s entered.") % {"ref": receipt.reference})
            return redirect("admin:reports_report_change", report.pk)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Enter a report received by phone, email or in person"),
            "form": form,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/reports/report/enter.html", context)

    def statistics_view(self, request):
        if not rules.may(request.user, Step.STATISTICS):
            raise PermissionDenied
        from reports.statistics import compute, svg_bars

        stats = compute()
        context = {
            **self.admin_site.each_context(request),
            "title": _("Statistics"),
            "stats": stats,
            "months_svg": svg_bars(stats["months"], title=_("Reports per month")),
            "countries_svg": svg_bars(
                stats["countries"], title=_("Top countries"), horizontal=True
            ),
            "outcomes_svg": svg_bars(stats["outcomes"], title=_("Outcomes"), horizontal=True),
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/reports/report/statistics.html", context)

    def statistics_csv(self, request):
        if not rules.may(request.user, Step.STATISTICS):
            raise PermissionDenied
        from reports.statistics import compute, to_csv

        response = HttpResponse(to_csv(compute()), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="jedisstop-statistics.csv"'
        return response

    # --- The steps ------------------------------------------------------------------------

    @admin.action(description=_("Claim"), permissions=["work"], location=ActionLocation.CHANGE_FORM)
    def claim(self, request, queryset):
        _run(self, request, queryset, services.claim_report)

    @admin.action(
        description=_("Release"), permissions=["work"], location=ActionLocation.CHANGE_FORM
    )
    def release(self, request, queryset):
        _run(self, request, queryset, services.release_report)

    @admin.action(
        description=_("Ask the reporter a question…"),
        permissions=["work"],
        location=ActionLocation.CHANGE_FORM,
    )
    def ask(self, request, queryset):
        return _step_with_form(
            self, request, queryset, QuestionForm, _("Ask the reporter a question"),
            lambda r, u, d: services.ask_reporter(r, by=u, question=d["question"]),
        )  # fmt: skip

    @admin.action(
        description=_("Add an internal note…"),
        permissions=["work"],
        location=ActionLocation.CHANGE_FORM,
    )
    def note(self, request, queryset):
        return _step_with_form(
            self, request, queryset, NoteForm, _("Add an internal note"),
            lambda r, u, d: services.add_note(r, by=u, text=d["note"]),
        )  # fmt: skip

    @admin.action(
        description=_("Set the priority…"),
        permissions=["work"],
        location=ActionLocation.CHANGE_FORM,
    )
    def change_priority(self, request, queryset):
        return _step_with_form(
            self, request, queryset, PriorityForm, _("Set the priority"),
            lambda r, u, d: services.set_priority(r, by=u, priority=d["priority"]),
        )  # fmt: skip

    @admin.action(
        description=_("Forward to an authority…"),
        permissions=["work"],
        location=ActionLocation.CHANGE_FORM,
    )
    def forward(self, request, queryset):
        return _step_with_form(
            self, request, queryset, ForwardForm, _("Forward to an authority"),
            lambda r, u, d: services.forward_report(
                r, by=u, authority=d["authority"], reference=d["reference"],
                forwarded_on=timezone.make_aware(datetime.combine(d["forwarded_on"], time(12))),
            ),
        )  # fmt: skip

    @admin.action(
        description=_("Set the tags…"), permissions=["work"], location=ActionLocation.CHANGE_FORM
    )
    def set_tags(self, request, queryset):
        return _step_with_form(
            self, request, queryset, TagsForm, _("Set the tags"),
            lambda r, u, d: services.set_tags(r, by=u, tags=d["tags"]),
        )  # fmt: skip

    @admin.action(description=_("Hand over to another officer…"), permissions=["supervise"])
    def hand_over(self, request, queryset):
        form = HandOverForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            try:
                count = services.hand_over_reports(
                    list(queryset), by=request.user, to=form.cleaned_data["officer"]
                )
            except ReportError as error:
                self.message_user(request, str(error), messages.ERROR)
            else:
                self.message_user(request, _("%(n)d report(s) handed over.") % {"n": count})
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": _("Hand over to another officer"),
            "form": form,
            "reports": queryset,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/reports/report/hand_over.html", context)

    @admin.action(
        description=_("Close…"), permissions=["work"], location=ActionLocation.CHANGE_FORM
    )
    def close(self, request, queryset):
        return _step_with_form(
            self, request, queryset, CloseForm, _("Close the report"),
            lambda r, u, d: services.close_report(
                r, by=u, outcome=d["outcome"], duplicate_of=d["duplicate_of"]
            ),
        )  # fmt: skip


@admin.register(AuditEntry)
class AuditEntryAdmin(BoundedSearchAdmin):
    list_display = ["created_at", "username", "action", "report_reference", "detail"]
    list_filter = ["action", ("created_at", admin.DateFieldListFilter), "username"]
    search_fields = ["=report_reference", "username"]
    date_hierarchy = "created_at"
    list_select_related = False
    show_full_result_count = False

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # superusers included: the trail is append-only


@admin.register(Tag)
class TagAdmin(BoundedSearchAdmin):
    """Supervisors define the tags; officers apply them."""

    search_fields = ["name"]

    def _supervisor(self, request):
        return request.user.has_perm("reports.supervise_report")

    def has_view_permission(self, request, obj=None):
        return self._supervisor(request)

    def has_add_permission(self, request):
        return self._supervisor(request)

    def has_change_permission(self, request, obj=None):
        return self._supervisor(request)

    def has_delete_permission(self, request, obj=None):
        return self._supervisor(request)

    def has_module_permission(self, request):
        return self._supervisor(request)
