"""The figures ECPAT publishes in its annual report, for a year or any period: from live
reports and from what purged reports left behind (ReportStatistic). Labels are in the
reader's language; the charts are SVG drawn here (no script library, no external request),
each with its table; the same figures as a CSV that Belgian Excel opens as it is
(semicolons, UTF-8 with a BOM) and as an XLSX sheet. Aggregates only: never a report's
content."""

from __future__ import annotations

import csv
import io
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Min
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django_countries import countries

from reports.models import (
    Authority,
    Outcome,
    Referral,
    ReferralOutcome,
    Report,
    ReportStatistic,
)


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(date(year, 1, 1), date(year, 12, 31))

    def bounds(self) -> tuple[datetime, datetime]:
        start = timezone.make_aware(datetime.combine(self.start, time.min))
        end = timezone.make_aware(datetime.combine(self.end + timedelta(days=1), time.min))
        return start, end

    def months(self) -> list[date]:
        months, day = [], date(self.start.year, self.start.month, 1)
        while day <= self.end:
            months.append(day)
            day = date(day.year + (day.month == 12), day.month % 12 + 1, 1)
        return months

    def label(self) -> str:
        whole_year = (self.start.month, self.start.day, self.end.month, self.end.day)
        if whole_year == (1, 1, 12, 31) and self.start.year == self.end.year:
            return str(self.start.year)
        start = date_format(self.start, "SHORT_DATE_FORMAT")
        return f"{start} \u2013 {date_format(self.end, 'SHORT_DATE_FORMAT')}"


@dataclass
class Row:
    """One report, live or purged, as the statistics see it: codes and dates only."""

    received_at: datetime
    channel: str
    location: str
    country: str
    place_kind: str
    outcome: str
    claimed_at: datetime | None
    assessed_at: datetime | None
    first_referral_at: datetime | None
    referrals: list[tuple[str, str]]  # (authority, outcome)


def _rows(period: Period) -> list[Row]:
    start, end = period.bounds()
    rows = []
    live = Report.objects.filter(received_at__gte=start, received_at__lt=end)
    by_report: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for report_id, authority, outcome in Referral.objects.filter(report__in=live).values_list(
        "report_id", "authority", "outcome"
    ):
        by_report[report_id].append((authority, outcome))
    first = dict(
        live.annotate(first=Min("referrals__sent_at")).values_list("pk", "first").iterator()
    )
    for values in live.values(
        "pk", "received_at", "channel", "location", "country", "place_kind", "outcome",
        "claimed_at", "assessed_at",
    ).iterator(chunk_size=2000):  # fmt: skip
        pk = values.pop("pk")
        rows.append(Row(**values, first_referral_at=first.get(pk), referrals=by_report[pk]))
    for stat in ReportStatistic.objects.filter(received_at__gte=start, received_at__lt=end):
        referrals = [(r.get("authority", ""), r.get("outcome", "")) for r in stat.referrals]
        sent = sorted(r["sent_at"] for r in stat.referrals if r.get("sent_at"))
        first_sent = datetime.fromisoformat(sent[0]) if sent else stat.forwarded_at
        rows.append(
            Row(
                received_at=stat.received_at, channel=stat.channel, location=stat.location,
                country=stat.country, place_kind=stat.place_kind, outcome=stat.outcome,
                claimed_at=stat.claimed_at, assessed_at=stat.assessed_at,
                first_referral_at=first_sent,
                referrals=referrals or ([("", "")] if stat.forwarded_at else []),
            )
        )  # fmt: skip
    return rows


def _times(values: list[float]) -> tuple[float | None, float | None]:
    """Median and 90th percentile, or (None, None) without data."""
    if not values:
        return None, None
    if len(values) == 1:
        return round(values[0], 1), round(values[0], 1)
    ninetieth = statistics.quantiles(values, n=10, method="inclusive")[-1]
    return round(statistics.median(values), 1), round(ninetieth, 1)


def _labelled(counter: Counter, labels: dict) -> list[tuple[str, int]]:
    return [(str(labels.get(key, key or "—")), n) for key, n in counter.most_common()]


