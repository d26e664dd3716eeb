"""The sign-in library's code forms, with the phone's numeric keyboard."""

from allauth.mfa.base.forms import AuthenticateForm, ReauthenticateForm
from allauth.mfa.totp.forms import ActivateTOTPForm
from django.utils.translation import gettext_lazy as _

CODE_ATTRS = {
    "autocomplete": "one-time-code",
    "inputmode": "numeric",
    "pattern": "[0-9 ]*",
    "autofocus": True,
    "size": 10,
}


class _NumericCode:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].widget.attrs.update(CODE_ATTRS)
        self.fields["code"].widget.attrs.pop("placeholder", None)

    def clean_code(self):
        # Codes are often copied with a space in the middle ("123 456").
        self.cleaned_data["code"] = "".join(self.cleaned_data["code"].split())
        return super().clean_code()


class StaffAuthenticateForm(_NumericCode, AuthenticateForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].label = _("Code from your app, or a recovery code")


class StaffReauthenticateForm(_NumericCode, ReauthenticateForm):
    pass


class StaffActivateTOTPForm(_NumericCode, ActivateTOTPForm):
    pass
