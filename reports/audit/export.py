"""The audit log as CSV for a spreadsheet: semicolons and a byte-order mark (what Excel opens
as UTF-8 in French and Dutch settings), headers and words in the reader's language, local
time."""

from __future__ import annotations

import csv
from collections.abc import Iterator

from django.db.models import QuerySet
from django.utils import timezone, translation

from reports.audit.describe import describe
from reports.models import AuditEntry

BOM = "\ufeff"
# A cell a spreadsheet would run as a formula (a name typed at a failed sign-in is anyone's).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class _Line:
    def write(self, value: str) -> str:
        return value


def _cell(value) -> str:
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def audit_csv(entries: QuerySet[AuditEntry], *, language: str) -> Iterator[str]:
    """The lines of the file, one at a time (a long log is never held in memory). The
    language is given because the lines are written after the view has returned."""
    writer = csv.writer(_Line(), delimiter=";")
    with translation.override(language):
        field = AuditEntry._meta.get_field
        names = ["created_at", "user", "action", "report", "detail"]
        yield BOM + writer.writerow([_cell(field(name).verbose_name) for name in names])
        for entry in entries.iterator(chunk_size=1000):
            yield writer.writerow(
                [
                    timezone.localtime(entry.created_at).strftime("%Y-%m-%d %H:%M:%S"),
                    _cell(entry.username),
                    _cell(entry.get_action_display()),
                    _cell(entry.report_reference),
                    _cell(describe(entry)),
                ]
            )
