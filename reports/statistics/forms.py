"""The period the annual statistics cover."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from reports.statistics.figures import Period


class PeriodForm(forms.Form):
    """A year, or a date range (which wins when both ends are given)."""

    year = forms.TypedChoiceField(label=_("year"), coerce=int, required=False)
    start = forms.DateField(
        label=_("from"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label=_("to"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        this_year = timezone.localdate().year
        self.fields["year"].choices = [(y, y) for y in range(this_year, 2009, -1)]

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if bool(start) != bool(end):
            raise forms.ValidationError(_("Give both dates of the period, or choose a year."))
        if start and end and end < start:
            raise forms.ValidationError(_("The period ends before it starts."))
        if start and end and (end - start).days > 3660:
            raise forms.ValidationError(_("Choose a period of ten years at most."))
        return data

    def period(self):
        data = self.cleaned_data if self.is_valid() else {}
        if data.get("start") and data.get("end"):
            return Period(data["start"], data["end"])
        return Period.year(data.get("year") or timezone.localdate().year)
