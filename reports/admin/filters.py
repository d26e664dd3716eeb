"""The queue's filters and clocks."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from reports.intake import countries as country_names
from reports.models import Report, Tag


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
        # In the reader's language and its order ("Égypte" among the E's), as on the form.
        return country_names.sort_codes(Report.objects.countries_in_use())

    def queryset(self, request, queryset):
        return queryset.filter(country=self.value()) if self.value() else queryset
