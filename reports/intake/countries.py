"""Country names in the reader's language, sorted for that language, the usual destinations
first.

django_countries translates the names (it is an installed app, so its French and Dutch
catalogues load) and sorts them with accents folded, so "Égypte" sits among the E's and
"Ålandseilanden" among the A's. The usual destinations are a list in settings
(REPORT_USUAL_COUNTRIES), not ranked from the reports: a ranking would publish a statistic.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.utils.translation import gettext as _
from django_countries import countries


def names() -> list[tuple[str, str]]:
    """Every country as (code, name), sorted in the active language."""
    return [(code, str(name)) for code, name in countries]


def name(code: str) -> str:
    return str(countries.name(code) or code) if code else ""


def sort_codes(codes: Iterable[str]) -> list[tuple[str, str]]:
    """The given codes as (code, name), in the active language's order."""
    wanted = {str(code) for code in codes}
    return [(code, label) for code, label in names() if code in wanted]


def grouped_choices(*, exclude: Iterable[str] = (), blank: str | None = None) -> list:
    """Choices for a select: the usual destinations in a group of their own, then every
    country. A usual destination is in both groups, so that typing its name finds it
    either way."""
    excluded = set(exclude)
    everything = [(code, label) for code, label in names() if code not in excluded]
    usual = [i for i in sort_codes(settings.REPORT_USUAL_COUNTRIES) if i[0] not in excluded]
    result: list = [("", blank)] if blank is not None else []
    if usual:
        result.append((_("Usual destinations"), usual))
        result.append((_("All countries"), everything))
    else:
        result.extend(everything)
    return result
