"""Search and related reports without plaintext: a keyed blind index, its key sealed to the
team.

What a reporter typed is sealed, so the database cannot search it. For a few chosen
answers (the place's name, the city, the hotel, the flight, the airline, the tour operator,
the suspect's name and vehicle, the domains of the links) each whole normalised value and
each of its words is kept as an HMAC under the search key: equal words give equal digests,
and nothing else can be read from them.

- **The key is sealed to the team** (SearchKey, wrapped to each member's key and the
  recovery key, as a report's keys are), never in the environment: a copy of the database
  and the environment cannot test guessed names against the index.
- **Indexed in a member's request.** A new report's words are sealed with it (its team
  key, `Report.search_words`): nobody needs to be signed in when it arrives. A request of a
  member with their key unlocked then turns the waiting reports' words into digests, a
  bounded batch at a time (`index_waiting`, before every search and on the admin's pages);
  related reports appear then too.
- Whole words only, never prefixes: a prefix index would let anyone with the database try
  a name letter by letter.
- Normalised: case, accents, punctuation and spacing do not matter ("Hôtel  SOLEIL" and
  "hotel soleil" are the same); flight numbers and plates also without their separators
  ("SN 123" = "SN123").
- Related reports share a whole value (the same hotel, flight, suspect's name, link domain),
  not a word, and not the city alone (one city holds many unrelated reports).
- **A new key** (a supervisor's button on the search page, `new_search_key`): every
  report waits to be indexed again, in batches, and the old key's digests go.
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

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from encryption import holders, sealing

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
INDEX_BATCH = 50  # reports a member's request indexes: a few milliseconds each

_DOMAIN = re.compile(
    r"(?:https?://)?((?:[\w-]+\.)+[a-z\u00a1-\uffff]{2,})(?::\d+)?(?:[/?#]\S*)?", re.IGNORECASE
)


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


def words_of(content: dict) -> list[list]:
    """What a report is found by, to be sealed with it until it is indexed: [group, whole,
    text] for each term of its indexed answers."""
    return sorted([term.group, term.whole, term.text] for term in terms(content or {}))


def _context(holder_public: bytes, generation: int) -> bytes:
    return f"jedisstop search key {generation}|".encode() + holder_public


def make_search_key(generation: int = 1):
    """A new search key, wrapped to every member with a key and to the recovery key (public
    keys only: nobody needs to be signed in). Returns (SearchKey, its key)."""
    from reports.models import ReportKey, SearchKey, SearchKeyWrap
    from reports.models.keys import recovery_public_key, team_public_keys

    key = sealing.new_key()
    holders_of = [(ReportKey.Holder.MEMBER, user_id, public)
                  for user_id, public in team_public_keys()]  # fmt: skip
    if (recovery := recovery_public_key()) is not None:
        holders_of.append((ReportKey.Holder.RECOVERY, None, recovery))
    with transaction.atomic():
        search_key = SearchKey.objects.create(generation=generation)
        SearchKeyWrap.objects.bulk_create(
            SearchKeyWrap(search_key=search_key, holder=kind, user_id=user_id, public_key=public,
                          wrapped=sealing.wrap_to(public, key,
                                                  context=_context(public, generation)))
            for kind, user_id, public in holders_of
        )  # fmt: skip
    return search_key, key


def give_search_key(member_id: int, public: bytes) -> bool:
    """Wrap the current search key to a member granted access (reports.access), if the
    current holder opens it. Returns whether it was given."""
    from reports.models import ReportKey, SearchKeyWrap

    try:
        search_key, key = _current_key()
    except sealing.Locked:
        return False
    SearchKeyWrap.objects.filter(search_key=search_key, user_id=member_id).exclude(
        public_key=public
    ).delete()
    SearchKeyWrap.objects.get_or_create(
        search_key=search_key, public_key=public,
        defaults={"holder": ReportKey.Holder.MEMBER, "user_id": member_id,
                  "wrapped": sealing.wrap_to(public, key,
                                             context=_context(public, search_key.generation))},
    )  # fmt: skip
    return True


def current_search_key():
    """The search key in use (its row, nothing opened), or None before the first search."""
    from reports.models import SearchKey

    return SearchKey.objects.order_by("-generation").first()


def _current_key():
    """(SearchKey, key) for whoever is searching in this request, or sealing.Locked. The
    first search of a site makes the key."""
    from reports.models import SearchKey

    holder = holders.current()
    if holder is None or holder.kind == "reporter" or holder.public_key() is None:
        raise sealing.Locked
    if (current := holder.opened.get(("search", "current"))) is not None:
        return current  # opened once in this request
    search_key = current_search_key()
    if search_key is None:
        try:
            search_key, key = make_search_key()
        except IntegrityError:  # another request made it at this very moment
            search_key = SearchKey.objects.order_by("-generation").first()
        else:
            holder.opened[("search", search_key.generation)] = key
    cached = holder.opened.get(("search", search_key.generation))
    if cached is not None:
        holder.opened[("search", "current")] = (search_key, cached)
        return search_key, cached
    public = holder.public_key()
    wrap = search_key.wraps.filter(public_key=public).first()
    if wrap is None:
        raise sealing.Locked  # access pending: a supervisor's grant gives it
    key = sealing.unwrap_with(
        holder.private_key(), bytes(wrap.wrapped),
        context=_context(public, search_key.generation),
    )  # fmt: skip
    holder.opened[("search", search_key.generation)] = key
    holder.opened[("search", "current")] = (search_key, key)
    return search_key, key


def _index(report, key: bytes) -> int:
    from reports.models import SearchTerm

    words = report.search_words
    if not words and not report.keys.exists():
        words = words_of(report.content)  # a report kept from before sealing
    rows = {(group, whole, _digest(key, _scope(whole), text)) for group, whole, text in words}
    SearchTerm.objects.filter(report=report).delete()
    SearchTerm.objects.bulk_create(
        SearchTerm(report=report, group=group, whole=whole, digest=digest)
        for group, whole, digest in rows
    )
    type(report).objects.filter(pk=report.pk).update(search_indexed=True)
    return len(rows)


def index_waiting(limit: int = INDEX_BATCH) -> int:
    """Index up to `limit` reports waiting for it that the current holder reads (a member
    with their key unlocked, or the recovery key). Returns how many; 0 for someone who
    holds no key (nothing is indexed, nothing is said)."""
    from reports.models import Report, ReportKey

    try:
        _search_key, key = _current_key()
    except sealing.Locked:
        return 0
    holder = holders.current()
    if holder.kind == "member":
        mine = Q(keys__user_id=holder.member_id(), keys__scope=ReportKey.Scope.TEAM)
    else:
        mine = Q(keys__holder=ReportKey.Holder.RECOVERY, keys__scope=ReportKey.Scope.TEAM,
                 keys__public_key=holder.public_key())  # fmt: skip
    ids = list(
        Report.objects.filter(search_indexed=False).filter(mine | Q(keys__isnull=True))
        .order_by("pk").values_list("pk", flat=True).distinct()[:limit]
    )  # fmt: skip
    done = 0
    for report in Report.objects.filter(pk__in=ids):
        try:
            with transaction.atomic():
                _index(report, key)
        except sealing.Locked:
            logger.warning("A report waiting to be indexed did not open: left waiting")
            continue
        done += 1
    return done


def waiting_count() -> int:
    from reports.models import Report

    return Report.objects.filter(search_indexed=False).count()


def new_search_key() -> int:
    """A supervisor's new search key: every report waits to be indexed again and the old
    digests go at once. Returns the new generation."""
    from reports.models import Report, SearchKey, SearchTerm

    last = SearchKey.objects.order_by("-generation").first()
    generation = (last.generation if last else 0) + 1
    with transaction.atomic():
        search_key, key = make_search_key(generation)
        SearchKey.objects.exclude(pk=search_key.pk).delete()
        SearchTerm.objects.all().delete()
        Report.objects.update(search_indexed=False)
    holder = holders.current()
    if holder is not None:
        holder.opened[("search", generation)] = key
        holder.opened[("search", "current")] = (search_key, key)
    return generation


def _digests_of(scope: str, text: str) -> list[str]:
    _search_key, key = _current_key()
    return [_digest(key, scope, text)]


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

    index_waiting()
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

    index_waiting()
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
