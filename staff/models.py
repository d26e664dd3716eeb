from django.contrib.auth.models import Group, User
from django.db import models
from django.utils.translation import gettext_lazy as _


class GroupSignInPolicy(models.Model):
    """How the members of a staff group sign in. A supervisor can require passkeys: a
    passkey cannot be phished (it answers only to this site's name), a password and a code
    can."""

    group = models.OneToOneField(
        Group, verbose_name=_("group"), on_delete=models.CASCADE, related_name="sign_in_policy"
    )
    passkey_only = models.BooleanField(
        _("passkey only"),
        default=False,
        help_text=_(
            "Members sign in with a passkey only, never with a password and a code. A member "
            "without a passkey yet signs in once with their code, to add one, and reaches "
            "nothing else until they have."
        ),
    )

    class Meta:
        verbose_name = _("sign-in rule of a group")
        verbose_name_plural = _("sign-in rules of groups")

    def __str__(self) -> str:
        return self.group.name


class StaffAccount(User):
    """Staff accounts as supervisors see them (staff.accounts changes them)."""

    class Meta:
        proxy = True
        verbose_name = _("staff account")
        verbose_name_plural = _("staff accounts")
        permissions = [
            ("manage_staffaccount", _("Can invite, disable and reset staff accounts")),
        ]


class StaffKey(models.Model):
    """A team member's key pair: the public key in clear, the private key wrapped under a
    key derived from their password (encryption.staffkeys), with the derivation's salt and
    parameters. Made at the member's first sign-in with a password; nothing here opens
    without that password."""

    user = models.OneToOneField(
        User, verbose_name=_("person"), on_delete=models.CASCADE, related_name="staff_key"
    )
    public_key = models.BinaryField(max_length=32)
    wrapped_private_key = models.BinaryField()
    salt = models.BinaryField(max_length=16)
    memory_kib = models.PositiveIntegerField()
    iterations = models.PositiveSmallIntegerField()
    lanes = models.PositiveSmallIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)
    wrapped_at = models.DateTimeField()
    # The same private key wrapped under each passkey that can open it (WebAuthn's PRF):
    # {credential id (base64url): wrapped (base64)}. A passkey sign-in then needs no password.
    passkey_wraps = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("staff key")
        verbose_name_plural = _("staff keys")

    def __str__(self) -> str:
        return str(self.user_id)
