"""Whole-page cache for the public campaign pages, shared by every web process.

A visitor without a session gets the same campaign page as every other visitor in that
language, so rendering it again for each one is waste: on a phone abroad the page should
cost what a static file costs. Views opt in with `@public_page`; the middleware sits just
under WhiteNoise and answers a cached page before sessions, locale, CSRF or auth run.

What keeps it safe:
- it only answers GET requests without a query string and without a session or messages
  cookie, so staff (who preview drafts) and anyone with a pending message always get a
  fresh page;
- it only stores a page that the HTTP caching policy (`jedisstop.httpcache`) calls public:
  a 200 from an opted-in view that sets no cookie, is not marked private or no-store, and
  carries no CSP nonce (a nonce must never be shared);
- the key is the scheme, host and path, hashed; the language is in the path.

Every response passes here on its way out and gets its `Cache-Control` from that policy:
public pages with an ETag (a conditional request gets 304, from the cache too), anything
else `private, no-store` unless it says for itself how long it may be kept.

It lives in the "pages" cache (its own database table), which is emptied whenever public
content changes (see `campaign.signals`) and after every migration, so an editor's change
shows at once and a deployment never serves pages from the previous templates. An entry
also expires after PAGE_CACHE_SECONDS and before the next scheduled article goes live.
"""

from __future__ import annotations

import contextlib
import hashlib
import time
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import DisallowedHost
from django.db import DatabaseError, transaction
from django.http import HttpResponse

from jedisstop import httpcache

ALIAS = "pages"
# This process's copies of what it read from the page cache: key -> (until, entry).
_memory: dict[str, tuple[float, tuple]] = {}
MEMORY_ENTRIES = 1000
# Cache-Control is computed again for each answer (httpcache.public_cache_control).
HEADERS_NOT_STORED = {"set-cookie", "content-length", "cache-control"}


def public_page(view: Callable | None = None, *, expires: Callable[[], int | None] | None = None):
    """Mark a view's responses as the same for every anonymous visitor.

    `expires`, if given, returns the number of seconds after which the page changes by
    itself (a scheduled article going live), or None.
    """

    def decorate(func):
        @wraps(func)
        def wrapper(request, *args, **kwargs):
            response = func(request, *args, **kwargs)
            response.public_page = True
            response.public_page_expires = expires  # asked only when the page is stored
            return response

        return wrapper

    return decorate(view) if view is not None else decorate


def cache():
    return caches[ALIAS]


def clear_memory() -> None:
    _memory.clear()


def read(key: str):
    """What the page cache holds for `key`, or None.

    Each web process keeps what it read for PAGE_MEMORY_SECONDS (and never past a
    scheduled article's moment): under a rush, a page or a blank form costs no database
    round trip. A content change empties this process's copies at once and the other
    processes' within that moment.
    """
    seconds = settings.PAGE_MEMORY_SECONDS
    now = time.time()
    if seconds and (entry := kept(key, now)) is not None:
        return entry
    try:
        stored = cache().get(key)
    except DatabaseError:
        return None
    if seconds and stored is not None:
        until = stored[3] if len(stored) == 4 else None
        if until is not None:
            seconds = min(seconds, until - now)
        if len(_memory) >= MEMORY_ENTRIES:
            _memory.clear()
        _memory[key] = (now + seconds, stored)
    return stored


def kept(key: str, now: float | None = None):
    """This process's fresh copy of what the page cache holds for `key`, or None (nothing
    asked of the database)."""
    entry = _memory.get(key)
    if entry is not None and entry[0] > (time.time() if now is None else now):
        return entry[1]
    return None


def key_for(request) -> str | None:
    """The page's key in the cache; None for a request that must not get a shared page."""
    if request.method != "GET" or request.META.get("QUERY_STRING"):
        return None
    if httpcache.is_personal(request):
        return None
    try:
        host = request.get_host()
    except DisallowedHost:
        return None  # let the usual handling answer 400
    raw = f"{request.scheme}://{host}{request.path}"
    return "page:" + hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()


def clear_on_commit(**_kwargs) -> None:
    """Forget every cached page once the content change is committed.

    Before the commit, another process could still render and store the old page.
    """
    transaction.on_commit(clear)


def clear(**_kwargs) -> None:
    """Forget every cached page (content changed, or a new release was migrated)."""
    clear_memory()
    # No cache table yet (the very first migration): nothing to forget.
    with contextlib.suppress(DatabaseError):
        cache().clear()


def fragment(key: str, render: Callable[[], str]) -> str:
    """A piece of page that is the same for every visitor, from the page cache.

    Emptied with the pages; a cache that fails only means the piece is rendered again.
    """
    seconds = settings.PAGE_CACHE_SECONDS
    if not seconds:
        return render()
    key = "fragment:" + key
    try:
        html = cache().get(key)
    except DatabaseError:
        html = None
    if html is None:
        html = render()
        with contextlib.suppress(DatabaseError):
            cache().set(key, html, seconds)
    return html


class PublicPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = self.key_for(request) if settings.PAGE_CACHE_SECONDS else None
        if key is not None:
            stored = read(key)
            if stored is not None and len(stored) == 4:  # (an older release's entry: a miss)
                return httpcache.conditional(request, self.rebuild(stored))
        response = self.get_response(request)
        if httpcache.shareable(request, response):
            until = self.changes_at(response)
            httpcache.make_public(response, until)
            if key is not None:
                self.store(key, response, until)
        else:
            httpcache.make_private(response)
        return httpcache.conditional(request, response)

    @staticmethod
    def key_for(request) -> str | None:
        return key_for(request)

    @staticmethod
    def changes_at(response) -> float | None:
        """When the page changes by itself (a scheduled article goes live), as epoch."""
        expires = getattr(response, "public_page_expires", None)
        seconds = expires() if expires is not None else None
        return None if seconds is None else time.time() + seconds

    def store(self, key: str, response, until: float | None) -> None:
        headers = [
            (name, value)
            for name, value in response.items()
            if name.lower() not in HEADERS_NOT_STORED
        ]
        timeout = settings.PAGE_CACHE_SECONDS
        if until is not None:
            timeout = min(timeout, int(until - time.time()))
            if timeout <= 0:
                return
        # A page not cached is only a page rendered again.
        with contextlib.suppress(DatabaseError):
            cache().set(key, (response.status_code, headers, response.content, until), timeout)

    @staticmethod
    def rebuild(stored) -> HttpResponse:
        status, headers, content, until = stored
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        response["Content-Length"] = str(len(content))
        # How long a shared cache may keep it is counted from now, not from when it was
        # stored: a scheduled article's moment comes closer.
        response["Cache-Control"] = httpcache.public_cache_control(until)
        return response
