"""The report schema: what a reporter wrote, read back in words, by section, in the form's
order, in the reader's language. The staff page, the dossier and whatever else shows a
report all read it here, so a raw key (`children_ages`, `may_contact True`) or a Python
list never reaches a person.

Empty answers are folded away; form controls (which photos, whether to keep their place
and time) are not answers and are never shown (nor stored: ReportForm.content).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django_countries import countries

# Kept on the report itself, not in its encrypted content.
ON_THE_REPORT = {"location", "country", "place_kind", "consent"}
# Form controls, not answers.
CONTROLS = {"photos", "keep_photo_place_time", "website", "notice_language"}
COUNTRY_FIELDS = {"country", "suspects_nationality"}
IDENTITY = "you"


@dataclass
class Answer:
    name: str
    label: str
    value: str
    long: bool = False


@dataclass
class Section:
    key: str
    title: str
    answers: list[Answer] = field(default_factory=list)


def _words(name: str, form_field, value) -> str:
    if name in COUNTRY_FIELDS:
        return str(countries.name(value) or value)
    if isinstance(form_field, forms.BooleanField):
        return _("Yes") if value else _("No")
    if isinstance(form_field, forms.DateField):
        try:
            return date_format(datetime.date.fromisoformat(str(value)), "DATE_FORMAT")
        except ValueError:
            return str(value)
    if isinstance(form_field, forms.ChoiceField):
        labels = {str(key): str(label) for key, label in form_field.choices}
        values = value if isinstance(value, list | tuple) else [value]
        return ", ".join(labels.get(str(v), str(v)) for v in values)
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


def sections(report, *, identity: bool = True) -> list[Section]:
    """The answers of `report` by section. Without `identity`, the reporter's own details
    are left out (a dossier for an authority the reporter did not agree to be named to)."""
    values = dict(report.content or {})
    for name in ON_THE_REPORT:
        values[name] = getattr(report, name)
    values["country"] = report.country.code if report.country else ""
    return answered(values, identity=identity)


def answered(values: dict, *, identity: bool = True, form=None) -> list[Section]:
    """Answers by section from a dict of the form's names and values: a stored report's,
    or a form's cleaned data before it is sent (the check-your-answers page, which gives
    its form: its fields label the answers, and no other form is built)."""
    from reports.intake.forms import ReportForm

    form = form if form is not None else ReportForm()
    result = []
    for key, title, names in ReportForm.SECTIONS:
        if key == IDENTITY and not identity:
            continue
        section = Section(key=key, title=str(title))
        for name in names:
            if name in CONTROLS:
                continue
            value = values.get(name)
            if hasattr(value, "isoformat"):
                value = value.isoformat()
            if value in ("", None, [], False):
                continue
            form_field = form.fields[name]
            section.answers.append(
                Answer(
                    name=name,
                    label=str(form_field.label),
                    value=_words(name, form_field, value),
                    long=isinstance(form_field.widget, forms.Textarea),
                )
            )
        if section.answers:
            result.append(section)
    return result
