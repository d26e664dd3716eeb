"""The database triggers that keep the queue fast on 100,000 reports, on PostgreSQL and on
SQLite, in the same transaction as each change to a report:

- `QueueTally`: how many reports share each combination of what the queue's filters count
  (status, priority, place, country, holder, "the reporter wrote last"), so that every
  filter's counts are one read of a few hundred rows. It is a ledger: each change adds rows
  (+1 for the report's new combination, -1 for its old one) and never updates a shared row,
  so no two steps wait for each other on it, whatever their order (a counter updated in place
  made two officers' steps deadlock); `compact` sums it again every 15 minutes;
- `Report.need`: what the report needs, as the queue orders it (clocks.Need; the same rule
  as clocks.need_expression, to which tests/test_queue_tally.py holds it), so that the
  queue's first page is read from an index. Time passing changes no row: clocks.catch_up
  marks late the reports whose clock ran out, before the queue is read.

PostgreSQL sums each statement's changes into a few rows (statement triggers with
transition tables); SQLite adds a row per change (row triggers). SQLite
drops a table's triggers when a migration rebuilds the table: `install` runs again after
every `migrate` (apps.ReportsConfig), and replaces them.

Constant SQL only: nothing here is built from input.
"""

from __future__ import annotations

DIMENSIONS = "status, priority, location, country, holder, answered"
NEED_DEPENDS_ON = "status, priority, due_at, last_reporter_activity_at, last_activity_at"
TALLY_DEPENDS_ON = (
    "status, priority, location, country, assigned_to_id, last_reporter_activity_at, "
    "last_activity_at"
)


def _tally_key(row: str = "") -> str:
    """The tally's key of one report row (NEW, OLD, or a transition table's row)."""
    p = f"{row}." if row else ""
    return (
        f"{p}status, {p}priority, {p}location, {p}country, coalesce({p}assigned_to_id, 0), "
        f"CASE WHEN {p}last_reporter_activity_at IS NOT NULL "
        f"AND {p}last_reporter_activity_at >= {p}last_activity_at THEN TRUE ELSE FALSE END"
    )


def _need(row: str, now: str) -> str:
    return f"""CASE
        WHEN {row}.status = 'closed' THEN 6
        WHEN {row}.priority = 1 AND {row}.status IN ('new', 'assessing') THEN 0
        WHEN {row}.due_at < {now} THEN 1
        WHEN {row}.last_reporter_activity_at IS NOT NULL
            AND {row}.last_reporter_activity_at >= {row}.last_activity_at THEN 2
        WHEN {row}.status = 'new' THEN 3
        WHEN {row}.status = 'assessing' THEN 4
        ELSE 5
    END"""


def _pg_apply(select: str) -> str:
    return f"INSERT INTO reports_queuetally ({DIMENSIONS}, n) {select};"


_GROUPED = "GROUP BY 1, 2, 3, 4, 5, 6"
_INSERTED = _pg_apply(f"SELECT {_tally_key()}, count(*) FROM new_rows {_GROUPED}")
_DELETED = _pg_apply(f"SELECT {_tally_key()}, -count(*) FROM old_rows {_GROUPED}")
_UPDATED = _pg_apply(
    f"SELECT {DIMENSIONS}, sum(delta) FROM ("
    f"SELECT {_tally_key()}, 1 FROM new_rows UNION ALL "
    f"SELECT {_tally_key()}, -1 FROM old_rows"
    f") AS changed ({DIMENSIONS}, delta) {_GROUPED} HAVING sum(delta) <> 0"
)

POSTGRESQL = [
    f"""CREATE OR REPLACE FUNCTION reports_queue_tally() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        {_INSERTED}
    ELSIF TG_OP = 'DELETE' THEN
        {_DELETED}
    ELSE
        {_UPDATED}
    END IF;
    RETURN NULL;
END
$$""",
    "DROP TRIGGER IF EXISTS reports_queue_tally_insert ON reports_report",
    """CREATE TRIGGER reports_queue_tally_insert AFTER INSERT ON reports_report
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION reports_queue_tally()""",
    "DROP TRIGGER IF EXISTS reports_queue_tally_update ON reports_report",
    # No column list: PostgreSQL allows none with transition tables; an update that
    # changes nothing counted adds nothing (HAVING).
    """CREATE TRIGGER reports_queue_tally_update AFTER UPDATE ON reports_report
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION reports_queue_tally()""",
    "DROP TRIGGER IF EXISTS reports_queue_tally_delete ON reports_report",
    """CREATE TRIGGER reports_queue_tally_delete AFTER DELETE ON reports_report
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION reports_queue_tally()""",
    f"""CREATE OR REPLACE FUNCTION reports_need() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.need := {_need("NEW", "now()")};
    RETURN NEW;
END
$$""",
    "DROP TRIGGER IF EXISTS reports_need ON reports_report",
    f"""CREATE TRIGGER reports_need BEFORE INSERT OR UPDATE OF {NEED_DEPENDS_ON}
    ON reports_report FOR EACH ROW EXECUTE FUNCTION reports_need()""",
]

