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
import functools
import hashlib
import re
import secrets
import time
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import DisallowedHost
from django.db import DatabaseError, transaction
from django.http import HttpResponse
from django.middleware import csrf
from django.utils import translation
from django.utils.module_loading import import_string
from django.views.decorators.csrf import requires_csrf_token

from jedisstop import httpcache

ALIAS = "pages"
# This process's copies of what it read from the page cache: key -> (until, entry).
_memory: dict[str, tuple[float, tuple]] = {}
MEMORY_ENTRIES = 1000
# Where a shell page (`shell_page`) has its visitor's CSRF token: the view renders it with
# this value as `csrf_token`. Every placeholder of a shell starts the same way.
CSRF_PLACEHOLDER = "jedisstop-placeholder-csrf-token"
PLACEHOLDER = re.compile(rb"(jedisstop-placeholder-[a-z-]+)")
# Cache-Control is computed again for each answer (httpcache.public_cache_control).
HEADERS_NOT_STORED = {"set-cookie", "content-length", "cache-control"}
SHELL_NOT_STORED = {"set-cookie", "content-length", "vary"}


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


def shell_page(request, render: Callable[[], HttpResponse], *, fill: str) -> HttpResponse:
    """A page with a form that is the same for every visitor but for its tokens.

    `render()` gives the page with placeholders instead of the tokens (`CSRF_PLACEHOLDER`
    for the CSRF token, the view's own for the others, all matching `PLACEHOLDER`); `fill`
    names a function `fill() -> {placeholder: value}` that gives a new visitor's values. The
    shell is kept in the page cache under the page's own key, so the middleware answers the
    next visitor with it and their tokens before sessions, locale, auth or the view run, and
    after that the door in front of Django (`jedisstop.shelldoor`): a form costs what a
    cached page costs. The answer is private and never stored (its tokens are this
    visitor's).
    """
    response = render()
    # LocaleMiddleware sets it on the way out, under the page cache: an answer made from
    # the shell never passes there, so the shell keeps it.
    response.headers.setdefault("Content-Language", translation.get_language())
    key = key_for(request) if settings.PAGE_CACHE_SECONDS else None
    # A nonce must never be shared; a cookie set while rendering belongs to this visitor.
    if (
        key
        and response.status_code == 200
        and not response.cookies
        and not (getattr(request, "_csp_nonce", None))
    ):
        # Its own never-cache headers are kept: the answer is never stored either.
        headers = [(n, v) for n, v in response.items() if n.lower() not in SHELL_NOT_STORED]
        with contextlib.suppress(DatabaseError):
            shell = ("shell", response.status_code, headers, response.content, fill)
            cache().set(key, shell, settings.PAGE_CACHE_SECONDS)
    filled = _filled(request, response.content, fill)
    response.content = filled.content
    for cookie in filled.cookies.values():
        response.cookies[cookie.key] = cookie
    if "Vary" in filled:
        response["Vary"] = filled["Vary"]
    return response


@requires_csrf_token
def _filled(request, content: bytes, fill: str) -> HttpResponse:
    """The shell with this visitor's tokens; Django's CSRF middleware, run around it, reads
    the visitor's CSRF cookie (or gets the one made here) and sets it on the answer."""
    return HttpResponse(fill_in(content, visitor_values(request, fill)))


def visitor_values(request, fill: str) -> dict[str, str]:
    """A new visitor's values for a shell's placeholders: their CSRF token and the view's."""
    return {CSRF_PLACEHOLDER: visitor_csrf_token(request), **_filler(fill)()}


def fill_in(content: bytes, values: dict[str, str]) -> bytes:
    """The shell with `values` in place of its placeholders: one pass, the shell split once
    (a placeholder without a value is left as it is)."""
    parts = _parts(content)
    return b"".join(
        [part if i % 2 == 0 else values.get(part, part).encode() for i, part in enumerate(parts)]
    )


@functools.lru_cache(maxsize=16)
def _parts(content: bytes) -> tuple:
    """Text and placeholders in turn (placeholders as str); a shell is the same object for
    as long as a process keeps it, so it is split once."""
    parts = PLACEHOLDER.split(content)
    return tuple(part if i % 2 == 0 else part.decode() for i, part in enumerate(parts))


def visitor_csrf_token(request) -> str:
    """Django's `get_token(request)`, the same secret and masked token, with their random
    characters drawn from one read of the system's randomness instead of one read per
    character (64 a new visitor): a third of what a blank form costs under a rush."""
    secret = request.META.get("CSRF_COOKIE")
    if secret is None:
        secret = _random_csrf_string()
        request.META["CSRF_COOKIE"] = secret
    request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True  # as get_token: (re)send the cookie
    mask = _random_csrf_string()
    chars = csrf.CSRF_ALLOWED_CHARS
    cipher = "".join(
        chars[(chars.index(x) + chars.index(y)) % len(chars)]
        for x, y in zip(secret, mask, strict=True)
    )
    return mask + cipher


# The largest multiple of the alphabet's length under 256: a byte under it maps to a
# character without bias.
_UNBIASED = 256 - 256 % len(csrf.CSRF_ALLOWED_CHARS)


def _random_csrf_string(length: int = csrf.CSRF_SECRET_LENGTH) -> str:
    chars = csrf.CSRF_ALLOWED_CHARS
    drawn: list[str] = []
    while len(drawn) < length:
        drawn += [chars[b % len(chars)] for b in secrets.token_bytes(length) if b < _UNBIASED]
    return "".join(drawn[:length])


@functools.cache
def _filler(path: str) -> Callable[[], dict[str, str]]:
    return import_string(path)


def answer_shell(request, stored, key: str) -> HttpResponse:
    _tag, status, headers, content, fill = stored
    response = _filled(request, content, fill)
    response.status_code = status
    for name, value in headers:
        response[name] = value
    response["Content-Length"] = str(len(response.content))
    httpcache.make_private(response)  # (the shell's own headers say so already)
    # The door in front of Django (shelldoor) answers the next visitors from this answer.
    response.shell, response.shell_key = stored, key
    response.csrf_secret = request.META.get("CSRF_COOKIE")
    return response


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
            if stored is not None and stored[0] == "shell":
                return answer_shell(request, stored, key)
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
