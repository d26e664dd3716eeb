"""The site's one HTTP caching policy (README "HTTP caching"), applied to every response
on its way out by `HttpCachePolicyMiddleware`. The site keeps no copy of a page itself: the
one cache on a public page's path is nginx's, in front (README, "The path of a page").

- **Public**: a page of a view marked `@public_page`, answered 200 to a GET or HEAD from a
  visitor without a session or messages cookie, setting no cookie and using no CSP nonce.
  Any cache may keep it, a shared one (nginx in front) for `SHARED_CACHE_SECONDS`, then
  serve it stale for `SHARED_CACHE_STALE_SECONDS` while it asks again; a browser asks
  every time (`max-age=0`) and gets 304 when its copy is current (ETag). It varies on
  nothing: the language is in the path and the host in every cache's key. A scheduled
  article bounds how long it may be kept, as it bounds the page cache's entry.
- **Says for itself**: static files (WhiteNoise, never through here), public uploads and
  robots.txt set their own `Cache-Control`, which is kept.
- **Private, never stored**: everything else — pages with a form, the follow-up, staff and
  sign-in pages, the language switch, redirects, errors, and a public page asked by
  someone with a session (a staff member, a pending message) — `private, no-store`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.http import HttpRequest, HttpResponse
from django.middleware.gzip import GZipMiddleware
from django.utils.cache import add_never_cache_headers, get_conditional_response, set_response_etag

SAFE_METHODS = ("GET", "HEAD")


def private_cookie_names() -> set[str]:
    """Cookies that make a page personal: the session (staff, the follow-up) and pending
    messages. nginx's cache bypass is rendered from the same names (`nginx_config`)."""
    return {settings.SESSION_COOKIE_NAME, CookieStorage.cookie_name}


def is_personal(request: HttpRequest) -> bool:
    return not private_cookie_names().isdisjoint(request.COOKIES.keys())


def shareable(request: HttpRequest, response: HttpResponse) -> bool:
    """Whether this response is a public page, the same for everyone who asks for it."""
    if not getattr(response, "public_page", False):
        return False
    if request.method not in SAFE_METHODS or is_personal(request):
        return False
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if "private" in cache_control or "no-store" in cache_control:
        return False
    # A page that used its CSP nonce must not be shared: the nonce would be too.
    return not getattr(request, "_csp_nonce", None)


def public_cache_control(until: float | None = None) -> str:
    """`Cache-Control` of a public page; `until` is when it changes by itself (epoch)."""
    shared = settings.SHARED_CACHE_SECONDS
    stale = settings.SHARED_CACHE_STALE_SECONDS
    if until is not None and until - time.time() < shared:
        # A scheduled article goes live before the page would expire: no cache may keep
        # it, fresh or stale, past that moment.
        shared, stale = max(0, int(until - time.time())), 0
    value = f"public, max-age=0, s-maxage={shared}"
    return value + (f", stale-while-revalidate={stale}" if stale else "")


def make_public(response: HttpResponse, until: float | None = None) -> None:
    response["Cache-Control"] = public_cache_control(until)
    response.headers.pop("Expires", None)
    response.headers.pop("Vary", None)
    if "ETag" not in response:
        set_response_etag(response)


def make_private(response: HttpResponse) -> None:
    """Never stored, unless the response says for itself how long it may be kept."""
    if "Cache-Control" not in response:
        add_never_cache_headers(response)


def conditional(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    """304 Not Modified to a conditional request for a public page that has not changed."""
    if "ETag" not in response or not response.get("Cache-Control", "").startswith("public"):
        return response
    return get_conditional_response(request, etag=response["ETag"], response=response)


def public_page(view: Callable | None = None, *, expires: Callable[[], int | None] | None = None):
    """Mark a view's responses as the same for every anonymous visitor (the opt-in: a page
    that merely sets no cookie is not public).

    `expires`, if given, returns the number of seconds after which the page changes by
    itself (a scheduled article going live), or None.
    """

    def decorate(func):
        @wraps(func)
        def wrapper(request, *args, **kwargs):
            response = func(request, *args, **kwargs)
            response.public_page = True
            response.public_page_expires = expires
            return response

        return wrapper

    return decorate(view) if view is not None else decorate


def changes_at(response) -> float | None:
    """When a public page changes by itself (a scheduled article goes live), as epoch."""
    expires = getattr(response, "public_page_expires", None)
    seconds = expires() if expires is not None else None
    return None if seconds is None else time.time() + seconds


class HttpCachePolicyMiddleware:
    """Every response gets its `Cache-Control` from the policy on its way out: a public page
    its ETag too (a conditional request gets 304), anything else `private, no-store` unless
    it says for itself how long it may be kept."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if shareable(request, response):
            make_public(response, changes_at(response))
            # Compressed once, here, for a client that reads gzip (nginx always asks so): a
            # cache in front keeps the compressed page and sends it as it is, instead of
            # compressing it again for every visitor. Django's own middleware, public pages
            # only (they hold no secret a BREACH-style attack could guess).
            response = _gzip.process_response(request, response)
        else:
            make_private(response)
        return conditional(request, response)


_gzip = GZipMiddleware(lambda request: None)
