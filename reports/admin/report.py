"""The triage workplace: the queue, the report page with its timeline, and each step of a
report's life as an action on the report page. Reports change only through the services."""

from __future__ import annotations

from datetime import datetime, time
from functools import partial

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin import ActionLocation, helpers
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.timesince import timesince
from django.utils.translation import gettext_lazy as _

from reports import rules, search
from reports.access import urls as access_urls
from reports.admin import photos as photo_pages
from reports.admin.filters import (
    AssignedFilter,
    CountryFilter,
    LocationFilter,
    OverdueFilter,
    PriorityFilter,
    QueueFilter,
    TagFilter,
    due_label,
)
from reports.admin.steps import (
    BulkCloseForm,
    BulkTagsForm,
    CloseForm,
    ForwardForm,
    HandOverForm,
    HoldForm,
    LiftHoldForm,
    LinkForm,
    MessageForm,
    NoteForm,
    OutcomeForm,
    PriorityForm,
    QuestionForm,
    ReopenForm,
    TagsForm,
    _bulk,
    _report_details,
    _run,
    _step_with_form,
)
from reports.audit.services import audit_report_view
from reports.errors import ReportError
from reports.intake import entering
from reports.models import Report, keys
from reports.notifications import send_reporter_notice_again
from reports.referrals import services as referrals
from reports.referrals import urls as referral_urls
from reports.retention import urls as retention_urls
from reports.rules import Step
from reports.statistics import urls as statistics_urls
from reports.triage import clocks
from reports.triage import photos as triage_photos
from reports.triage import services as triage
from reports.triage import urls as triage_urls
from sitewide.admin_search import BoundedSearchAdmin
from staff import keyring


def _moment_of(day):
    """A day given by hand, as a moment: now if it is today (so that the timeline keeps its
    order), else noon that day."""
    if day == timezone.localdate():
        return timezone.now()
    return timezone.make_aware(datetime.combine(day, time(12)))


class QueueChangeList(ChangeList):
    """The queue's page of results: only the columns it shows."""

    COLUMNS = [
        "reference", "received_at", "status", "priority", "location", "country", "clock",
        "due_at", "last_reporter_activity_at", "staff_seen_at", "assigned_to__username",
    ]  # fmt: skip

    def get_results(self, request):
        self.queryset = self.queryset.only(*self.COLUMNS)
        super().get_results(request)


