"""No oracle: to anyone who may not see reports (an editor, say), every reports or audit
address of the admin answers 404, exactly as an address that does not exist.

Without this gate the admin answers 403 for an existing report and 404 for a missing one
(and 302 or 403 on its history): a binary search gives the number of reports, polling
gives the daily rate. The gate runs before the admin's views, for every method and every
address under the admin's `reports/`, and asks only the model admin's own view
permission: no lookup, so the timing says nothing either.
"""

from __future__ import annotations

from django.contrib import admin
from django.http import Http404
from django.urls import reverse

APP_LABEL = "reports"


def _allowed(request, model_name: str) -> bool:
    if not model_name:
        return request.user.has_module_perms(APP_LABEL)
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label == APP_LABEL and model._meta.model_name == model_name:
            return model_admin.has_view_permission(request)
    return False  # no such model here: nothing to say either


class ReportsGateMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or match.app_name != "admin" or not request.user.is_authenticated:
            return  # signed-out visitors get the login page for every address alike
        if match.url_name == "autocomplete":
            if request.GET.get("app_label") == APP_LABEL and not _allowed(request, ""):
                raise Http404
            return
        relative = request.path_info.removeprefix(reverse("admin:index"))
        app_label, _, rest = relative.partition("/")
        if app_label != APP_LABEL:
            return
        if not _allowed(request, rest.partition("/")[0]):
            raise Http404
        return
