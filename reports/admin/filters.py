"""The queue's filters, each with its count, and the deadline as the queue shows it."""

from __future__ import annotations

from datetime import timedelta

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from reports import rules
from reports.intake import countries as country_names
from reports.models import Report, Tag
from reports.triage.clocks import Clock, reporter_wrote_last


def due_label(report: Report):
    """ "First assessment · 3 Dec 14:00", marked when late; "—" for a closed report."""
    if report.due_at is None:
        return "—"
    when = date_format(timezone.localtime(report.due_at), "SHORT_DATETIME_FORMAT")
    what = Clock.label(report.clock)
    if report.due_at < timezone.now():
        return format_html(
            '<strong class="overdue">⚠ {} · {}</strong><span class="visually-hidden"> ({})</span>',
            what, when, _("late"),
        )  # fmt: skip
    return format_html("{} · {}", what, when)


def _once_per_request(request, name: str, compute):
    """Django builds every filter again for each filter's counts: the choices that come
    from the database are read once per request."""
    cache = request.__dict__.setdefault("_queue_filter_choices", {})
    if name not in cache:
        cache[name] = compute()
    return cache[name]


class CountedFilter(admin.SimpleListFilter):
    """A filter whose counts are one aggregate over the queue with one Q per choice (the
    admin's own facet counts, without Django's default `pk IN (subquery)` per choice).
    `condition` is a choice's Q over the reports."""

    def condition(self, value) -> Q | None:
        raise NotImplementedError

    def queryset(self, request, queryset):
        value = self.value()
        condition = self.condition(value) if value is not None else None
        return queryset.filter(condition) if condition is not None else queryset

    def get_facet_counts(self, pk_attname, filtered_qs):
        counts = {}
        for i, (lookup, _title) in enumerate(self.lookup_choices):
            condition = self.condition(str(lookup))
            counts[f"{i}__c"] = Count(pk_attname, filter=condition if condition else Q())
        return counts


class QueueFilter(CountedFilter):
    """Opens on the open reports; every status, and all, one click away."""

    title = _("status")
    parameter_name = "queue"

    def lookups(self, request, model_admin):
        return [("open", _("Open")), *Report.Status.choices, ("all", _("All"))]

    def value(self):
        return super().value() or "open"

    def condition(self, value):
        if value == "open":
            return ~Q(status=Report.Status.CLOSED)
        if value in Report.Status.values:
            return Q(status=value)
        return None

    def choices(self, changelist):
        # No "All" of Django's own on top: "all" is a choice of its own, the default is open.
        counts = self.get_facet_queryset(changelist) if changelist.add_facets else {}
        for i, (lookup, title) in enumerate(self.lookup_choices):
            count = counts.get(f"{i}__c")
            yield {
                "selected": self.value() == str(lookup),
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": f"{title} ({count})" if count is not None else title,
            }


class OverdueFilter(CountedFilter):
    title = _("deadline")
    parameter_name = "overdue"

    def lookups(self, request, model_admin):
        return [
            ("yes", _("Late")),
            ("answer", _("Reporter has answered")),
            ("today", _("Due today")),
            ("week", _("Due this week")),
        ]

    def condition(self, value):
        now = timezone.now()
        if value == "yes":
            return Q(due_at__lt=now)
        if value == "answer":
            return reporter_wrote_last() & ~Q(status=Report.Status.CLOSED)
        if value == "today":
            end = timezone.localtime(now).replace(hour=23, minute=59, second=59)
            return Q(due_at__gte=now, due_at__lte=end)
        if value == "week":
            return Q(due_at__gte=now, due_at__lt=now + timedelta(days=7))
        return None


class AssignedFilter(CountedFilter):
    """Me, nobody, and, for supervisors, each officer (the team's load)."""

    title = _("held by")
    parameter_name = "assigned"

    def lookups(self, request, model_admin):
        self.me = request.user.pk
        choices = [("me", _("Me")), ("nobody", _("Nobody"))]
        if rules.is_supervisor(request.user):
            choices += _once_per_request(request, "officers", lambda: [
                (str(pk), name) for pk, name in get_user_model().objects.filter(
                    is_active=True, assigned_reports__isnull=False
                ).exclude(pk=request.user.pk).distinct().order_by("username")
                .values_list("pk", "username")
            ])  # fmt: skip
        return choices

    def condition(self, value):
        if value == "me":
            return Q(assigned_to=self.me)
        if value == "nobody":
            return Q(assigned_to__isnull=True)
        if value and value.isdigit():
            return Q(assigned_to=int(value))
        return None


class TagFilter(admin.SimpleListFilter):
    title = _("tag")
    parameter_name = "tag"

    def lookups(self, request, model_admin):
        return _once_per_request(request, "tags", lambda: [
            (str(pk), name) for pk, name in Tag.objects.values_list("pk", "name")
        ])  # fmt: skip

    def queryset(self, request, queryset):
        value = self.value()
        if not value:
            return queryset
        if not value.isdigit():
            return queryset.none()
        return queryset.filter(tags__pk=value)


class CountryFilter(CountedFilter):
    title = _("country")
    parameter_name = "country"

    def lookups(self, request, model_admin):
        # In the reader's language and its order ("Égypte" among the E's), as on the form.
        codes = _once_per_request(request, "countries", Report.objects.countries_in_use)
        return country_names.sort_codes(codes)

    def condition(self, value):
        return Q(country=value) if value else None


class ChoicesFilter(CountedFilter):
    """One of the report's fields with choices, by its choices (Django's own parameter)."""

    field = ""
    field_choices: list = []  # (not `choices`: Django's method of every filter)

    def lookups(self, request, model_admin):
        return self.field_choices

    def condition(self, value):
        known = {str(choice) for choice, _label in self.field_choices}
        return Q(**{self.field: value}) if value in known else None


class PriorityFilter(ChoicesFilter):
    title = _("priority")
    parameter_name = "priority__exact"
    field, field_choices = "priority", Report.Priority.choices


class LocationFilter(ChoicesFilter):
    title = _("place")
    parameter_name = "location__exact"
    field, field_choices = "location", Report.Location.choices
