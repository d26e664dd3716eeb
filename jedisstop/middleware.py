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
