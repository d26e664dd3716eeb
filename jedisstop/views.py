"""Site-wide views: friendly error pages and robots.txt.

Error pages render with the request so that they keep the page shell, the language and
the CSP nonce; the 500 page renders without a context processor that could fail again.
"""

from django.http import HttpResponse
from django.template import loader
from django.utils import translation
from django.views.decorators.cache import cache_control
from django.views.decorators.csrf import requires_csrf_token
from django.views.decorators.http import require_GET
from django.views.i18n import set_language as django_set_language


def _render_error(request, template_name: str, status: int) -> HttpResponse:
    body = loader.render_to_string(template_name, {}, request)
    return HttpResponse(body, status=status)


@requires_csrf_token
def bad_request(request, exception=None):
    return _render_error(request, "errors/400.html", 400)


@requires_csrf_token
def permission_denied(request, exception=None):
    return _render_error(request, "errors/403.html", 403)


@requires_csrf_token
def page_not_found(request, exception=None):
    return _render_error(request, "errors/404.html", 404)


def server_error(request):
    # Plain template: no context processors, nothing that could raise again.
    body = loader.get_template("errors/500.html").render({})
    return HttpResponse(body, status=500)


def csrf_failure(request, reason=""):
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
    """Django's set_language, resolving `next` in the language of its own prefix.

    Django resolves `next` in the active language, which for /i18n/ is the cookie's or the
    browser's, so /nl/melden/ would not be recognised from a French browser and the
    switch would land on the same page. Activating the language of `next` first makes the
    switcher lead to the same page in the other language, as it must.
    """
    next_url = request.POST.get("next", request.GET.get("next", "")) or ""
    path_language = translation.get_language_from_path(next_url)
    if path_language:
        with translation.override(path_language):
            return django_set_language(request)
    return django_set_language(request)
