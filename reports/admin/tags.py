"""Tags: supervisors define them, officers apply them."""

from __future__ import annotations

from django.contrib import admin

from reports.models import Tag
from sitewide.admin_search import BoundedSearchAdmin


@admin.register(Tag)
class TagAdmin(BoundedSearchAdmin):
    """Supervisors define the tags; officers apply them."""

    search_fields = ["name"]

    def _supervisor(self, request):
        return request.user.has_perm("reports.supervise_report")

    def has_view_permission(self, request, obj=None):
        return self._supervisor(request)

    def has_add_permission(self, request):
        return self._supervisor(request)

    def has_change_permission(self, request, obj=None):
        return self._supervisor(request)

    def has_delete_permission(self, request, obj=None):
        return self._supervisor(request)

    def has_module_permission(self, request):
        return self._supervisor(request)
