"""The triage workplace: the queue, the report page with its timeline, and each step of a
report's life as an action on the report page. Reports change only through the services."""

from __future__ import annotations

from datetime import datetime, time

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

from jedisstop.admin_search import BoundedSearchAdmin
from reports import rules
from reports.admin.filters import (
    AssignedFilter,
    CountryFilter,
    OverdueFilter,
    QueueFilter,
    TagFilter,
    claim_due,
)
from reports.admin.steps import (
    CloseForm,
    DeliveryForm,
    ForwardForm,
    HandOverForm,
    LinkForm,
    MessageForm,
    NoteForm,
    OutcomeForm,
    PriorityForm,
    QuestionForm,
    ReopenForm,
    TagsForm,
    _report_details,
    _run,
    _step_with_form,
    enter_report_form_class,
)
from reports.audit.services import audit, audit_report_view
from reports.errors import ReportError
from reports.intake import services as intake
from reports.models import AuditEntry, Delivery, Referral, Report, ReportPhoto
from reports.referrals import dossier
from reports.referrals import services as referrals
from reports.rules import Step
from reports.triage import services as triage


def _moment_of(day):
    """A day given by hand, as a moment: now if it is today (so that the timeline keeps its
    order), else noon that day."""
    if day == timezone.localdate():
        return timezone.now()
    return timezone.make_aware(datetime.combine(day, time(12)))


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
        "claim", "release", "ask", "message", "note", "change_priority", "set_tags", "link",
        "forward", "outcome", "close", "reopen", "hand_over",
    ]  # fmt: skip

    # The steps offered on a report's page: only those this person may take on it now
    # (reports.rules, and the report's state); the services check again when they run.
    STEP_OF_ACTION = {
        "claim": Step.CLAIM, "release": Step.RELEASE, "ask": Step.ASK, "message": Step.MESSAGE,
        "note": Step.NOTE, "change_priority": Step.PRIORITY, "set_tags": Step.TAGS,
        "link": Step.LINK, "forward": Step.FORWARD, "outcome": Step.OUTCOME,
        "close": Step.CLOSE, "reopen": Step.REOPEN, "hand_over": Step.HAND_OVER,
    }  # fmt: skip

    def get_actions(self, request, action_location=ActionLocation.CHANGE_LIST):
        actions = super().get_actions(request, action_location=action_location)
        object_id = (
            (request.resolver_match.kwargs or {}).get("object_id")
            if (request.resolver_match)
            else None
        )
        if action_location != ActionLocation.CHANGE_FORM or not object_id:
            return actions
        report = Report.objects.filter(pk=object_id).first()
        if report is None:
            return actions
        return {
            name: action for name, action in actions.items()
            if self._offered(request.user, name, report)
        }  # fmt: skip

    def _offered(self, user, name: str, report: Report) -> bool:
        step = self.STEP_OF_ACTION.get(name)
        if step is not None and not rules.may(user, step, report):
            return False
        closed = report.status == Report.Status.CLOSED
        if name == "reopen":
            return closed
        if name in {"note", "link"}:
            return True
        if closed:
            return False
        if name == "claim":
            return report.status == Report.Status.NEW
        if name in {"ask", "message"}:
            return report.status != Report.Status.NEW and report.follow_up_possible
        if name == "forward":
            return report.status != Report.Status.NEW
        if name == "outcome":
            return report.referrals.filter(outcome="").exists()
        if name == "release":
            return report.assigned_to_id is not None
        return True

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
        if obj.country:
            return obj.country.name
        return obj.get_location_display()

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
            audit_report_view(request.user, report)
            Report.objects.filter(pk=report.pk).update(staff_seen_at=timezone.now())
        extra_context = {
            **(extra_context or {}),
            **_report_details(report),
            "referrals": report.referrals.prefetch_related("deliveries"),
        }
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
                "<int:report_id>/referrals/<int:referral_id>/dossier/",
                self.admin_site.admin_view(self.referral_dossier_view),
                name="reports_report_referral_dossier",
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
        audit(
            request.user, AuditEntry.Action.VIEW_PHOTO, photo.report, f"photo {photo.pk}",
            data={"photo": photo.pk},
        )  # fmt: skip
        response = HttpResponse(photo.read(), content_type=photo.content_type)
        response["Cache-Control"] = "private, no-store"
        response["Content-Disposition"] = f'inline; filename="{photo.report.reference}-{photo.pk}"'
        return response

    def _dossier_report(self, request, report_id: int) -> Report:
        report = get_object_or_404(Report, pk=report_id)
        try:
            rules.check(request.user, Step.DOSSIER, report)
        except rules.StepRefused as refusal:
            raise PermissionDenied(str(refusal)) from None
        return report

    def dossier_view(self, request, report_id: int):
        """What a referral would hold by default, before the report is forwarded."""
        report = self._dossier_report(request, report_id)
        audit(request.user, AuditEntry.Action.DOSSIER, report, detail="preview")
        response = HttpResponse(dossier.html(dossier.preview(report), request=request))
        response["Cache-Control"] = "private, no-store"
        return response

    def referral_dossier_view(self, request, report_id: int, referral_id: int):
        """The dossier of one referral: to read (GET), or as a PDF or ZIP (POST, with an
        optional passphrase, which never travels in an address). Each one is audited and
        recorded on the referral with its SHA-256."""
        report = self._dossier_report(request, report_id)
        referral = get_object_or_404(Referral, pk=referral_id, report=report)
        if request.method != "POST":
            audit(request.user, AuditEntry.Action.DOSSIER, report, detail=f"html {referral.pk}")
            response = HttpResponse(dossier.html(referral, request=request))
            response["Cache-Control"] = "private, no-store"
            return response
        form = DeliveryForm(request.POST, prefix=f"r{referral.pk}")
        if not form.is_valid():
            self.message_user(request, _("Say who the file is for."), messages.ERROR)
            return redirect("admin:reports_report_change", report.pk)
        kind, passphrase = form.cleaned_data["kind"], form.cleaned_data["passphrase"]
        if kind == Delivery.Kind.ZIP:
            data = dossier.zip_file(referral, passphrase=passphrase)
            content_type = "application/zip"
        else:
            data = dossier.pdf(referral, passphrase=passphrase)
            content_type = "application/pdf"
        dossier.record_delivery(
            referral, kind=kind, data=data, by=request.user,
            recipient=form.cleaned_data["recipient"], encrypted=bool(passphrase),
        )  # fmt: skip
        audit(request.user, AuditEntry.Action.DOSSIER, report, detail=f"{kind} {referral.pk}")
        response = HttpResponse(data, content_type=content_type)
        response["Cache-Control"] = "private, no-store"
        name = f"{report.reference}-{referral.pk}.{kind}"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response

    def enter_view(self, request):
        """A report received by phone, email or in person, so the queue holds every report."""
        if not rules.may(request.user, Step.ENTER):
            raise PermissionDenied
        form = enter_report_form_class()(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            from reports.intake import uploads

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
                self.message_user(request, message, messages.WARNING)
            report = Report.objects.get(reference=receipt.reference)
            if data["with_code"]:
                # Shown once, here, to be read out to the caller; never stored in clear.
                return TemplateResponse(
                    request, "admin/reports/report/entered.html",
                    {**self.admin_site.each_context(request), "receipt": receipt,
                     "report": report, "opts": self.model._meta,
                     "title": _("Report %(ref)s entered") % {"ref": receipt.reference}},
                )  # fmt: skip
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
        from reports.retention.statistics import compute, svg_bars

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
        from reports.retention.statistics import compute, to_csv

        response = HttpResponse(to_csv(compute()), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="jedisstop-statistics.csv"'
        return response

    # --- The steps ------------------------------------------------------------------------

    @admin.action(description=_("Claim"), permissions=["work"], location=ActionLocation.CHANGE_FORM)
    def claim(self, request, queryset):
        _run(self, request, queryset, triage.claim_report)

    @admin.action(
        description=_("Release"), permissions=["work"], location=ActionLocation.CHANGE_FORM
    )
    def release(self, request, queryset):
        _run(self, request, queryset, triage.release_report)

    @admin.action(
        description=_("Ask the reporter a question…"),
        permissions=["work"],
        location=ActionLocation.CHANGE_FORM,
    )
    def ask(self, request, queryset):
        return _step_with_form(
            self, request, queryset, QuestionForm, _("Ask the reporter a question"),
            lambda r, u, d: triage.ask_reporter(r, by=u, question=d["question"]),
        )  # fmt: skip

    @admin.action(
        description=_("Add an internal note…"),
        permissions=["work"],
        location=ActionLocation.CHANGE_FORM,
    )
    def note(self, request, queryset):
        return _step_with_form(
            self, request, queryset, NoteForm, _("Add an internal note"),
            lambda r, u, d: triage.add_note(r, by=u, text=d["note"]),
        )  # fmt: skip

    @admin.action(
        description=_("Set the priority…"),
        permissions=["work"],
        location=ActionLocation.CHANGE_FORM,
    )
    def change_priority(self, request, queryset):
        return _step_with_form(
            self, request, queryset, PriorityForm, _("Set the priority"),
            lambda r, u, d: triage.set_priority(r, by=u, priority=d["priority"]),
        )  # fmt: skip

    @admin.action(
        description=_("Forward to an authority…"),
        permissions=["work"],
        location=ActionLocation.CHANGE_FORM,
    )
    def forward(self, request, queryset):
        return _step_with_form(
            self, request, queryset, ForwardForm, _("Forward to an authority"),
            lambda r, u, d: referrals.forward_report(
                r, by=u, authority=d["authority"], reference=d["reference"],
                forwarded_on=d["forwarded_at"], authority_name=d["authority_name"],
                contact=d["contact"], language=d["language"], sections=d["sections"],
                photos=d["photos"],
            ),
        )  # fmt: skip

    @admin.action(
        description=_("Write to the reporter (no question)…"),
        permissions=["work"],
        location=ActionLocation.CHANGE_FORM,
    )
    def message(self, request, queryset):
        return _step_with_form(
            self, request, queryset, MessageForm, _("Write to the reporter"),
            lambda r, u, d: triage.message_reporter(r, by=u, text=d["message"]),
        )  # fmt: skip

    @admin.action(
        description=_("Link a related report…"),
        permissions=["work"],
        location=ActionLocation.CHANGE_FORM,
    )
    def link(self, request, queryset):
        return _step_with_form(
            self, request, queryset, LinkForm, _("Link a related report"),
            lambda r, u, d: triage.link_reports(r, d["reference"], by=u, note=d["note"]),
        )  # fmt: skip

    @admin.action(
        description=_("Reopen…"), permissions=["supervise"], location=ActionLocation.CHANGE_FORM
    )
    def reopen(self, request, queryset):
        return _step_with_form(
            self, request, queryset, ReopenForm, _("Reopen the report"),
            lambda r, u, d: triage.reopen_report(r, by=u, reason=d["reason"]),
        )  # fmt: skip

    @admin.action(
        description=_("Record an authority's outcome…"),
        permissions=["work"],
        location=ActionLocation.CHANGE_FORM,
    )
    def outcome(self, request, queryset):
        return _step_with_form(
            self, request, queryset, OutcomeForm, _("Record an authority's outcome"),
            lambda r, u, d: referrals.record_outcome(
                d["referral"], by=u, outcome=d["outcome"],
                received_at=_moment_of(d["received_on"]),
            ),
        )  # fmt: skip

    @admin.action(
        description=_("Set the tags…"), permissions=["work"], location=ActionLocation.CHANGE_FORM
    )
    def set_tags(self, request, queryset):
        return _step_with_form(
            self, request, queryset, TagsForm, _("Set the tags"),
            lambda r, u, d: triage.set_tags(r, by=u, tags=d["tags"]),
        )  # fmt: skip

    @admin.action(description=_("Hand over to another officer…"), permissions=["supervise"])
    def hand_over(self, request, queryset):
        form = HandOverForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            try:
                count = triage.hand_over_reports(
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
            lambda r, u, d: triage.close_report(
                r, by=u, outcome=d["outcome"], duplicate_of=d["duplicate_of"],
                message=d["message"],
            ),
        )  # fmt: skip
