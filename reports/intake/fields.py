"""The report form's own fields and widgets: several photos in one input, a country list
rendered in Python, and text the browser never cuts."""

from __future__ import annotations

from django import forms
from django.core import validators
from django.forms.utils import flatatt
from django.utils.deconstruct import deconstructible
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import ngettext


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultiplePhotoField(forms.FileField):
    """Several photos in one input; each is checked by reports.intake.images, not here."""

    widget = MultipleFileInput

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if not data:
            return []
        if not isinstance(data, list | tuple):
            data = [data]
        return [f for f in data if f]


class LongSelect(forms.Select):
    """A select with hundreds of options (the countries), rendered in Python.

    Django's template-per-option rendering cost 150 ms for the report form's two country
    lists; this renders the same HTML (attributes, selected option, escaping) in ~1 ms.
    """

    def render(self, name, value, attrs=None, renderer=None):
        final = self.build_attrs(self.attrs, attrs)
        final["name"] = name
        selected = (
            "" if value is None else str(value[0] if isinstance(value, list | tuple) else value)
        )
        # A country may be in two groups (the usual destinations, then every country): only
        # its first option is the selected one.
        chosen = [False]

        def option(value, label):
            is_it = str(value) == selected and not chosen[0]
            chosen[0] = chosen[0] or is_it
            return format_html(
                '<option value="{}"{}>{}</option>', value, mark_safe(" selected") if is_it else "",
                label,
            )  # fmt: skip

        parts = []
        for value_or_group, label_or_items in self.choices:
            if isinstance(label_or_items, list | tuple):
                inner = mark_safe("".join(option(v, lbl) for v, lbl in label_or_items))
                group = format_html('<optgroup label="{}">{}</optgroup>', value_or_group, inner)
                parts.append(group)
            else:
                parts.append(option(value_or_group, label_or_items))
        return format_html("<select{}>{}</select>", flatatt(final), mark_safe("".join(parts)))


class UncutCharField(forms.CharField):
    """A text field the browser never cuts: no `maxlength` attribute, so a pasted text
    arrives whole and the error says by how much it is too long (GOV.UK's character count).
    """

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.pop("maxlength", None)
        return attrs

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.validators = [
            v for v in self.validators if not isinstance(v, validators.MaxLengthValidator)
        ]
        if self.max_length is not None:
            self.validators.append(TooLong(self.max_length))


@deconstructible
class TooLong(validators.MaxLengthValidator):
    def __call__(self, value):
        over = len(value) - self.limit_value
        if over > 0:
            raise forms.ValidationError(
                ngettext(
                    "It is %(over)d character too long: shorten it to %(limit)s at most.",
                    "It is %(over)d characters too long: shorten it to %(limit)s at most.",
                    over,
                )
                % {"over": over, "limit": number_format(self.limit_value, force_grouping=True)},
                code="max_length",
            )
