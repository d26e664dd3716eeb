"""The admin's own login page hands over to the staff sign-in (password, then the second
factor), keeping the page that was asked for."""

from allauth.account.decorators import secure_admin_login
from django.contrib import admin

from staff.models import GroupSignInPolicy

admin.site.login = secure_admin_login(admin.site.login)


@admin.register(GroupSignInPolicy)
class GroupSignInPolicyAdmin(admin.ModelAdmin):
    list_display = ["group", "passkey_only"]
    list_editable = ["passkey_only"]
    autocomplete_fields = []

    def has_delete_permission(self, request, obj=None):
        return False  # a rule is switched off, not deleted, so the trail stays in the history
