"""A dossier file's form: encrypted by default with a proposed passphrase, or without one
only with a reason."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from reports.referrals.passphrase import problem as strength_problem


class DeliveryForm(forms.Form):
    """A dossier file that leaves the building: encrypted by default, with the passphrase
    the site proposes or one as strong (reports.referrals.passphrase); without one only
    with a reason, recorded on the referral. A passphrase is never rendered back: a form
    given back proposes a new one."""

    kind = forms.ChoiceField(choices=[("pdf", "PDF"), ("zip", "ZIP")])
    recipient = forms.CharField(label=_("for"), max_length=200)
    passphrase = forms.CharField(
        label=_("passphrase"), max_length=200, required=False,
        widget=forms.PasswordInput(render_value=False),
        help_text=_("Give it to the recipient another way (by phone, say)."),
    )  # fmt: skip
    unencrypted = forms.BooleanField(label=_("without a passphrase"), required=False)
    reason = forms.CharField(
        label=_("why without a passphrase"), max_length=2000, required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Recorded on the referral; only staff read it."),
    )  # fmt: skip

    def clean(self):
        data = super().clean()
        passphrase = data.get("passphrase", "")
        if data.get("unencrypted"):
            if passphrase:
                self.add_error(
                    "passphrase",
                    _("You chose a file without a passphrase and typed one: choose one or "
                      "the other."),
                )  # fmt: skip
            if not data.get("reason", "").strip():
                self.add_error("reason", _("Say why this file leaves without a passphrase."))
        elif not passphrase:
            self.add_error(
                "passphrase",
                _("A file that leaves the building is protected with a passphrase: use the "
                  "one proposed, or say why it must leave without one."),
            )  # fmt: skip
        else:
            weak = strength_problem(passphrase)
            if weak:
                self.add_error("passphrase", weak)
        return data
