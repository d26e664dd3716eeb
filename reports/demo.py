"""Demo reports for the local run: realistic, invented situations in every state, held by the
demo officer and supervisor; two reports about the same hotel and two that give the same
website (related through the blind index), a report kept by a legal hold, an urgent one, the
on-call rota, and a full year of closed reports with their referrals (and a few purged ones,
which only left their statistic) for the statistics page."""

from __future__ import annotations

import random
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from reports import search
from reports.models import (
    LegalHold,
    Message,
    OnCallShift,
    Referral,
    Report,
    ReportStatistic,
)
from reports.triage import clocks

DEMO = [
    # reference, status, priority, location, country, place, hours ago, holder, content
    ("JDS-DEMO-0001", "new", 2, "abroad", "TH", "accommodation", 3, None,
     {"description": "Demo: a man in his sixties took a girl of about ten to his room at the hotel "
      "on two evenings.", "city": "Pattaya", "travel_hotel": "Sunrise Beach Resort",
      "travel_flight": "TG 935"}),
    ("JDS-DEMO-0002", "new", 3, "belgium", "BE", "online", 30, None,
     {"description": "Demo: an online ad offers 'young company' for travellers in Brussels.",
      "links": "https://www.demo-escort-example.com/brussels"}),
    ("JDS-DEMO-0003", "assessing", 3, "abroad", "PH", "bar", 50, "officer",
     {"description": "Demo: a bar owner offered a teenage girl to tourists.", "city": "Angeles",
      "place_name": "Demo Bar 77"}),
    ("JDS-DEMO-0004", "waiting", 3, "abroad", "KE", "street", 120, "officer",
     {"description": "Demo: a traveller saw a European man with a young boy on the beach, "
      "every day.", "city": "Mombasa"}),
    ("JDS-DEMO-0005", "forwarded", 2, "abroad", "KH", "accommodation", 400, "supervisor",
     {"description": "Demo: guesthouse where children bring tourists to rooms.",
      "city": "Siem Reap", "place_name": "Demo Guesthouse Angkor"}),
    ("JDS-DEMO-0006", "closed", 4, "belgium", "BE", "other", 900, "officer",
     {"description": "Demo: duplicate of an earlier report."}),
    # Related to 0001 (the same hotel, written otherwise) and to 0002 (the same website).
    ("JDS-DEMO-0007", "assessing", 3, "abroad", "TH", "accommodation", 70, "officer",
     {"description": "Demo: staff of the resort bring young girls to guests' rooms at night.",
      "city": "Pattaya", "travel_hotel": "SUNRISE beach  resort"}),
    ("JDS-DEMO-0008", "new", 3, "abroad", "NL", "online", 8, None,
     {"description": "Demo: the same ad, seen from Amsterdam.",
      "links": "demo-escort-example.com/amsterdam"}),
    # A child in danger now: urgent, with its one-hour clock.
    ("JDS-DEMO-0009", "new", 1, "abroad", "VN", "accommodation", 0, None,
     {"description": "Demo: a child is in a tourist's room right now.", "ongoing": "yes",
      "city": "Nha Trang"}),
    # Closed long ago but kept by a legal hold for an investigation in progress.
    ("JDS-DEMO-0010", "closed", 2, "abroad", "TH", "accommodation", 24 * 400, "supervisor",
     {"description": "Demo: report kept for a police investigation.", "city": "Phuket"}),
]  # fmt: skip

# A year of closed reports for the statistics page: (country or "" for Belgium, place, channel,
# outcome, authority of the referral or "").
YEAR_MIX = [
    ("TH", "accommodation", "web", "forwarded", "federal_police"),
    ("PH", "bar", "web", "forwarded", "foreign"),
    ("", "online", "web", "out_of_scope", ""),
    ("KE", "street", "phone", "not_enough", ""),
    ("KH", "accommodation", "web", "forwarded", "federal_police"),
    ("", "accommodation", "email", "forwarded", "child_focus"),
    ("VN", "transport", "web", "duplicate", ""),
    ("DO", "street", "web", "not_enough", ""),
    ("", "other", "web", "spam", ""),
    ("TH", "bar", "in_person", "forwarded", "federal_police"),
]


def _users() -> dict:
    users = get_user_model().objects.filter(username__in=["officer", "supervisor"])
    return {user.username: user for user in users}


