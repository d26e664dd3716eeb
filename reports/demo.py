"""Demo reports for the local run: a few realistic, invented situations in several states."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from reports.models import Message, Report

DEMO = [
    # reference, status, priority, location, country, place, hours ago, content
    ("JDS-DEMO-0001", "new", 2, "abroad", "TH", "accommodation", 3,
     {"description": "Demo: a man in his sixties took a girl of about ten to his room at the hotel "
      "on two evenings.", "city": "Pattaya", "travel_hotel": "Demo hotel"}),
    ("JDS-DEMO-0002", "new", 3, "belgium", "BE", "online", 30,
     {"description": "Demo: an online ad offers 'young company' for travellers in Brussels."}),
    ("JDS-DEMO-0003", "assessing", 3, "abroad", "PH", "bar", 50,
     {"description": "Demo: a bar owner offered a teenage girl to tourists.", "city": "Angeles"}),
    ("JDS-DEMO-0004", "waiting", 3, "abroad", "KE", "street", 120,
     {"description": "Demo: a traveller saw a European man with a young boy on the beach, "
      "every day.", "city": "Mombasa"}),
    ("JDS-DEMO-0005", "forwarded", 2, "abroad", "KH", "accommodation", 400,
     {"description": "Demo: guesthouse where children bring tourists to rooms.",
      "city": "Siem Reap"}),
    ("JDS-DEMO-0006", "closed", 4, "belgium", "BE", "other", 900,
     {"description": "Demo: duplicate of an earlier report."}),
]  # fmt: skip


def load(stdout) -> None:
    created = 0
    for reference, status, priority, location, country, place, hours, content in DEMO:
        if Report.objects.filter(reference=reference).exists():
            continue
        report = Report(
            reference=reference,
            status=status,
            priority=priority,
            location=location,
            country=country,
            place_kind=place,
            received_at=timezone.now() - timedelta(hours=hours),
        )
        report.content = content
        # Demo codes are not shown anywhere: nobody follows these reports up.
        report.set_follow_up_code(f"DEMO-{reference}")
        report.save()
        if status == "waiting":
            question = Message(report=report, author=Message.Author.STAFF)
            question.body = "Demo: can you describe the man (age, language, clothes)?"
            question.save()
        created += 1
    stdout.write(f"Demo reports: {created} created, {len(DEMO) - created} already there.")
