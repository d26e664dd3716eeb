"""Throttles and lockouts that hold in parallel, across processes and machines.

An attempt is counted first, then judged: `take` adds one to the counter of its window and
reads the new count back in one SQL statement (an upsert with RETURNING, on PostgreSQL and
SQLite ≥ 3.35), so however many attempts arrive at once, at most `limit` of them are told
to go ahead. The window is stored with the counter: its first attempt sets when it ends,
and no later attempt moves that.

Who is counted is a keyed hash of the client's address (`client_key`): the address itself
is never stored. The key is a random salt of its own, replaced every day (`Salt`), not the
site's secret key: yesterday's hashes cannot be linked to today's, and once yesterday's salt
is deleted (after the longest window it may have opened) nothing links them to an address.
Behind a load balancer, the client is the right-most `X-Forwarded-For` hop that is not one of
the `TRUSTED_PROXY_COUNT` proxies of the site.
"""

from __future__ import annotations

import datetime
import hashlib
import hmac
import ipaddress
import math
import secrets
import time
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.db.models import F

from jedisstop.limits.models import Counter, Salt

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


# The longest window any limit opens: yesterday's salt is kept that long after midnight.
LONGEST_WINDOW = 3600
_salts: dict[datetime.date, str] = {}


def _today() -> datetime.date:
    return datetime.datetime.fromtimestamp(time.time(), tz=datetime.UTC).date()


def salt_for(day: datetime.date, *, create: bool = True) -> str | None:
    """The salt of `day` (made on first use; the same for every process)."""
    if day in _salts:
        return _salts[day]
    salt = Salt.objects.filter(day=day).values_list("value", flat=True).first()
    if salt is None and create:
        try:
            with transaction.atomic():
                Salt.objects.create(day=day, value=secrets.token_hex(32))
        except IntegrityError:
            pass  # another process made it first: use theirs
        salt = Salt.objects.get(day=day).value
    if salt is not None and not connection.in_atomic_block:
        # Remembered only once surely committed (a rolled-back request must not leave this
        # process hashing with a salt the others never see).
        if len(_salts) > 4:
            _salts.clear()
        _salts[day] = salt
    return salt


def _hash(address: str, salt: str) -> str:
    return hmac.new(salt.encode(), address.encode(), hashlib.sha256).hexdigest()[:32]


def client_key(request, day: datetime.date | None = None) -> str:
    address = _network(client_address(request))
    return _hash(address, salt_for(day or _today()))


def _previous_key(scope: str, request) -> str | None:
    """The key yesterday's salt gave, while a window it opened may still run."""
    seconds_into_day = time.time() % 86400
    if seconds_into_day > LONGEST_WINDOW:
        return None
    yesterday = _today() - datetime.timedelta(days=1)
    salt = salt_for(yesterday, create=False)
    if salt is None:
        return None
    return f"{scope}:{_hash(_network(client_address(request)), salt)}"


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


def take_key(key: str, limit: int, window_seconds: float) -> Attempt:
    """Count one attempt under `key` and say whether it is within `limit` for the window
    of `window_seconds` that the first attempt opened."""
    now = time.time()
    with connection.cursor() as cursor:
        cursor.execute(_TAKE, [key, now + window_seconds, now, now])
        count, expires_at = cursor.fetchone()
    return Attempt(key=key, count=count, expires_at=expires_at, limit=limit)


def _current(key: str) -> Counter | None:
    return Counter.objects.filter(key=key, expires_at__gt=time.time()).first()


def used_key(key: str) -> int:
    """Attempts counted in the current window (0 if none), without counting one."""
    counter = _current(key)
    return counter.count if counter else 0


def clear_key(key: str) -> None:
    Counter.objects.filter(key=key).delete()


def _key(scope: str, request) -> str:
    return f"{scope}:{client_key(request)}"


def _live_key(scope: str, request) -> str:
    """Today's key, or yesterday's while a window opened before midnight still runs."""
    previous = _previous_key(scope, request)
    if previous and _current(previous) is not None:
        return previous
    return _key(scope, request)


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
    """Remove the counters of windows that have ended, and salts older than yesterday's
    (the daily maintenance)."""
    Salt.objects.filter(day__lt=_today() - datetime.timedelta(days=1)).delete()
    _salts.clear()
    return Counter.objects.filter(expires_at__lte=time.time()).delete()[0]
