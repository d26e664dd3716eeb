"""Search and related reports without plaintext: a keyed blind index.

What a reporter typed is encrypted, so the database cannot search it. For a few chosen
answers (the place's name, the city, the hotel, the flight, the airline, the tour operator,
the suspect's name and vehicle, the domains of the links) each whole normalised value and
each of its words is kept as an HMAC under a key from the environment (SEARCH_INDEX_KEYS,
newest first): equal words give equal digests, and nothing else can be read from them.

- Whole words only, never prefixes: a prefix index would let anyone with the database try
  a name letter by letter.
- Normalised: case, accents, punctuation and spacing do not matter ("Hôtel  SOLEIL" and
  "hotel soleil" are the same); flight numbers and plates also without their separators
  ("SN 123" = "SN123").
- Related reports share a whole value (the same hotel, flight, suspect's name, link domain),
  not a word, and not the city alone (one city holds many unrelated reports).
- Rotating the key: put the new key first, run `manage.py reindex_search` (which rebuilds
  every report's digests with it), then remove the old key. Until then, searches use both.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import logging
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

# Indexed answers, by the group their values are compared in.
GROUPS = {
    "place_name": "place",
    "city": "city",
    "travel_hotel": "hotel",
    "travel_flight": "flight",
    "travel_airline": "airline",
    "travel_operator": "operator",
    "suspects_name": "suspect",
    "suspects_vehicle": "vehicle",
    "links": "domain",
}
GROUP_LABELS = {
    "place": _("the same place"),
    "city": _("the same city"),
    "hotel": _("the same hotel"),
    "flight": _("the same flight"),
    "airline": _("the same airline"),
    "operator": _("the same tour operator"),
    "suspect": _("the same suspect's name"),
    "vehicle": _("the same vehicle"),
    "domain": _("the same website"),
}
FIELD_LABELS = {
    "place": _("name of the place"),
    "city": _("city"),
    "hotel": _("hotel"),
    "flight": _("flight"),
    "airline": _("airline"),
    "operator": _("tour operator"),
    "suspect": _("suspect's name"),
    "vehicle": _("vehicle"),
    "domain": _("website"),
}
# Values compared without their separators as well (SN 123, 1-ABC-234).
JOINED = {"flight", "vehicle"}
# Groups whose whole value does not make two reports related.
NOT_RELATING = {"city"}
# Words too common to find anything with (articles, and the words of every place's name).
STOP_WORDS = {
    "a", "an", "and", "de", "des", "du", "en", "et", "het", "in", "la", "le", "les", "of",
    "the", "van", "der", "den", "een", "op", "www", "http", "https", "com",
}  # fmt: skip
MAX_WORDS = 8
DIGEST_CHARS = 32  # 128 bits: no collision among millions of terms

_DOMAIN = re.compile(
    r"(?:https?://)?((?:[\w-]+\.)+[a-z\u00a1-\uffff]{2,})(?::\d+)?(?:[/?#]\S*)?", re.IGNORECASE
)


def _keys() -> list[bytes]:
    keys = settings.SEARCH_INDEX_KEYS
    if not keys:
        raise ImproperlyConfigured("SEARCH_INDEX_KEYS must be set.")
    return [key.encode() for key in keys]


def normalise(text: str) -> str:
    """Lower case, no accents, words separated by single spaces."""
    decomposed = unicodedata.normalize("NFKD", str(text))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    return " ".join(re.sub(r"[\W_]+", " ", bare).split())


def domains(text: str) -> list[str]:
    """The host names of the links in `text`, without "www.", lower case."""
    found = []
    for match in _DOMAIN.finditer(str(text)):
        host = match.group(1).lower().rstrip(".")
        with contextlib.suppress(UnicodeError):
            host = host.encode("idna").decode("ascii")
        host = host.removeprefix("www.")
        if "." in host and host not in found:
            found.append(host)
    return found


def _digest(key: bytes, scope: str, text: str) -> str:
    mac = hmac.new(key, f"{scope}\x1f{text}".encode(), hashlib.sha256)
    return mac.hexdigest()[:DIGEST_CHARS]


@dataclass(frozen=True)
class Term:
    group: str
    whole: bool
    text: str  # never stored: only its digest


def terms(content: dict) -> set[Term]:
    """The whole values and words of the indexed answers of `content`."""
    found: set[Term] = set()
    for name, group in GROUPS.items():
        value = content.get(name)
        if not value:
            continue
        if group == "domain":
            for host in domains(value):
                found.add(Term(group, True, host))
            continue
        text = normalise(value)
        if len(text) < 2:
            continue
        found.add(Term(group, True, text))
        if group in JOINED:
            found.add(Term(group, True, text.replace(" ", "")))
        for word in text.split():
            if len(word) >= 2 and word not in STOP_WORDS:
                found.add(Term(group, False, word))
    return found


def _scope(whole: bool) -> str:
    return "value" if whole else "word"


def index_report(report) -> int:
    """(Re)build the digests of `report` with the newest key. Returns how many it holds."""
    from reports.models import SearchTerm

    key = _keys()[0]
    rows = {
        (term.group, term.whole, _digest(key, _scope(term.whole), term.text))
        for term in terms(report.content or {})
    }
    with transaction.atomic():
        SearchTerm.objects.filter(report=report).delete()
        SearchTerm.objects.bulk_create(
            SearchTerm(report=report, group=group, whole=whole, digest=digest)
            for group, whole, digest in rows
        )
    return len(rows)


def reindex_all(batch: int = 500) -> int:
    """Every report's digests with the newest key (after a rotation)."""
    from reports.models import Report

    count = 0
    for report in Report.objects.exclude(content=None).iterator(chunk_size=batch):
        index_report(report)
        count += 1
    return count


