"""Per-client throttles kept only in the shared cache, for minutes.

The client key is a keyed hash of the address: the address itself is never stored, and
the hash cannot be turned back into it without the site's secret key.
"""

from __future__ import annotations

import hashlib
import hmac

from django.conf import settings
from django.core.cache import cache


def client_key(request) -> str:
    address = request.META.get("REMOTE_ADDR", "") or ""
    digest = hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256)
    return digest.hexdigest()[:32]


def _key(scope: str, request) -> str:
    return f"throttle:{scope}:{client_key(request)}"


def count(key: str) -> int:
    return cache.get(key) or 0


def bump(key: str, window_seconds: int) -> int:
    """Add one to a counter that lives `window_seconds` from its first hit."""
    if cache.add(key, 1, timeout=window_seconds):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window_seconds)
        return 1


def is_limited(scope: str, request, limit: int) -> bool:
    return count(_key(scope, request)) >= limit


def hit(scope: str, request, window_seconds: int) -> int:
    return bump(_key(scope, request), window_seconds)
