from django.conf import settings


class PermissionsPolicyMiddleware:
    """Deny the browser features the site never uses (camera, location, payment…)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = settings.PERMISSIONS_POLICY

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.header)
        return response


class RequestSizeLimitMiddleware:
    """Refuse a request body above MAX_REQUEST_BYTES with a friendly, translated page.

    It looks only at Content-Length, before anything reads the body. (A proxy in front
    should enforce the same limit on streamed bodies.)
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.MAX_REQUEST_BYTES:
            from django.template.response import TemplateResponse

            response = TemplateResponse(request, "errors/413.html", {}, status=413)
            response["Connection"] = "close"
            return response.render()
        return self.get_response(request)


class DatabaseUnavailableMiddleware:
    """A database that cannot be reached gives a translated 503 page, not a 500.

    The report form handles it itself (everything typed comes back, photos kept); this
    covers every other page. Only the error's kind and the path are logged: neither can
    hold anything a reporter typed.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        from django.db import InterfaceError, OperationalError

        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        import logging

        from django.http import HttpResponse
        from django.template import loader

        logging.getLogger("jedisstop.database").error(
            "Database unavailable (%s) on %s", type(exception).__name__, request.path
        )
        body = loader.get_template("errors/503.html").render({})
        response = HttpResponse(body, status=503)
        response["Retry-After"] = "60"
        return response
