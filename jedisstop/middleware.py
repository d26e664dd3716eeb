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
