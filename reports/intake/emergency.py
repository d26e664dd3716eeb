"""Emergency numbers of the country a person is in, from one labelled, sourced file per
country (reports/intake/emergency_numbers/<code>.toml).

Each number carries its own source (`source`) and, where that source says it, what the line
is for and when it answers (`note`, in English, French and Dutch). libphonenumber's
short-number data (the `phonenumbers` package) says whether a number is an emergency number
but not whose it is, and knows few child helplines: tests/test_emergency_numbers.py checks
every emergency number against it, and every other line (a child helpline, a tourist police)
to rest on the helpline's own site or its government's, never on an encyclopaedia.
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from reports.intake import countries

DATA = Path(__file__).with_name("emergency_numbers")

KINDS = {
    "emergency": _("Emergency (police, ambulance, fire)"),
    "police": _("Police"),
    "gendarmerie": _("Gendarmerie (outside towns)"),
    "ambulance": _("Ambulance"),
    "fire": _("Fire brigade"),
    "tourist_police": _("Tourist police"),
    "child_helpline": _("Child helpline"),
    "missing_children": _("Missing and sexually exploited children"),
    "trafficking_hotline": _("Human trafficking hotline"),
}
# Kinds that libphonenumber must know as emergency numbers; the others (a tourist police,
# a child helpline) must be valid short numbers of the country.
EMERGENCY_KINDS = {"emergency", "police", "gendarmerie", "ambulance", "fire"}

# Member states of the European Union: 112 reaches the emergency services in each.
EU = {
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE",
    "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
}  # fmt: skip
EU_SOURCE = "https://digital-strategy.ec.europa.eu/en/policies/112"


@dataclass(frozen=True)
class Number:
    kind: str
    number: str
    name: str = ""
    source: str = ""
    notes: tuple[tuple[str, str], ...] = ()  # (language, text): what it is for, when it answers

    @property
    def label(self) -> str:
        return str(KINDS[self.kind])

    @property
    def source_site(self) -> str:
        """The source's site, as a link's text: "childlinethailand.org"."""
        return urlsplit(self.source).hostname.removeprefix("www.") if self.source else ""

    @property
    def note(self) -> str:
        """What the line is for and when it answers, in the reader's language (else English)."""
        notes = dict(self.notes)
        return notes.get(translation.get_language() or "en") or notes.get("en", "")

    @property
    def display(self) -> str:
        """As people write it: "116 000" for the six-digit European numbers."""
        if len(self.number) == 6:
            return f"{self.number[:3]} {self.number[3:]}"
        return self.number

    @property
    def tel(self) -> str:
        return f"tel:{self.number}"


@dataclass(frozen=True)
class CountryNumbers:
    code: str
    numbers: tuple[Number, ...]

    @property
    def name(self) -> str:
        return countries.name(self.code)

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(n.source for n in self.numbers if n.source))

    def as_data(self) -> dict:
        return {
            "name": self.name,
            "numbers": [
                {
                    "label": n.label,
                    "display": n.display,
                    "tel": n.tel,
                    "name": n.name,
                    "note": n.note,
                    "source": n.source,
                }
                for n in self.numbers
            ],
        }


def _read(path: Path) -> CountryNumbers:
    with path.open("rb") as fh:
        data = tomllib.load(fh)
    numbers = tuple(
        Number(
            kind=item["kind"],
            number=item["number"],
            name=item.get("name", ""),
            source=item.get("source", ""),
            notes=tuple(sorted(item.get("note", {}).items())),
        )
        for item in data["numbers"]
    )
    for number in numbers:
        if number.kind not in KINDS:
            raise ValueError(f"{path.name}: unknown kind {number.kind!r}")
    return CountryNumbers(code=data["country"], numbers=numbers)


@functools.cache
def _files() -> dict[str, CountryNumbers]:
    found = {}
    for path in sorted(DATA.glob("*.toml")):
        entry = _read(path)
        if path.stem.upper() != entry.code:
            raise ValueError(f"{path.name} holds the numbers of {entry.code}")
        found[entry.code] = entry
    return found


def for_country(code: str | None) -> CountryNumbers | None:
    """The numbers to call in a country: its file, else 112 in an EU country, else None."""
    code = (code or "").upper()
    if code in _files():
        return _files()[code]
    if code in EU:
        numbers = (Number("emergency", "112", source=EU_SOURCE),)
        return CountryNumbers(code=code, numbers=numbers)
    return None


def known_codes() -> set[str]:
    return set(_files()) | EU


def all_countries() -> list[CountryNumbers]:
    """Every country with numbers, in the reader's language's order."""
    return [for_country(code) for code, _name in countries.sort_codes(known_codes())]


def help_country(code: str | None) -> CountryNumbers:
    """The country whose numbers a page shows first: `code` if known, else Belgium."""
    return for_country(code) or for_country("BE")


def help_context(code: str | None) -> dict:
    """What the "Is a child in danger right now?" box needs: the numbers of `code` (else
    Belgium's), and every country's, for the choice of where the person is now."""
    return {"help_country": help_country(code), **_every_country(translation.get_language())}


@functools.lru_cache(maxsize=8)
def _every_country(language: str) -> dict:
    """Every country's numbers, in `language` (the same for every page in that language)."""
    every = all_countries()
    return {
        "emergency_countries": [(c.code, c.name) for c in every],
        "emergency_data": {c.code: c.as_data() for c in every},
    }
