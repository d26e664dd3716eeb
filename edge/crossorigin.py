"""Cross-site forgery stopped by the browser's own request headers, for every form.

A browser says where a request comes from: `Sec-Fetch-Site` (every current browser), else
`Origin` (older ones, on every POST). So a form needs no per-visitor token to be safe, and
the public forms (report, follow-up, contact) can be the same bytes for everyone, kept by
nginx like any public page. The rule is Go 1.25's `CrossOriginProtection`:

- a safe method (GET, HEAD, OPTIONS) is never refused;
- `Sec-Fetch-Site: same-origin` or `none` (typed in, a bookmark) passes; `same-site` (a
  sibling subdomain) and `cross-site` are refused;
- without it, `Origin` must be the site's own origin (scheme, host and port, as the request
  reached the site: https behind the proxy); `null` (a sandboxed frame) is refused;
- with neither header the request is not from a browser: it passes, and every limit still
  applies to it.

Staff pages keep Django's token as well (`CsrfViewMiddleware`): the public form views are
exempt from the token (`token_free`) and from nothing else. A refused request gets a
translated 403 that gives back nothing it carried: another site must not be able to
pre-fill a form for a visitor.
"""

from __future__ import annotations

import logging
from functools import wraps

from django.core.exceptions import DisallowedHost
from django.http import HttpResponseForbidden
from django.template.loader import render_to_string
from django.views.decorators.csrf import csrf_exempt

logger = logging.getLogger(__name__)

SAFE_METHODS = {"GET", "HEAD", "OPTIONS", "TRACE"}
ALLOWED_FETCH_SITES = {"same-origin", "none"}


def _own_origin(request) -> str | None:
    try:
        return f"{request.scheme}://{request.get_host()}".lower()
    except DisallowedHost:
        return None


def from_elsewhere(request) -> bool:
    """Whether an unsafe request was sent by a browser from another origin."""
    if request.method in SAFE_METHODS:
        return False
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        return fetch_site.strip().lower() not in ALLOWED_FETCH_SITES
    origin = request.headers.get("Origin")
    if origin is None:
        return False  # not a browser
    return origin.strip().lower() != _own_origin(request)


def refused(request) -> HttpResponseForbidden:
    """The 403 page: what happened and where to go, nothing of what was sent."""
    body = render_to_string("errors/cross_origin.html", {}, request)
    return HttpResponseForbidden(body)


class CrossOriginProtectionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if from_elsewhere(request):
            # Never the body or the headers' values: only that it happened, and where to.
            logger.warning("Refused a %s from another site to %s", request.method,
                           request.path)  # fmt: skip
            return refused(request)
        return self.get_response(request)


def token_free(view):
    """A public form's view: protected by this module's check alone, without Django's
    per-visitor token, so that its blank page is the same for everyone. Exempt from the
    token *outside* anything else, so that no other decorator hides the exemption."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        return view(request, *args, **kwargs)

    return csrf_exempt(wrapper)