POSTGRESQL_DROP = [
    "DROP TRIGGER IF EXISTS reports_queue_tally_insert ON reports_report",
    "DROP TRIGGER IF EXISTS reports_queue_tally_update ON reports_report",
    "DROP TRIGGER IF EXISTS reports_queue_tally_delete ON reports_report",
    "DROP TRIGGER IF EXISTS reports_need ON reports_report",
    "DROP FUNCTION IF EXISTS reports_queue_tally()",
    "DROP FUNCTION IF EXISTS reports_need()",
]

# SQLite stores a moment as "YYYY-MM-DD HH:MM:SS.ffffff" in UTC, as this gives it.
SQLITE_NOW = "strftime('%Y-%m-%d %H:%M:%f', 'now')"


def _sqlite_add(row: str, sign: str) -> str:
    return f"INSERT INTO reports_queuetally ({DIMENSIONS}, n) VALUES ({_tally_key(row)}, {sign}1);"


def _sqlite_need(row: str) -> str:
    return f"UPDATE reports_report SET need = {_need(row, SQLITE_NOW)} WHERE id = {row}.id;"


SQLITE_TRIGGERS = {
    "reports_queue_tally_insert": f"""AFTER INSERT ON reports_report
        BEGIN {_sqlite_add("NEW", "+")} END""",
    "reports_queue_tally_update": f"""AFTER UPDATE OF {TALLY_DEPENDS_ON} ON reports_report
        BEGIN {_sqlite_add("OLD", "-")} {_sqlite_add("NEW", "+")} END""",
    "reports_queue_tally_delete": f"""AFTER DELETE ON reports_report
        BEGIN {_sqlite_add("OLD", "-")} END""",
    # The inner UPDATE sets `need` alone: it fires none of these again.
    "reports_need_insert": f"""AFTER INSERT ON reports_report BEGIN {_sqlite_need("NEW")} END""",
    "reports_need_update": f"""AFTER UPDATE OF {NEED_DEPENDS_ON} ON reports_report
        BEGIN {_sqlite_need("NEW")} END""",
}


def _statements(vendor: str) -> list[str]:
    if vendor == "postgresql":
        return POSTGRESQL
    if vendor == "sqlite":
        statements = []
        for name, body in SQLITE_TRIGGERS.items():
            statements += [f"DROP TRIGGER IF EXISTS {name}", f"CREATE TRIGGER {name} {body}"]
        return statements
    raise NotImplementedError(
        f"the queue's triggers are written for PostgreSQL and SQLite, not {vendor}"
    )


def install(connection) -> None:
    """Create, or replace, every trigger (idempotent)."""
    with connection.cursor() as cursor:
        for statement in _statements(connection.vendor):
            cursor.execute(statement)


def uninstall(connection) -> None:
    statements = (
        POSTGRESQL_DROP if connection.vendor == "postgresql"
        else [f"DROP TRIGGER IF EXISTS {name}" for name in SQLITE_TRIGGERS]
    )  # fmt: skip
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def recount(connection) -> None:
    """The tally and every report's need, counted again from the reports."""
    now = "now()" if connection.vendor == "postgresql" else SQLITE_NOW
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM reports_queuetally")
        cursor.execute(
            f"INSERT INTO reports_queuetally ({DIMENSIONS}, n) "
            f"SELECT {_tally_key()}, count(*) FROM reports_report GROUP BY 1, 2, 3, 4, 5, 6"
        )
        cursor.execute(f"UPDATE reports_report SET need = {_need('reports_report', now)}")


def compact(connection) -> None:
    """The ledger summed again: one row a combination. What another transaction adds
    meanwhile is kept as it is (PostgreSQL: one statement moves what it sees; SQLite: one
    writer at a time, and the first statement takes the write lock)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                f"WITH moved AS (DELETE FROM reports_queuetally RETURNING {DIMENSIONS}, n) "
                f"INSERT INTO reports_queuetally ({DIMENSIONS}, n) "
                f"SELECT {DIMENSIONS}, sum(n) FROM moved {_GROUPED} HAVING sum(n) <> 0"
            )
            return
        cursor.execute("SELECT max(id) FROM reports_queuetally")
        (last,) = cursor.fetchone()
        if last is None:
            return
        cursor.execute(
            f"INSERT INTO reports_queuetally ({DIMENSIONS}, n) "
            f"SELECT {DIMENSIONS}, sum(n) FROM reports_queuetally WHERE id <= %s "
            f"{_GROUPED} HAVING sum(n) <> 0",
            [last],
        )
        cursor.execute("DELETE FROM reports_queuetally WHERE id <= %s", [last])


def compact_tally() -> int:
    """The maintenance job: the tally summed up; how many rows it had before."""
    from django.db import connection, transaction

    with transaction.atomic():
        before = _rows(connection)
        compact(connection)
    return before


def _rows(connection) -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM reports_queuetally")
        return cursor.fetchone()[0]


def after_migrate(sender, using="default", apps=None, **kwargs) -> None:
    """post_migrate: the triggers again, where the schema they need is there (a migration
    may have rebuilt the reports table, or gone back before it). `flush` sends it with no
    migration state: the models as they are then."""
    from django.apps import apps as installed
    from django.db import connections

    apps = apps or installed

    connection = connections[using]
    if "reports_report" not in connection.introspection.table_names():
        return
    try:
        report = apps.get_model("reports", "Report")
        apps.get_model("reports", "QueueTally")
    except LookupError:
        report = None
    if report is None or "need" not in {f.name for f in report._meta.get_fields()}:
        uninstall(connection)
        return
    install(connection)
