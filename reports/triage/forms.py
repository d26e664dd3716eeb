"""What staff type to search the reports' blind index."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search"), max_length=200, min_length=2,
        help_text=_(
            "A place, city, hotel, flight number, airline, tour operator, suspect's name, "
            "vehicle or website, as whole words: accents, capitals and spaces do not matter."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )  # fmt: skip