@admin.register(Report)
class ReportAdmin(BoundedSearchAdmin):
    # What needs doing first: urgent and late, then reporters' answers, new reports, reports
    # in progress, and last those that wait for an authority or for the reporter (clocks.Need);
    # within each, the highest priority, then the nearest deadline first. Six narrow columns
    # (and the box to tick): they fit 1366 px with the sidebar open.
    list_display = ["reference", "state", "due", "where", "received", "holder"]
    list_display_links = ["reference"]
    list_filter = [
        QueueFilter, OverdueFilter, AssignedFilter, PriorityFilter, LocationFilter,
        CountryFilter, TagFilter,
    ]  # fmt: skip
    show_facets = admin.ShowFacets.ALWAYS
    list_select_related = ["assigned_to"]
    search_fields = ["=reference"]
    search_help_text = _("Search by reference, for example JDS-K7QD-3MXA.")
    list_per_page = 50
    show_full_result_count = False
    fields = [
        "reference", "received_at", "channel", "status", "due", "purge", "priority", "assigned_to",
        "location", "country", "place_kind", "authority", "authority_reference",
        "forwarded_at", "outcome", "duplicate_of", "closed_at",
    ]  # fmt: skip
    readonly_fields = fields
    change_form_template = "admin/reports/report/change_form.html"
    actions = [
        "claim", "release", "ask", "message", "note", "change_priority", "set_tags", "link",
        "forward", "outcome", "close", "reopen", "hand_over", "place_hold", "lift_hold",
        "send_notice_again",
        # On the reports ticked in the queue:
        "claim_selected", "close_selected", "tag_selected",
    ]  # fmt: skip

    # The steps offered on a report's page: only those this person may take on it now
    # (reports.rules, and the report's state); the services check again when they run.
    STEP_OF_ACTION = {
        "claim": Step.CLAIM, "release": Step.RELEASE, "ask": Step.ASK, "message": Step.MESSAGE,
        "note": Step.NOTE, "change_priority": Step.PRIORITY, "set_tags": Step.TAGS,
        "link": Step.LINK, "forward": Step.FORWARD, "outcome": Step.OUTCOME,
        "close": Step.CLOSE, "reopen": Step.REOPEN, "hand_over": Step.HAND_OVER,
        "place_hold": Step.HOLD, "lift_hold": Step.HOLD, "send_notice_again": Step.MESSAGE,
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
        if name == "place_hold":
            return True
        if name == "send_notice_again":
            return report.reporter_notice_failed_at is not None
        if name == "lift_hold":
            return report.holds.active().exists()
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

    def get_queryset(self, request):
        # What each report needs, as of now (a clock that ran out makes it late): computed
        # as the queue is read, the one written form of the rule (clocks.need_expression).
        queryset = Report.objects.annotate(need=clocks.need_expression())
        return queryset.order_by(*self.get_ordering(request))

    def get_ordering(self, request):
        return ["need", "priority", "due_at", "received_at"]

    def get_changelist(self, request, **kwargs):
        return QueueChangeList

    def action_checkbox(self, obj):
        # As Django's own, without rendering a form widget's template for each row.
        return format_html(
            '<input type="checkbox" name="{}" value="{}" class="action-select" aria-label="{}">',
            helpers.ACTION_CHECKBOX_NAME, obj.pk,
            format_html(_("Select this object for an action - {}"), str(obj)),
        )  # fmt: skip

    @admin.display(description=_("received"), ordering="received_at")
    def received(self, obj):
        return _("%(age)s ago") % {"age": timesince(obj.received_at).split(",")[0]}

    @admin.display(description=_("where"), ordering="country")
    def where(self, obj):
        if obj.location == Report.Location.BELGIUM:
            return _("Belgium")
        if obj.country:
            return obj.country.name
        return obj.get_location_display()

    @admin.display(description=_("status"), ordering="status")
    def state(self, obj):
        """The status, with what stands out: urgent or high priority, an answer received."""
        badges = []
        if obj.priority <= Report.Priority.HIGH and obj.status != Report.Status.CLOSED:
            badges.append(
                format_html('<span class="badge badge-{}">{}</span>',
                            "urgent" if obj.priority == Report.Priority.URGENT else "high",
                            obj.get_priority_display())
            )  # fmt: skip
        if obj.reporter_answered_since_seen:
            badges.append(format_html('<span class="badge badge-answer">{}</span>', _("answer")))
        return format_html(
            "{}{}", obj.get_status_display(), format_html_join("", " {}", ((b,) for b in badges))
        )

    @admin.display(description=_("due"), ordering="due_at")
    def due(self, obj):
        return due_label(obj)

    @admin.display(description=_("purged on"))
    def purge(self, obj):
        """When the report will be purged, and why not earlier."""
        from reports.retention.services import purge_date

        day = purge_date(obj)
        if day is None:
            return _("open: purged %(days)d days after it is closed") % {
                "days": settings.REPORT_RETENTION_DAYS
            }
        holds = list(obj.holds.active())
        text = date_format(day, "DATE_FORMAT")
        if holds:
            return format_html("{} — {}", text, _("legal hold until %(date)s") % {
                "date": date_format(max(h.until for h in holds), "DATE_FORMAT")
            })  # fmt: skip
        return text

    @admin.display(description=_("held by"), ordering="assigned_to__username")
    def holder(self, obj):
        return obj.assigned_to.get_username() if obj.assigned_to else "—"

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
        if not keys.can_open(report):  # sealed, and this member's key does not open it
            return keyring.refused(request)
        if request.method == "GET":
            audit_report_view(request.user, report)
            Report.objects.filter(pk=report.pk).update(staff_seen_at=timezone.now())
        extra_context = {
            **(extra_context or {}),
            **_report_details(report),
            "referrals": report.referrals.prefetch_related("deliveries"),
            "similar": search.related(report),
            "wellbeing_notice": triage_photos.notice_for(request.user),
        }
        return super().change_view(request, object_id, form_url, extra_context)

    def get_urls(self):
        site = self.admin_site
        return [
            # The views of each sub-domain, under the queue's address and names.
            *entering.urls(site),
            *triage_urls.urls(site),
            *statistics_urls.urls(site),
            *referral_urls.urls(site),
            *retention_urls.urls(site),
            *access_urls.urls(site),
            path(
                "<int:report_id>/photo/<int:photo_id>/",
                self.admin_site.admin_view(photo_pages.clear),
                name="reports_report_photo",
            ),
            path(
                "<int:report_id>/photo/<int:photo_id>/thumbnail/",
                self.admin_site.admin_view(photo_pages.thumbnail),
                name="reports_report_photo_thumbnail",
            ),
            path(
                "<int:report_id>/photo/<int:photo_id>/download/",
                self.admin_site.admin_view(partial(photo_pages.clear, download=True)),
                name="reports_report_photo_download",
            ),
            path(
                "<int:report_id>/photo/<int:photo_id>/view/",
                self.admin_site.admin_view(partial(photo_pages.viewer, self)),
                name="reports_report_photo_viewer",
            ),
            path(
                "<int:report_id>/photo/<int:photo_id>/flag/",
                self.admin_site.admin_view(photo_pages.flag),
                name="reports_report_photo_flag",
            ),
            path(
                "<int:report_id>/referrals/<int:referral_id>/abuse-material/<slug:step>/",
                self.admin_site.admin_view(photo_pages.abuse_material),
                name="reports_report_abuse_material",
            ),
            path(
                "wellbeing/",
                self.admin_site.admin_view(partial(photo_pages.wellbeing, self)),
                name="reports_report_wellbeing",
            ),
            path(
                "wellbeing/beat/",
                self.admin_site.admin_view(photo_pages.heartbeat),
                name="reports_report_heartbeat",
            ),
            *super().get_urls(),
        ]

    # --- The steps ------------------------------------------------------------------------

    @admin.action(
        description=_("Send the notice to the reporter again"), permissions=["work"],
        location=ActionLocation.CHANGE_FORM,
    )  # fmt: skip
    def send_notice_again(self, request, queryset):
        if send_reporter_notice_again(queryset.get()):
            self.message_user(request, _("The notice was sent."), messages.SUCCESS)
        else:
            self.message_user(
                request, _("The mail server refused the notice again: try later."), messages.ERROR
            )

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

    # --- Steps on the reports ticked in the queue ------------------------------------------

    @admin.action(description=_("Claim the selected reports"), permissions=["work"])
    def claim_selected(self, request, queryset):
        done, refused = triage.act_on_reports(
            list(queryset.filter(status=Report.Status.NEW)), by=request.user, step=lambda r: r
        )
        self.message_user(request, _("%(n)d report(s) claimed.") % {"n": len(done)})
        for report, why in refused:
            self.message_user(request, f"{report.reference}: {why}", messages.ERROR)

    @admin.action(description=_("Close the selected reports as spam or duplicates…"),
                  permissions=["work"])  # fmt: skip
    def close_selected(self, request, queryset):
        return _bulk(
            self, request, queryset, BulkCloseForm, _("Close the selected reports"),
            lambda reports, user, d: triage.close_reports(
                reports, by=user, outcome=d["outcome"], duplicate_of=d["duplicate_of"]
            ),
        )  # fmt: skip

    @admin.action(description=_("Add tags to the selected reports…"), permissions=["work"])
    def tag_selected(self, request, queryset):
        return _bulk(
            self, request, queryset, BulkTagsForm, _("Add tags to the selected reports"),
            lambda reports, user, d: triage.add_tags(reports, by=user, tags=d["tags"]),
        )  # fmt: skip

    @admin.action(
        description=_("Place a legal hold…"), permissions=["supervise"],
        location=ActionLocation.CHANGE_FORM,
    )  # fmt: skip
    def place_hold(self, request, queryset):
        from reports.retention import services as retention

        return _step_with_form(
            self, request, queryset, HoldForm, _("Place a legal hold"),
            lambda r, u, d: retention.place_hold(r, by=u, reason=d["reason"], until=d["until"]),
        )  # fmt: skip

    @admin.action(
        description=_("Lift a legal hold…"), permissions=["supervise"],
        location=ActionLocation.CHANGE_FORM,
    )  # fmt: skip
    def lift_hold(self, request, queryset):
        from reports.retention import services as retention

        return _step_with_form(
            self, request, queryset, LiftHoldForm, _("Lift a legal hold"),
            lambda r, u, d: retention.lift_hold(d["hold"], by=u),
        )  # fmt: skip
