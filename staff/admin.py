"""The admin's login hands over to the staff sign-in; supervisors keep the staff accounts
and the groups' sign-in rules here."""

from allauth.account.decorators import secure_admin_login
from allauth.mfa.models import Authenticator
from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from staff import accounts
from staff.models import GroupSignInPolicy, StaffAccount

admin.site.login = secure_admin_login(admin.site.login)


@admin.register(GroupSignInPolicy)
class GroupSignInPolicyAdmin(admin.ModelAdmin):
    list_display = ["group", "passkey_only"]
    list_editable = ["passkey_only"]

    def has_delete_permission(self, request, obj=None):
        return False  # a rule is switched off, not deleted, so the trail stays in the history


class InviteForm(forms.ModelForm):
    role = forms.ChoiceField(label=_("role"))

    class Meta:
        model = StaffAccount
        fields = ["username", "email"]

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request
        self.fields["email"].required = True
        self.fields["email"].help_text = _("The invitation goes to this address.")
        roles = accounts.roles_for(request.user) if request else []
        self.fields["role"].choices = [(r, accounts.ROLE_LABELS[r]) for r in roles]


class ResetForm(forms.Form):
    checked = forms.BooleanField(
        label=_("I have checked who is asking (in person, or by calling back a known number)."),
        required=True,
    )
    reason = forms.CharField(label=_("How"), max_length=150)


@admin.register(StaffAccount)
class StaffAccountAdmin(admin.ModelAdmin):
    list_display = ["username", "email", "role", "is_active", "second_factor", "last_login"]
    list_filter = ["is_active", "groups"]
    search_fields = ["username", "email"]
    ordering = ["username"]
    actions = ["disable", "reset"]

    def get_queryset(self, request):
        queryset = super().get_queryset(request).filter(is_staff=True).prefetch_related("groups")
        return queryset if request.user.is_superuser else queryset.filter(is_superuser=False)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = InviteForm

        class BoundInvite(form):
            def __init__(self, *args, **kw):
                super().__init__(*args, request=request, **kw)

        return BoundInvite

    def get_fields(self, request, obj=None):
        return ["username", "email", "role"]

    def _manager(self, request) -> bool:
        return request.user.has_perm(accounts.MANAGE_PERMISSION)

    def has_module_permission(self, request):
        return self._manager(request)

    def has_view_permission(self, request, obj=None):
        return self._manager(request)

    def has_add_permission(self, request):
        return self._manager(request)

    def has_change_permission(self, request, obj=None):
        return False  # accounts change only through the steps below

    def has_delete_permission(self, request, obj=None):
        return False  # disabled, never deleted: the audit trail keeps its names

    def has_manage_permission(self, request):
        return self._manager(request)

    @admin.display(description=_("role"))
    def role(self, obj):
        labels = accounts.ROLE_LABELS
        return ", ".join(str(labels.get(g.name, g.name)) for g in obj.groups.all()) or "—"

    @admin.display(description=_("second factor"), boolean=True)
    def second_factor(self, obj):
        return Authenticator.objects.filter(
            user_id=obj.pk, type__in=[Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN]
        ).exists()

    def save_model(self, request, obj, form, change):
        if change:
            raise PermissionDenied
        try:
            account = accounts.invite_staff(
                by=request.user,
                username=form.cleaned_data["username"],
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
            )
        except accounts.AccountError as error:
            raise PermissionDenied(str(error)) from None
        obj.pk = account.pk

    def log_addition(self, request, obj, message):
        return None  # the audit trail records the invitation (staff.signals)

    def response_add(self, request, obj, post_url_continue=None):
        self.message_user(
            request, _("Invitation sent to %(email)s.") % {"email": obj.email}, messages.SUCCESS
        )
        return self.response_post_save_add(request, obj)

    @admin.action(description=_("Disable the account (ends its sessions now)"),
                  permissions=["manage"])  # fmt: skip
    def disable(self, request, queryset):
        if "apply" not in request.POST:
            return self._confirm(request, queryset, "disable", _("Disable these accounts?"))
        self._each(request, queryset, lambda a: accounts.disable_staff(by=request.user, account=a))
        return None

    @admin.action(description=_("Reset the second factor (lost phone or key)…"),
                  permissions=["manage"])  # fmt: skip
    def reset(self, request, queryset):
        form = ResetForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            data = form.cleaned_data
            self._each(
                request, queryset,
                lambda a: accounts.reset_second_factor(
                    by=request.user, account=a, checked=data["checked"], reason=data["reason"]
                ),
            )  # fmt: skip
            return None
        return self._confirm(request, queryset, "reset", _("Reset the second factor?"), form)

    def _each(self, request, queryset, step):
        for account in queryset:
            try:
                step(account)
            except accounts.AccountError as error:
                self.message_user(request, f"{account}: {error}", messages.ERROR)
            else:
                self.message_user(request, f"{account}: " + str(_("done.")), messages.SUCCESS)

    def _confirm(self, request, queryset, action, title, form=None):
        context = {
            **self.admin_site.each_context(request),
            "title": title,
            "accounts": queryset,
            "action": action,
            "form": form,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/staff/staffaccount/confirm.html", context)
