"""The sign-in library's rate limits (wrong passwords, wrong second-factor codes, and every
other one it keeps) counted by the site's atomic counters (limits.throttle).

django-allauth 65 keeps each limit as a list of timestamps in the cache, read, changed and
written back under a lock made of `cache.add`: with the database cache, an attempt that
cannot get the lock within a second is refused, and a culled or expired lock lets attempts
through uncounted. It has no setting or adapter method for where its counts live, so this
module replaces its two storage functions, `_consume_single_rate` and `clear`, once, from
`StaffConfig.ready()`. Everything else stays the library's: which limits apply (the
`ACCOUNT_RATE_LIMITS` setting parsed into rates), their keys (`get_cache_key`, with the
client's keyed hash from `StaffAccountAdapter.get_client_ip`), when an attempt is counted
(before the password or code is checked) and given back (after a right password) or
cleared (after a right code: the account's counter only, never the client's).

A rate `N/15m/key` becomes a counter of a fixed 15-minute window opened by its first attempt;
at most N attempts in it go ahead, however many arrive at once.
"""

from __future__ import annotations

from dataclasses import dataclass

from allauth.core.exceptions import RateLimited
from allauth.core.internal import ratelimit as allauth_ratelimit

from limits import throttle


@dataclass
class CountedUsage:
    """What the library keeps of one counted attempt, to roll it back."""

    attempt: throttle.Attempt | None  # None: a dry run counted nothing

    def rollback(self) -> None:
        if self.attempt is not None:
            self.attempt.give_back()


def _counter(request, *, app: str, action: str, rate, key=None, user=None) -> str:
    """The library's key for this rate, hashed again under a key of the site's own for this
    limit (limits.throttle.keyed): an account name's hash or a client's key in one limit
    cannot be matched with the same in another."""
    cache_key = allauth_ratelimit.get_cache_key(
        request, app=app, action=action, rate=rate, key=key, user=user
    )
    return throttle.keyed(f"{action}/{rate.per}", cache_key)


def consume_single_rate(
    request,
    *,
    app: str,
    action: str,
    rate,
    key=None,
    user=None,
    dry_run: bool = False,
    raise_exception: bool = False,
) -> CountedUsage | None:
    counter = _counter(request, app=app, action=action, rate=rate, key=key, user=user)
    if dry_run:
        allowed = throttle.used_key(counter) < rate.amount
        usage = CountedUsage(None) if allowed else None
    else:
        attempt = throttle.take_key(counter, rate.amount, rate.duration)
        usage = CountedUsage(attempt) if attempt else None
    if usage is None and raise_exception:
        raise RateLimited
    return usage


def clear(request, *, app: str, action: str, config=None, key=None, user=None) -> None:
    """A right code clears its account's counter, never the client's: the library clears
    every rate of the action, which let one client try 20 more wrong passwords on other
    accounts after each success of its own. The client's counter runs to the end of its
    window."""
    for rate in allauth_ratelimit.get_rates(app=app, action=action, config=config):
        if rate.per == "ip":
            continue
        throttle.clear_key(_counter(request, app=app, action=action, rate=rate, key=key, user=user))


def install() -> None:
    allauth_ratelimit._consume_single_rate = consume_single_rate
    allauth_ratelimit.clear = clear
