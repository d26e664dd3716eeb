"""Site-wide views: friendly error pages and robots.txt.

Error pages render with the request so that they keep the page shell, the language and
the CSP nonce; the 500 page renders without a context processor that could fail again.
"""

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse, HttpResponseRedirect
from django.template import loader
from django.urls import translate_url
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import cache_control
from django.views.decorators.csrf import requires_csrf_token
from django.views.decorators.http import require_GET
from django.views.i18n import set_language as django_set_language


def _render_error(request, template_name: str, status: int) -> HttpResponse:
    body = loader.render_to_string(template_name, {}, request)
    return HttpResponse(body, status=status)


@requires_csrf_token
def bad_request(request, exception=None):
    if isinstance(exception, DisallowedHost):
        # The shell builds absolute addresses from the host, which is the bad part here.
        body = loader.render_to_string("errors/400.html", {})
        return HttpResponse(body, status=400)
    return _render_error(request, "errors/400.html", 400)


@requires_csrf_token
def permission_denied(request, exception=None):
    return _render_error(request, "errors/403.html", 403)


def too_many_requests(request, exception=None):
    """The sign-in library's answer to a request over one of its limits (it looks for
    `handler429` in the root URLconf)."""
    response = _render_error(request, "errors/429.html", 429)
    response["Retry-After"] = "60"
    return response


@requires_csrf_token
def page_not_found(request, exception=None):
    return _render_error(request, "errors/404.html", 404)


def server_error(request):
    # Plain template: no context processors, nothing that could raise again.
    body = loader.get_template("errors/500.html").render({})
    return HttpResponse(body, status=500)


def csrf_failure(request, reason=""):
    """A staff page's token did not match (the public forms have none: edge.crossorigin).
    Never gives back what was posted: that would let another site pre-fill a form."""
    # The reason is deliberately not shown or logged with request data.
    return _render_error(request, "errors/csrf.html", 403)


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /fr/admin/",
        "Disallow: /nl/admin/",
        "Disallow: /en/admin/",
        "Disallow: /i18n/",
        "",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def set_language(request):
    """Switch language and land on the same page in the other language.

    The public pages switch with plain links (GET), so that no page carries a per-visitor
    CSRF token and the pages can be cached whole; the admin keeps Django's POST form.
    A language preference is the only state a GET changes, and `next` must stay on this
    site. Either way, `next` is resolved in the language of its own prefix: Django would
    resolve it in the active language (the cookie's or the browser's), which does not
    recognise /nl/melden/ from a French browser.
    """
    if request.method in ("GET", "HEAD"):
        return _set_language_from_link(request)
    next_url = request.POST.get("next", "") or ""
    path_language = translation.get_language_from_path(next_url)
    if path_language:
        with translation.override(path_language):
            return django_set_language(request)
    return django_set_language(request)


def _set_language_from_link(request):
    language = request.GET.get("language", "")
    next_url = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "/"
    known = dict(settings.LANGUAGES)
    if language not in known:
        response = HttpResponseRedirect(next_url)
    else:
        with translation.override(translation.get_language_from_path(next_url) or language):
            response = HttpResponseRedirect(translate_url(next_url, language))
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            path=settings.LANGUAGE_COOKIE_PATH,
            domain=settings.LANGUAGE_COOKIE_DOMAIN,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        )
    add_never_cache_headers(response)
    return response