def compute(period: Period) -> dict:
    rows = _rows(period)
    per_month = Counter(
        date(timezone.localtime(r.received_at).year, timezone.localtime(r.received_at).month, 1)
        for r in rows
    )
    authorities: dict[str, Counter] = defaultdict(Counter)
    for row in rows:
        for authority, outcome in row.referrals:
            authorities[authority][outcome] += 1
    hours = lambda a, b: (b - a).total_seconds() / 3600  # noqa: E731
    claim = _times([hours(r.received_at, r.claimed_at) for r in rows if r.claimed_at])
    assess = _times([hours(r.received_at, r.assessed_at) for r in rows if r.assessed_at])
    refer = _times(
        [hours(r.received_at, r.first_referral_at) / 24 for r in rows if r.first_referral_at]
    )
    abroad = Counter(r.country for r in rows if r.location == Report.Location.ABROAD)
    referral_labels = dict(ReferralOutcome.choices)
    return {
        "period": period,
        "total": len(rows),
        "months": [
            (date_format(m, "YEAR_MONTH_FORMAT"), per_month.get(m, 0)) for m in period.months()
        ],
        "channels": _labelled(Counter(r.channel for r in rows), dict(Report.Channel.choices)),
        "locations": _labelled(Counter(r.location for r in rows), dict(Report.Location.choices)),
        "countries": sorted(
            ((str(countries.name(c) or c or _("Not given")), n) for c, n in abroad.items()),
            key=lambda item: (-item[1], item[0]),
        ),
        "place_kinds": _labelled(
            Counter(r.place_kind for r in rows),
            {"": _("Not given"), **dict(Report.PlaceKind.choices)},
        ),
        "outcomes": _labelled(Counter(r.outcome for r in rows if r.outcome), dict(Outcome.choices)),
        "open": sum(1 for r in rows if not r.outcome),
        "referrals": [
            (
                str(dict(Authority.choices).get(authority, authority or _("Not recorded"))),
                sum(outcomes.values()),
                [
                    (str(referral_labels.get(o, _("Waiting"))) if o else str(_("Waiting")), n)
                    for o, n in outcomes.most_common()
                ],
            )
            for authority, outcomes in sorted(authorities.items())
        ],
        "times": [
            (_("Time to claim (hours)"), *claim),
            (_("Time to first assessment (hours)"), *assess),
            (_("Time to referral (days)"), *refer),
        ],
    }


# --- Charts ---------------------------------------------------------------------------------


def svg_bars(items: list[tuple[str, int]], *, title: str, horizontal: bool = False) -> SafeString:
    """A bar chart as inline SVG (decorative: the table beside it carries the figures)."""
    if not items or not any(n for _label, n in items):
        return format_html("<p>{}</p>", _("No data for this period."))
    peak = max(n for _label, n in items) or 1
    if horizontal:
        row, width = 26, 640
        height = row * len(items) + 10
        bars = format_html_join(
            "",
            '<text x="0" y="{}" font-size="12">{}</text>'
            '<rect x="220" y="{}" width="{}" height="18" fill="#1b3a6b"></rect>'
            '<text x="{}" y="{}" font-size="12">{}</text>',
            (
                (i * row + 17, label[:32], i * row + 4, max(1, int(360 * n / peak)),
                 226 + int(360 * n / peak), i * row + 17, n)
                for i, (label, n) in enumerate(items)
            ),
        )  # fmt: skip
    else:
        col, height = 44, 240
        width = col * len(items) + 10
        bars = format_html_join(
            "",
            '<rect x="{}" y="{}" width="30" height="{}" fill="#1b3a6b"></rect>'
            '<text x="{}" y="{}" font-size="11" text-anchor="middle">{}</text>'
            '<text x="{}" y="235" font-size="10" transform="rotate(-45 {} 235)" '
            'text-anchor="end">{}</text>',
            (
                (i * col + 8, 170 - int(150 * n / peak), max(1, int(150 * n / peak)),
                 i * col + 23, 165 - int(150 * n / peak), n,
                 i * col + 23, i * col + 23, label)
                for i, (label, n) in enumerate(items)
            ),
        )  # fmt: skip
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" aria-hidden="true" focusable="false" '
        'viewBox="0 0 {} {}" width="{}" height="{}" class="chart">{}</svg>',
        width, height, width, height, bars,
    )  # fmt: skip


# --- Exports --------------------------------------------------------------------------------


def table(stats: dict) -> list[tuple[str, str, object]]:
    """Every figure as (section, label, value), in the reader's language."""
    rows: list[tuple[str, str, object]] = [
        (_("Period"), stats["period"].label(), ""),
        (_("Reports received"), "", stats["total"]),
    ]
    rows += [(_("Received by month"), label, n) for label, n in stats["months"]]
    rows += [(_("Channel"), label, n) for label, n in stats["channels"]]
    rows += [(_("Belgium or abroad"), label, n) for label, n in stats["locations"]]
    rows += [(_("Country (abroad)"), label, n) for label, n in stats["countries"]]
    rows += [(_("Kind of place"), label, n) for label, n in stats["place_kinds"]]
    rows += [(_("Outcome"), label, n) for label, n in stats["outcomes"]]
    rows.append((_("Outcome"), _("Still open"), stats["open"]))
    for authority, sent, outcomes in stats["referrals"]:
        rows.append((_("Referrals"), authority, sent))
        rows += [(_("Referrals"), f"{authority} — {label}", n) for label, n in outcomes]
    for label, median, ninetieth in stats["times"]:
        rows.append((label, _("median"), median if median is not None else ""))
        rows.append((label, _("90th percentile"), ninetieth if ninetieth is not None else ""))
    return rows


def to_csv(stats: dict) -> bytes:
    """Semicolons, UTF-8 with a BOM, decimals as the reader writes them: Belgian Excel opens
    it in columns, accents intact."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow([_("Figure"), _("Detail"), _("Value")])
    for section, label, value in table(stats):
        if isinstance(value, float):
            value = number_format(value, decimal_pos=1)
        writer.writerow([section, label, value])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def to_xlsx(stats: dict) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = _("Statistics")[:31]
    sheet.append([_("Figure"), _("Detail"), _("Value")])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for section, label, value in table(stats):
        sheet.append([str(section), str(label), value])
    sheet.column_dimensions["A"].width = 34
    sheet.column_dimensions["B"].width = 44
    sheet.column_dimensions["C"].width = 12
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
