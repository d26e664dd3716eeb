from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler
from django.urls import Resolver404, resolve


def form_view_hook(request, name: str):
    """A hook of the view a POST is for (the report form gives itself back, whole, when
    its request was too large), or None."""
    if request.method != "POST":
        return None
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return None
    return getattr(match.func, name, None)


class PermissionsPolicyMiddleware:
    """Deny the browser features the site never uses (camera, location, payment…)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = settings.PERMISSIONS_POLICY

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.header)
        return response


class DropFilesHandler(FileUploadHandler):
    """Reads a too-large request's files and keeps none of them, only their names: its
    text fields are parsed as usual, so the form can come back with them."""

    def new_file(self, field_name, file_name, *args, **kwargs):
        super().new_file(field_name, file_name, *args, **kwargs)
        self.request.dropped_files.append(file_name)

    def receive_data_chunk(self, raw_data, start):
        return None  # dropped, and passed to no other handler

    def file_complete(self, file_size):
        return None


class RequestSizeLimitMiddleware:
    """Refuse a request body above MAX_REQUEST_BYTES, from its Content-Length, before
    anything reads it.

    A form that can give itself back (the report form: `on_too_large` on its view) gets its
    text back: the request goes on with its files dropped as they are read, up to
    FORM_BACK_FACTOR times the limit (a proxy in front stops larger bodies first). Anything
    else gets a friendly, translated 413 page. No `Connection: close` header: it is the
    server's to set, and the development server refuses a response that sets it ("A
    server error occurred").
    """

    FORM_BACK_FACTOR = 4

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length <= settings.MAX_REQUEST_BYTES:
            return self.get_response(request)
        if (
            length <= settings.MAX_REQUEST_BYTES * self.FORM_BACK_FACTOR
            and form_view_hook(request, "on_too_large") is not None
        ):
            request.dropped_files = []
            request.upload_handlers = [DropFilesHandler(request)]
            request.too_large = True
            return self.get_response(request)
        from django.template.response import TemplateResponse

        return TemplateResponse(request, "errors/413.html", {}, status=413).render()


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
