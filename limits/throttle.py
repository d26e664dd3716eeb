"""Throttles and lockouts that hold in parallel, across processes and machines.

An attempt is counted first, then judged: `take` adds one to the counter of its window and
reads the new count back in one SQL statement (an upsert with RETURNING, on PostgreSQL and
SQLite ≥ 3.35), so however many attempts arrive at once, at most `limit` of them are told
to go ahead. The window is stored with the counter: its first attempt sets when it ends,
and no later attempt moves that.

Who is counted is a keyed hash of the client's address (`counter_key`): the address itself
is never stored. Each limit has its own key for each day, derived from `LIMITS_KEY`, a
setting of its own that lives in the environment, never in the database or a backup: a copy
of the database cannot turn an address into a counter, yesterday's counters cannot be
linked to today's, and one visitor's counters of two limits cannot be joined. A window's end
is rounded up to a multiple of its length, so it cannot be matched to one report's arrival,
and a counter is deleted at the first read after its window ends.
Behind a load balancer, the client is the right-most `X-Forwarded-For` hop that is not one of
the `TRUSTED_PROXY_COUNT` proxies of the site.
"""

from __future__ import annotations

import datetime
import hashlib
import hmac
import ipaddress
import math
import time
from dataclasses import dataclass

from django.conf import settings
from django.db import connection
from django.db.models import F

from limits.models import Counter

# IPv6 clients get a whole /64 each: a client rotating through its own network's addresses
# is still one client (as the sign-in library does).
IPV6_PREFIX = 64


def client_address(request) -> str:
    """The client's address: REMOTE_ADDR, or behind `TRUSTED_PROXY_COUNT` proxies of our
    own, the hop the farthest of them saw. Each proxy appends the address it received the
    request from to `X-Forwarded-For`; what is to the left of those hops was written by
    the client and proves nothing. With no trusted proxy the header is ignored."""
    remote = request.META.get("REMOTE_ADDR", "") or ""
    trusted = settings.TRUSTED_PROXY_COUNT
    if trusted <= 0:
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()] + [remote]
    # hops[-1] is the nearest proxy, hops[-1 - trusted] the client as the farthest saw it.
    # A chain shorter than configured did not pass every proxy: take its far end.
    return hops[-1 - trusted] if len(hops) > trusted else hops[0]


def _network(address: str) -> str:
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address
    if isinstance(parsed, ipaddress.IPv6Address):
        if parsed.ipv4_mapped:
            return str(parsed.ipv4_mapped)
        return str(ipaddress.IPv6Network(f"{parsed}/{IPV6_PREFIX}", strict=False).network_address)
    return str(parsed)


# The longest window any limit opens. A window lasts between one and two of its own length
# (its end is rounded up), so yesterday's key is still read this long after midnight.
LONGEST_WINDOW = 3600
_KEY_OVERLAP = 2 * LONGEST_WINDOW


def _today() -> datetime.date:
    return datetime.datetime.fromtimestamp(time.time(), tz=datetime.UTC).date()


def _limit_key(scope: str, day: datetime.date) -> bytes:
    """The key of one limit on one day, derived from `LIMITS_KEY`: never stored anywhere."""
    message = f"jedisstop-limit\x00{scope}\x00{day.isoformat()}".encode()
    return hmac.new(settings.LIMITS_KEY.encode(), message, hashlib.sha256).digest()


def keyed(scope: str, identity: str, day: datetime.date | None = None) -> str:
    """The counter key of `identity` (an address, an account's key) under the limit `scope`:
    the scope in clear, then a keyed hash that no two limits and no two days share."""
    digest = hmac.new(_limit_key(scope, day or _today()), identity.encode(), hashlib.sha256)
    return f"{scope}:{digest.hexdigest()[:32]}"


def counter_key(scope: str, request, day: datetime.date | None = None) -> str:
    """This client's key under the limit `scope` today (or on `day`)."""
    return keyed(scope, _network(client_address(request)), day)


def client_key(request) -> str:
    """A keyed hash of the client for the sign-in library's own keys (which it hashes again
    per limit in staff.ratelimits): never the address."""
    return counter_key("client", request).split(":", 1)[1]


def _previous_key(scope: str, request) -> str | None:
    """The key yesterday's key gave, while a window opened before midnight may still run."""
    if time.time() % 86400 > _KEY_OVERLAP:
        return None
    return counter_key(scope, request, _today() - datetime.timedelta(days=1))


