"""The figures ECPAT publishes: from live reports and from what purged reports left behind
(ReportStatistic). Charts are SVG drawn here: no script library, no external request."""

from __future__ import annotations

import csv
import io
import statistics
from collections import Counter
from datetime import date, datetime, time

from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django_countries import countries

from reports.models import Outcome, Report, ReportStatistic

MONTHS = 24


def _month_starts(today: date) -> list[date]:
    year, month = today.year, today.month
    starts = []
    for _month in range(MONTHS):
        starts.append(date(year, month, 1))
        month -= 1
        if month == 0:
            year, month = year - 1, 12
    return list(reversed(starts))


def compute() -> dict:
    starts = _month_starts(timezone.localdate())
    since = timezone.make_aware(datetime.combine(starts[0], time.min))
    per_month: Counter = Counter()
    locations: Counter = Counter()
    by_country: Counter = Counter()
    outcomes: Counter = Counter()
    claim_hours: list[float] = []
    forward_days: list[float] = []
    for model in (Report, ReportStatistic):
        rows = (
            model.objects.filter(received_at__gte=since)
            .annotate(month=TruncMonth("received_at"))
            .values("month")
            .annotate(n=Count("pk"))
        )
        for row in rows:
            per_month[row["month"].date() if hasattr(row["month"], "date") else row["month"]] += (
                row["n"]
            )
        for row in model.objects.values("location").annotate(n=Count("pk")):
            locations[row["location"]] += row["n"]
        for row in (
            model.objects.exclude(location="belgium").values("country").annotate(n=Count("pk"))
        ):
            by_country[str(row["country"])] += row["n"]
        for row in model.objects.exclude(outcome="").values("outcome").annotate(n=Count("pk")):
            outcomes[row["outcome"]] += row["n"]
        for received, claimed, forwarded in model.objects.values_list(
            "received_at", "claimed_at", "forwarded_at"
        ).iterator(chunk_size=5000):
            if claimed:
                claim_hours.append((claimed - received).total_seconds() / 3600)
            if forwarded:
                forward_days.append((forwarded - received).total_seconds() / 86400)
    outcome_labels = dict(Outcome.choices)
    return {
        "months": [(s.strftime("%Y-%m"), per_month.get(s, 0)) for s in starts],
        "belgium": locations.get("belgium", 0),
        "abroad": locations.get("abroad", 0),
        "unknown": locations.get("unknown", 0),
        "countries": [(countries.name(c) or c, n) for c, n in by_country.most_common(10) if c],
        "outcomes": [(str(outcome_labels.get(o, o)), n) for o, n in outcomes.most_common()],
        "median_claim_hours": round(statistics.median(claim_hours), 1) if claim_hours else None,
        "median_forward_days": round(statistics.median(forward_days), 1) if forward_days else None,
    }


def svg_bars(items: list[tuple[str, int]], *, title: str, horizontal: bool = False) -> SafeString:
    """A bar chart as inline SVG, with a text alternative for screen readers."""
    if not items:
        return format_html("<p>{}</p>", _("No data yet."))
    peak = max(n for _label, n in items) or 1
    summary = "; ".join(f"{label}: {n}" for label, n in items)
    if horizontal:
        row, width = 26, 640
        height = row * len(items) + 10
        bars = format_html_join(
            "",
            '<text x="0" y="{}" font-size="12">{}</text>'
            '<rect x="220" y="{}" width="{}" height="18" fill="#1b3a6b"></rect>'
            '<text x="{}" y="{}" font-size="12">{}</text>',
            (
                (i * row + 17, label, i * row + 4, max(1, int(360 * n / peak)),
                 226 + int(360 * n / peak), i * row + 17, n)
                for i, (label, n) in enumerate(items)
            ),
        )  # fmt: skip
    else:
        col, height = 26, 220
        width = col * len(items) + 10
        bars = format_html_join(
            "",
            '<rect x="{}" y="{}" width="20" height="{}" fill="#1b3a6b"><title>{}: {}</title></rect>'
            '<text x="{}" y="215" font-size="9" transform="rotate(-60 {} 215)">{}</text>',
            (
                (i * col + 5, 160 - int(150 * n / peak), max(1, int(150 * n / peak)), label, n,
                 i * col + 5, i * col + 5, label[2:])
                for i, (label, n) in enumerate(items)
            ),
        )  # fmt: skip
    return format_html(
        '<figure><figcaption>{}</figcaption><svg xmlns="http://www.w3.org/2000/svg" role="img" '
        'aria-label="{}" viewBox="0 0 {} {}" width="{}" height="{}">{}</svg></figure>',
        title, f"{title}: {summary}", width, height, width, height, bars,
    )  # fmt: skip


def to_csv(stats: dict) -> str:
    """Aggregates only: never a report's content."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["figure", "key", "value"])
    for month, n in stats["months"]:
        writer.writerow(["reports_per_month", month, n])
    writer.writerow(["location", "belgium", stats["belgium"]])
    writer.writerow(["location", "abroad", stats["abroad"]])
    writer.writerow(["location", "unknown", stats["unknown"]])
    for name, n in stats["countries"]:
        writer.writerow(["country", name, n])
    for name, n in stats["outcomes"]:
        writer.writerow(["outcome", name, n])
    writer.writerow(["median_time_to_claim_hours", "", stats["median_claim_hours"]])
    writer.writerow(["median_time_to_forward_days", "", stats["median_forward_days"]])
    return out.getvalue()
