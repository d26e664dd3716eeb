"""The daily maintenance, which must never stop for good.

Each job (purge closed reports, purge unsent uploads, cull expired cache rows, clear expired
sessions, remind staff of late reports) runs as its own task: one failing (an SMTP outage,
say) is logged, retried later, and stops none of the others. The next day's run is booked
before anything else is tried. Each job's last success is recorded, and supervisors see it
in the admin (a job late by more than a day is flagged).
"""