def _digests_of(scope: str, text: str) -> list[str]:
    return [_digest(key, scope, text) for key in _keys()]


def query_digests(query: str) -> tuple[list[str], list[list[str]]]:
    """For a query: the digests of it as a whole value (any key), and for each of its words
    the digests of that word."""
    text = normalise(query)
    hosts = domains(query)
    wholes = set(_digests_of("value", text)) if len(text) >= 2 else set()
    wholes |= set(_digests_of("value", text.replace(" ", "")))
    for host in hosts:
        wholes |= set(_digests_of("value", host))
    # At most MAX_WORDS words, each one indexed lookup: a long query costs no more.
    words = [w for w in text.split() if len(w) >= 2 and w not in STOP_WORDS][:MAX_WORDS]
    return sorted(wholes), [_digests_of("word", word) for word in words]


def search(query: str, queryset=None):
    """The reports whose indexed answers hold `query` as a whole value, or all of its words
    (in any of the indexed answers). Returns (reports, groups matched per report id)."""
    from reports.models import Report, SearchTerm

    wholes, words = query_digests(query)
    if not wholes and not words:
        return Report.objects.none(), {}
    ids: set[int] = set(
        SearchTerm.objects.filter(digest__in=wholes).values_list("report_id", flat=True)
    )
    if words:
        # The reports holding every word, in one query: each further word a semi-join, so the
        # database starts from the rarest word and probes the others report by report,
        # instead of every word's reports read into Python (a common word holds thousands:
        # 16 ms for "Sunrise0 Palace0 1680" among 100,000 reports, 0.3 ms this way).
        every = SearchTerm.objects.filter(digest__in=words[0]).values_list("report_id", flat=True)
        for digests in words[1:]:
            every = every.filter(
                report_id__in=SearchTerm.objects.filter(digest__in=digests).values("report_id")
            )
        ids |= set(every)
    groups: dict[int, set[str]] = {}
    all_digests = [*wholes, *(d for ds in words for d in ds)]
    for report_id, group in SearchTerm.objects.filter(
        report_id__in=ids, digest__in=all_digests
    ).values_list("report_id", "group"):
        groups.setdefault(report_id, set()).add(group)
    reports = (queryset if queryset is not None else Report.objects.all()).filter(pk__in=ids)
    return reports, groups


def related(report) -> list[tuple[object, list[str]]]:
    """Reports that share a whole value with `report` (not the city alone), with what they
    share in words ("the same hotel")."""
    from reports.models import SearchTerm

    mine = SearchTerm.objects.filter(report=report, whole=True).exclude(group__in=NOT_RELATING)
    shared = (
        SearchTerm.objects.filter(digest__in=mine.values("digest"), whole=True)
        .exclude(report=report).exclude(group__in=NOT_RELATING)
        .select_related("report").order_by("report__received_at")
    )  # fmt: skip
    found: dict[int, tuple[object, set[str]]] = {}
    for term in shared:
        found.setdefault(term.report_id, (term.report, set()))[1].add(term.group)
    return [
        (other, [str(GROUP_LABELS[g]) for g in sorted(groups)]) for other, groups in found.values()
    ]


def labels(groups: Iterable[str]) -> list[str]:
    """Where a search found a report, in words ("hotel", "flight")."""
    return [str(FIELD_LABELS.get(g, g)) for g in sorted(groups)]
