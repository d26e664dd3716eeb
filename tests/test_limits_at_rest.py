"""What a copy of the database says about a visitor's address: nothing it can be turned back
into. The key that hashes an address lives only in the environment (`LIMITS_KEY`), changes
every day and differs for every limit; windows and session expiries are rounded, so their
ends cannot be matched to one report; a counter is gone as soon as its window ends."""

import datetime
import hashlib
import hmac

import pytest
import time_machine
from django.db import connection
from django.test import RequestFactory

from limits import throttle
from limits.models import Counter
from reports.intake.services import submit_report
from sessionstore.models import HashedSession

pytestmark = pytest.mark.django_db

ADDRESS = "198.51.100.7"


def request(remote=ADDRESS):
    return RequestFactory().post("/", REMOTE_ADDR=remote)


def every_text_in_the_database() -> set[str]:
    """Every text value of every table, as someone holding a copy would read them."""
    values: set[str] = set()
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            for row in cursor.fetchall():
                values.update(v for v in row if isinstance(v, str) and v)
    return values


def test_it_keeps_no_key_in_the_database_that_turns_the_address_into_the_counter():
    """The audit recovered the address from a salt stored beside the counters."""
    throttle.take("submit", request(), 10, 3600)
    digest = Counter.objects.get().key.split(":", 1)[1]
    for candidate in every_text_in_the_database():
        mac = hmac.new(candidate.encode(), ADDRESS.encode(), hashlib.sha256).hexdigest()
        assert mac[: len(digest)] != digest


def test_it_has_no_salt_table_any_more():
    assert not any("salt" in table for table in connection.introspection.table_names())


def test_each_limit_hashes_the_same_visitor_differently():
    """One hash linked a visitor's submit, follow-up and contact counters."""
    for scope in ("submit", "follow-up", "contact", "photos"):
        throttle.take(scope, request(), 10, 3600)
    digests = {key.split(":", 1)[1] for key in Counter.objects.values_list("key", flat=True)}
    assert len(digests) == 4


def test_the_key_comes_from_the_setting_and_changes_every_day(settings):
    with time_machine.travel("2026-12-01 10:00Z", tick=False) as traveller:
        today = throttle.counter_key("submit", request())
        assert throttle.counter_key("submit", request()) == today  # the same all day
        traveller.move_to("2026-12-02 10:00Z")
        assert throttle.counter_key("submit", request()) != today  # another day, same setting
        traveller.move_to("2026-12-01 10:00Z")
        settings.LIMITS_KEY = "another-" + "k" * 40
        assert throttle.counter_key("submit", request()) != today  # same day, another setting


@pytest.mark.parametrize("window", [60, 900, 3600])
def test_a_window_ends_on_a_round_time_at_least_one_window_away(window):
    """The counter's end was the report's arrival plus one hour, to the millisecond."""
    with time_machine.travel(1_800_000_123.456, tick=False):
        attempt = throttle.take("submit", request(), 10, window)
    assert attempt.expires_at % window == 0
    assert 1_800_000_123.456 + window <= attempt.expires_at < 1_800_000_123.456 + 2 * window


def test_the_end_of_a_window_says_nothing_of_when_a_report_arrived(client, settings):
    settings.REPORT_MIN_FILL_SECONDS = 0
    ends = set()
    for arrival in ("2026-12-01 10:01:07.250Z", "2026-12-01 10:48:59.875Z"):
        with time_machine.travel(arrival, tick=False):
            Counter.objects.all().delete()
            throttle.take("submit", request(), 10, 3600)
            ends.add(Counter.objects.get().expires_at)
    assert len(ends) == 1


def test_an_expired_counter_is_deleted_at_the_next_read_without_a_daily_job():
    with time_machine.travel(1_800_000_000, tick=False) as traveller:
        throttle.take("follow-up", request("198.51.100.1"), 5, 900)
        traveller.shift(1800)
        throttle.take("submit", request("198.51.100.2"), 5, 3600)
        assert [key.split(":")[0] for key in Counter.objects.values_list("key", flat=True)] == [
            "submit"
        ]
        traveller.shift(7200)
        assert throttle.wait_seconds("contact", request("198.51.100.3"), 5) == 0
        assert not Counter.objects.exists()