def load(stdout) -> None:
    created = 0
    users = _users()
    now = timezone.now()
    for reference, status, priority, location, country, place, hours, holder, content in DEMO:
        if Report.objects.filter(reference=reference).exists():
            continue
        report = Report(
            reference=reference, status=status, priority=priority, location=location,
            country=country, place_kind=place, received_at=now - timedelta(hours=hours),
            assigned_to=users.get(holder) if holder else None,
        )  # fmt: skip
        if report.assigned_to:
            report.claimed_at = report.received_at + timedelta(hours=2)
        if status == "closed":
            report.closed_at = report.received_at + timedelta(days=6)
            report.outcome = "duplicate" if reference.endswith("6") else "forwarded"
        report.last_activity_at = report.claimed_at or report.received_at
        report.content = content
        report.search_words = search.words_of(content)  # indexed at the team's first visit
        # Demo codes are not shown anywhere: nobody follows these reports up.
        report.set_follow_up_code(f"DEMO-{reference}")
        report.save()
        if status == "waiting":
            question = Message(report=report, author=Message.Author.STAFF)
            question.body = "Demo: can you describe the man (age, language, clothes)?"
            question.save()
        if status in ("forwarded", "closed") and report.outcome != "duplicate":
            Referral.objects.create(
                report=report, authority="federal_police", sent_at=report.received_at
                + timedelta(days=2), sent_by=report.assigned_to,
                outcome="" if status == "forwarded" else "investigation",
            )  # fmt: skip
            Report.objects.filter(pk=report.pk).update(
                forwarded_at=report.received_at + timedelta(days=2)
            )
        if reference == "JDS-DEMO-0010":
            hold = LegalHold(report=report, placed_by=users.get("supervisor"),
                             until=timezone.localdate() + timedelta(days=120))  # fmt: skip
            hold.reason = "Demo: Federal Police investigation in progress (file demo/2026/17)."
            hold.save()
        clocks.refresh(report)
        created += 1
    created += _a_year_of_closed_reports(users)
    _on_call(users)
    stdout.write(f"Demo reports: {created} created.")


def _a_year_of_closed_reports(users: dict) -> int:
    """About 60 closed reports spread over the last twelve months, and 12 older purged ones
    (their statistic only). Fixed random seed: the same demo every time."""
    if Report.objects.filter(reference__startswith="JDS-YEAR-").exists():
        return 0
    rng = random.Random(2026)  # noqa: S311 - demo data, not a secret
    now = timezone.now()
    officer = users.get("officer")
    count = 0
    for i in range(60):
        country, place, channel, outcome, authority = YEAR_MIX[i % len(YEAR_MIX)]
        received = now - timedelta(days=rng.randint(20, 360), hours=rng.randint(0, 23))
        claimed = received + timedelta(hours=rng.choice([1, 2, 3, 5, 8, 20, 30]))
        assessed = claimed + timedelta(hours=rng.choice([2, 6, 12, 24, 40]))
        closed = assessed + timedelta(days=rng.randint(1, 15))
        report = Report(
            reference=f"JDS-YEAR-{i:04d}", status="closed", priority=3,
            location="abroad" if country else "belgium", country=country or "BE",
            place_kind=place, channel=channel, received_at=received, claimed_at=claimed,
            assessed_at=assessed, closed_at=closed, outcome=outcome, assigned_to=officer,
            last_activity_at=closed,
        )  # fmt: skip
        report.content = {"description": f"Demo: closed report {i} of the past year."}
        report.set_follow_up_code(f"DEMO-YEAR-{i}")
        report.save()
        if authority:
            sent = assessed + timedelta(days=rng.randint(0, 4))
            Referral.objects.create(
                report=report, authority=authority, sent_at=sent, sent_by=officer,
                outcome=rng.choice(["investigation", "no_action", "referred_on", ""]),
                authority_name="Demo authority" if authority == "foreign" else "",
            )  # fmt: skip
            Report.objects.filter(pk=report.pk).update(forwarded_at=sent)
        count += 1
    for i in range(12):
        country, place, channel, outcome, authority = YEAR_MIX[i % len(YEAR_MIX)]
        received = now - timedelta(days=400 + 20 * i)
        ReportStatistic.objects.create(
            received_at=received, claimed_at=received + timedelta(hours=4),
            assessed_at=received + timedelta(hours=20), closed_at=received + timedelta(days=9),
            forwarded_at=received + timedelta(days=3) if authority else None,
            location="abroad" if country else "belgium", country=country, channel=channel,
            outcome=outcome, place_kind=place,
            referrals=[{"authority": authority, "outcome": "investigation",
                        "sent_at": (received + timedelta(days=3)).isoformat()}]
            if authority else [],
        )  # fmt: skip
    return count


def _on_call(users: dict) -> None:
    """This week's rota: the supervisor nights and weekend, the officer office hours."""
    if OnCallShift.objects.exists() or not users:
        return
    today = timezone.localdate()
    start = timezone.make_aware(timezone.datetime.combine(today, timezone.datetime.min.time()))
    for day in range(7):
        morning = start + timedelta(days=day, hours=8)
        if "officer" in users:
            OnCallShift.objects.create(
                person=users["officer"], starts_at=morning, ends_at=morning + timedelta(hours=10)
            )
        if "supervisor" in users:
            OnCallShift.objects.create(
                person=users["supervisor"], starts_at=morning + timedelta(hours=10),
                ends_at=morning + timedelta(hours=24),
            )  # fmt: skip