def window_end(now: float, window_seconds: float) -> float:
    """The end of a window opened at `now`: at least `window_seconds` away, rounded up to a
    multiple of it, so that it says no more of when the window opened than which stretch of
    that length it opened in."""
    return math.ceil((now + window_seconds) / window_seconds) * window_seconds


@dataclass(frozen=True)
class Attempt:
    """One counted attempt: true if it is within the limit."""

    key: str
    count: int
    expires_at: float
    limit: int

    def __bool__(self) -> bool:
        return self.count <= self.limit

    @property
    def retry_after(self) -> int:
        """Seconds until the window ends (for a Retry-After header)."""
        return max(1, math.ceil(self.expires_at - time.time()))

    def give_back(self) -> None:
        """Uncount this attempt (a right password, say), in its own window only: an
        attempt never given back is never forgotten before the window ends."""
        if self:
            Counter.objects.filter(key=self.key, expires_at=self.expires_at, count__gt=0).update(
                count=F("count") - 1
            )


# One statement: a new window, or one more attempt in the current one, and the result.
# (ON CONFLICT ... RETURNING: PostgreSQL, and SQLite since 3.35.)
_TAKE = """
    INSERT INTO "limits_counter" ("key", "count", "expires_at") VALUES (%s, 1, %s)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "limits_counter"."expires_at" <= %s
                     THEN 1 ELSE "limits_counter"."count" + 1 END,
      "expires_at" = CASE WHEN "limits_counter"."expires_at" <= %s
                          THEN excluded."expires_at" ELSE "limits_counter"."expires_at" END
    RETURNING "count", "expires_at"
"""


# Counters whose window has ended, deleted as they are met. On PostgreSQL the rows another
# transaction holds are skipped (the next read takes them): two requests never wait for
# each other, or deadlock, over the same old rows.
_SWEEP = {
    "postgresql": """
        DELETE FROM "limits_counter" WHERE "key" IN (
          SELECT "key" FROM "limits_counter" WHERE "expires_at" <= %s FOR UPDATE SKIP LOCKED)
    """,
    "sqlite": 'DELETE FROM "limits_counter" WHERE "expires_at" <= %s',
}


def _sweep(cursor, now: float) -> None:
    cursor.execute(_SWEEP["postgresql" if connection.vendor == "postgresql" else "sqlite"], [now])


def take_key(key: str, limit: int, window_seconds: float) -> Attempt:
    """Count one attempt under `key` and say whether it is within `limit` for the window
    of at least `window_seconds` that the first attempt opened."""
    now = time.time()
    with connection.cursor() as cursor:
        _sweep(cursor, now)
        cursor.execute(_TAKE, [key, window_end(now, window_seconds), now, now])
        count, expires_at = cursor.fetchone()
    return Attempt(key=key, count=count, expires_at=expires_at, limit=limit)


def _current(key: str) -> Counter | None:
    now = time.time()
    with connection.cursor() as cursor:
        _sweep(cursor, now)
    return Counter.objects.filter(key=key, expires_at__gt=now).first()


def used_key(key: str) -> int:
    """Attempts counted in the current window (0 if none), without counting one."""
    counter = _current(key)
    return counter.count if counter else 0


def clear_key(key: str) -> None:
    Counter.objects.filter(key=key).delete()


def _live_key(scope: str, request) -> str:
    """Today's key, or yesterday's while a window opened before midnight still runs."""
    previous = _previous_key(scope, request)
    if previous and _current(previous) is not None:
        return previous
    return counter_key(scope, request)


def take(scope: str, request, limit: int, window_seconds: float) -> Attempt:
    """Count this client's attempt at `scope`, before judging it: true if within the limit."""
    return take_key(_live_key(scope, request), limit, window_seconds)


def wait_seconds(scope: str, request, limit: int) -> int:
    """How long this client must wait if it has used up `scope` already, else 0. Counts
    nothing: a cheap check at the door, before any work; only `take` decides."""
    counter = _current(_live_key(scope, request))
    if counter is None or counter.count < limit:
        return 0
    return max(1, math.ceil(counter.expires_at - time.time()))


def cull() -> int:
    """Remove the counters of windows that have ended (each read does too; the maintenance
    catches the rest of a quiet night)."""
    return Counter.objects.filter(expires_at__lte=time.time()).delete()[0]