def test_a_window_opened_before_midnight_still_counts_after_it():
    with time_machine.travel("2026-12-01 23:50Z", tick=False) as traveller:
        for _ in range(3):
            assert throttle.take("submit", request(), 3, 3600)
        traveller.move_to("2026-12-02 00:30Z")  # a new day's key, the same window
        assert not throttle.take("submit", request(), 3, 3600)
        assert throttle.wait_seconds("submit", request(), 3) > 0
        traveller.move_to("2026-12-02 01:00:01Z")
        assert throttle.take("submit", request(), 3, 3600)  # the window has ended


@pytest.fixture
def receipt():
    return submit_report(
        location="belgium", country="BE", place_kind="", content={}, upload_token="none"
    )


def test_the_follow_up_session_row_says_neither_when_nor_which_report(client, receipt):
    """The session's `until` and its row's expiry matched the counter to the millisecond."""
    from sessionstore.backend import SessionStore

    with time_machine.travel("2026-12-01 10:07:31.337Z", tick=False):
        client.post("/fr/suivi/", {"action": "login", "code": "AAAA-BBBB-CCCC-DDDD"})
        response = client.post("/fr/suivi/", {"action": "login", "code": receipt.code})
        assert response.status_code == 302
        row = HashedSession.objects.get()
        counter = Counter.objects.get()
    assert row.expire_date == datetime.datetime(2026, 12, 1, 11, 0, tzinfo=datetime.UTC)
    assert (
        counter.expires_at
        == datetime.datetime(2026, 12, 1, 10, 30, tzinfo=datetime.UTC).timestamp()
    )
    stored = SessionStore().decode(row.session_data)
    assert isinstance(stored["follow_up"], str)  # encrypted: no report id, no end in clear
    opened = str(int(datetime.datetime(2026, 12, 1, 10, 7, tzinfo=datetime.UTC).timestamp()))
    assert opened[:7] not in str(stored)  # no timestamp of the minute it was opened
    with time_machine.travel("2026-12-01 10:37:00Z", tick=False):
        assert receipt.reference in client.get("/fr/suivi/").content.decode()
    with time_machine.travel("2026-12-01 10:38:00Z", tick=False):
        assert receipt.reference not in client.get("/fr/suivi/").content.decode()


def test_every_session_row_expires_on_a_round_time(client, settings):
    """A receipt's session row expired at the report's arrival plus ten minutes."""
    settings.REPORT_MIN_FILL_SECONDS = 0
    from tests.reporting import report_data

    with time_machine.travel("2026-12-01 10:07:31.337Z", tick=False):
        client.get("/fr/signaler/")
        response = client.post("/fr/signaler/", report_data())
        assert response.status_code == 302
    expiries = list(HashedSession.objects.values_list("expire_date", flat=True))
    assert expiries
    for expiry in expiries:
        assert (expiry.minute, expiry.second, expiry.microsecond) == (0, 0, 0)


def test_the_limits_key_is_its_own_not_the_secret_key(settings):
    throttle.take("submit", request(), 10, 3600)
    digest = Counter.objects.get().key.split(":", 1)[1]
    mac = hmac.new(settings.SECRET_KEY.encode(), ADDRESS.encode(), hashlib.sha256).hexdigest()
    assert not mac.startswith(digest)


@pytest.mark.parametrize(
    ("language", "false_claim", "backup"),
    [
        ("en", "temporary memory", "never goes into a backup"),
        ("fr", "mémoire temporaire", "n'entre jamais dans une sauvegarde"),
        ("nl", "tijdelijk", "komt nooit in een back-up"),
    ],
)
def test_the_privacy_page_says_where_the_fingerprint_is_kept(language, false_claim, backup):
    """It said "in temporary memory only": the counters are in the database."""
    from pathlib import Path

    text = " ".join(
        (Path(__file__).parent.parent / f"campaign/content/pages/privacy.{language}.md")
        .read_text(encoding="utf-8")
        .split()
    )
    assert false_claim not in text
    assert backup in text
