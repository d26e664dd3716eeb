"""The report form, the follow-up code form and the reply form.

Only "where" and "what happened" are required: a hotline takes incomplete reports.
"""

from __future__ import annotations

from datetime import timedelta

from django import forms
from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from reports.intake import countries
from reports.intake.fields import LongSelect, MultipleFileInput, MultiplePhotoField, UncutCharField
from reports.models import Consent, Report

DESCRIPTION_MAX = 5000
TEXT_MAX = 2000
LINE_MAX = 200

UNKNOWN = "unknown"
NOT_SURE = _("I'm not sure")
# Travellers abroad may be a day ahead of Brussels.
FUTURE_TOLERANCE_DAYS = 1


def _choices(*pairs, blank=True):
    return ([("", _("— Choose —"))] if blank else []) + list(pairs)


PHOTOS_HELP = _(
    "Up to 5 photos (JPEG, PNG or WebP), 20 MB each: phone photos are fine, we make them "
    "smaller. Choose all the photos at once. We remove all hidden data."
)


# What the reporter agrees to, in their words (the case file's Consent, the staff's words).
CONSENT_CHOICES = [
    (
        Consent.ANONYMOUS,
        _("Stay anonymous: I will read ECPAT's questions on the follow-up page, with my code"),
    ),
    (Consent.ECPAT, _("ECPAT may contact me (give an email address or a phone number)")),
    (
        Consent.POLICE,
        _("ECPAT may contact me, and may give my details to the police so that they contact me"),
    ),
]
NOTICE_HELP = _(
    "Only a short notice with nothing of your report and never your code: "
    "“There is news on your report: open the follow-up page.” It needs an email address."
)


def check_contact(form, data) -> None:
    """Being contacted, or told by email, needs a way to reach the person. One error, on the
    email field, and none when the address typed is itself wrong (it already says so)."""
    if "reporter_email" in form.errors:
        return
    email, phone = data.get("reporter_email"), data.get("reporter_phone")
    if data.get("notify_by_email") and not email:
        form.add_error("reporter_email", _("To be told by email, give an email address."))
    elif data.get("consent") in (Consent.ECPAT, Consent.POLICE) and not (email or phone):
        form.add_error(
            "reporter_email", _("To be contacted, give an email address or a phone number.")
        )


def country_choices(*, exclude_belgium: bool = False):
    """Countries in the reader's language and order, the usual destinations first."""
    return countries.grouped_choices(
        exclude={"BE"} if exclude_belgium else (), blank=_("— Choose a country —")
    )


def _text(label, *, max_length=LINE_MAX, help_text="", autocomplete="off", **attrs):
    # autocomplete="off": a suspect's name or a hotel must not stay in the browser's
    # suggestions on a shared device. What is typed is never lost for all that: every
    # error gives the form back whole, and the script keeps a copy in this tab.
    return UncutCharField(
        label=label,
        max_length=max_length,
        required=False,
        help_text=help_text,
        widget=forms.TextInput(attrs={"autocomplete": autocomplete, **attrs}),
    )


def _area(label, *, max_length=TEXT_MAX, rows=3, required=False, help_text=""):
    return UncutCharField(
        label=label,
        max_length=max_length,
        required=required,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows, "data-maxlength": max_length}),
    )


class ReportForm(forms.Form):
    # 1. Where
    location = forms.ChoiceField(
        label=_("Where did it happen?"),
        choices=Report.Location.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "Online (a website, an app, a chat) or a place you cannot name: choose the third "
            "answer. No country is needed then."
        ),
        error_messages={
            "required": _("Say where it happened: in Belgium, abroad, or online or unknown.")
        },
    )
    country = forms.ChoiceField(
        label=_("Country"),
        required=False,
        widget=LongSelect,
        help_text=_(
            "If it happened abroad. Type the first letters of its name to jump in the list."
        ),
    )
    city = _text(_("City or region"))
    place_kind = forms.ChoiceField(
        label=_("Kind of place"), required=False, choices=_choices(*Report.PlaceKind.choices)
    )
    place_name = _text(
        _("Name or address of the place"),
        max_length=300,
        help_text=_("For example the name of the hotel, bar or street."),
    )
    # 2. When
    date = forms.DateField(
        label=_("Date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Approximate if you are not sure, or leave it empty."),
        error_messages={"invalid": _("Enter a real date, for example 2026-03-15.")},
    )
    date_approximate = forms.BooleanField(label=_("I'm not sure of the exact date"), required=False)
    ongoing = forms.ChoiceField(
        label=_("Is it still going on?"),
        required=False,
        choices=_choices(("yes", _("Yes")), ("no", _("No")), (UNKNOWN, NOT_SURE)),
    )
    danger_now = forms.ChoiceField(
        label=_("Is a child in danger right now?"),
        required=False,
        choices=_choices(("yes", _("Yes")), ("no", _("No")), (UNKNOWN, NOT_SURE)),
        help_text=_(
            "If so, call the emergency numbers at the top of this page first. Your answer "
            "makes ECPAT read your report first."
        ),
    )
    # 3. What happened
    description = _area(
        _("What happened?"),
        max_length=DESCRIPTION_MAX,
        rows=8,
        required=True,
        help_text=_(
            "Who, where, when: describe what you saw or heard, in your own words. "
            "At most 5,000 characters."
        ),
    )
    certainty = forms.ChoiceField(
        label=_("How sure are you that a child is at risk?"),
        required=False,
        widget=forms.RadioSelect,
        choices=[
            ("sure", _("I am sure")),
            ("likely", _("I think so")),
            ("unsure", _("I'm not sure, but something felt wrong")),
        ],
        help_text=_("Optional. Report even if you are not sure: the police establish the facts."),
    )
    # 4. The child or children
    children_count = forms.ChoiceField(
        label=_("How many children?"),
        required=False,
        choices=_choices(("1", "1"), ("2-3", "2-3"), ("4+", _("4 or more")), (UNKNOWN, NOT_SURE)),
    )
    children_ages = forms.MultipleChoiceField(
        label=_("Approximate age"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=[
            ("0-5", _("under 6")),
            ("6-11", _("6 to 11")),
            ("12-15", _("12 to 15")),
            ("16-17", _("16 or 17")),
            (UNKNOWN, NOT_SURE),
        ],
    )
    children_sex = forms.ChoiceField(
        label=_("Sex"),
        required=False,
        choices=_choices(
            ("girls", _("Girl(s)")),
            ("boys", _("Boy(s)")),
            ("both", _("Girls and boys")),
            (UNKNOWN, NOT_SURE),
        ),
    )
    children_description = _area(
        _("Description of the child or children"),
        help_text=_("Appearance, clothes, language, anything that may help to find them."),
    )
    # 5. The person or persons suspected
    suspects_count = forms.ChoiceField(
        label=_("How many people?"),
        required=False,
        choices=_choices(("1", "1"), ("2-3", "2-3"), ("4+", _("4 or more")), (UNKNOWN, NOT_SURE)),
    )
    suspects_description = _area(
        _("Description"), help_text=_("Age, appearance, clothes, behaviour.")
    )
    suspects_language = _text(_("Language spoken"))
    suspects_nationality = forms.ChoiceField(
        label=_("Nationality, if known"), required=False, widget=LongSelect
    )
    suspects_name = _text(_("Name, if known"))
    suspects_vehicle = _text(_("Vehicle"), help_text=_("Make, colour, number plate."))
    travel_flight = _text(_("Flight number and date"))
    travel_airline = _text(_("Airline"))
    travel_operator = _text(_("Tour operator or travel agency"))
    travel_hotel = _text(_("Hotel where the person stays"))
    # 6. Evidence
    photos = MultiplePhotoField(
        label=_("Photos"),
        help_text=PHOTOS_HELP,
        widget=MultipleFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    keep_photo_place_time = forms.BooleanField(
        label=_("Keep the place and time the photos were taken"),
        required=False,
        help_text=_(
            "This helps the police, but it also tells where you were. Off by default: "
            "we then remove everything. If you tick it, we keep only these two values, encrypted."
        ),
    )
    links = _area(
        _("Links"),
        help_text=_(
            "Web addresses of ads, profiles, chats or pages, one per line. Copy the address: "
            "never download or capture the images themselves."
        ),
    )
    # 7. You
    reporter_name = _text(_("Your name"), autocomplete="name")
    reporter_email = forms.EmailField(
        label=_("Your email address"),
        required=False,
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"invalid": _("Enter an email address like name@example.com.")},
    )
    reporter_phone = _text(_("Your phone number"), max_length=40, autocomplete="tel", type="tel")
    reporter_language = forms.ChoiceField(
        label=_("Language for contacting you"),
        required=False,
        choices=_choices(*[(code, name) for code, name in settings.LANGUAGES]),
    )
    consent = forms.ChoiceField(
        label=_("May we contact you?"),
        required=False,
        initial=Consent.ANONYMOUS,
        widget=forms.RadioSelect,
        choices=CONSENT_CHOICES,
        help_text=_("You can change this later on the follow-up page."),
    )
    notify_by_email = forms.BooleanField(
        label=_("Tell me by email when ECPAT writes to me on the follow-up page"),
        required=False,
        help_text=NOTICE_HELP,
    )
    # Anti-spam, without tracking anyone: a field people never see, and the fill time.
    website = forms.CharField(required=False, label=_("Leave this field empty"))

    # (key, title, fields): the form's order, which every reading of a report follows
    # (reports.intake.schema).
    SECTIONS = [
        ("where", _("Where"), ["location", "country", "city", "place_kind", "place_name"]),
        ("when", _("When"), ["date", "date_approximate", "ongoing", "danger_now"]),
        ("what", _("What happened"), ["description", "certainty"]),
        (
            "children",
            _("The child or children"),
            ["children_count", "children_ages", "children_sex", "children_description"],
        ),
        (
            "suspects",
            _("The person or persons suspected"),
            [
                "suspects_count",
                "suspects_description",
                "suspects_language",
                "suspects_nationality",
                "suspects_name",
                "suspects_vehicle",
                "travel_flight",
                "travel_airline",
                "travel_operator",
                "travel_hotel",
            ],
        ),
        ("evidence", _("Evidence"), ["photos", "keep_photo_place_time", "links"]),
        (
            "you",
            _("You (optional)"),
            [
                "consent",
                "reporter_name",
                "reporter_email",
                "reporter_phone",
                "reporter_language",
                "notify_by_email",
            ],
        ),
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = country_choices(exclude_belgium=True)
        self.fields["suspects_nationality"].choices = country_choices()
        self.fields["description"].error_messages["required"] = _(
            "Describe what happened, even briefly."
        )

    def sections(self):
        for _key, title, names in self.SECTIONS:
            yield title, [self[name] for name in names]

    def keyed_sections(self):
        for key, title, names in self.SECTIONS:
            yield key, title, [self[name] for name in names]

    def clean_date(self):
        date = self.cleaned_data.get("date")
        today = timezone.localdate()
        if date and date > today + timedelta(days=FUTURE_TOLERANCE_DAYS):
            raise forms.ValidationError(
                _("The date is in the future: give the day it happened, or leave it empty.")
            )
        return date

    def clean(self):
        data = super().clean()
        location = data.get("location")
        if location == Report.Location.ABROAD and not data.get("country"):
            self.add_error("country", _("Choose the country where it happened."))
        if location == Report.Location.BELGIUM:
            data["country"] = "BE"
        check_contact(self, data)
        return data

    def content(self) -> dict:
        """Everything the reporter typed, for the encrypted part of the report."""
        # Only answers: what is kept on the report itself, and the form's controls, are not.
        skip = {
            "location", "country", "place_kind", "photos", "keep_photo_place_time", "website",
            "consent",
        }  # fmt: skip
        content = {}
        for name, value in self.cleaned_data.items():
            if name in skip or value in ("", None, [], False):
                continue
            content[name] = value.isoformat() if hasattr(value, "isoformat") else value
        if content.get("notify_by_email"):
            # The notice is written in the language of the form, unless they chose another.
            content["notice_language"] = translation.get_language()
        return content

    @property
    def chosen_consent(self) -> str:
        return self.cleaned_data.get("consent") or Consent.ANONYMOUS


class FollowUpCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Your follow-up code"),
        max_length=64,
        help_text=_("The code shown when you sent your report, for example 7KQ2-…"),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
        error_messages={"required": _("Type your follow-up code.")},
    )


class ReplyForm(forms.Form):
    message = _area(
        _("Your answer or new information"),
        max_length=DESCRIPTION_MAX,
        rows=6,
        help_text=_("At most 5,000 characters."),
    )
    photos = MultiplePhotoField(
        label=_("Photos"),
        help_text=PHOTOS_HELP,
        widget=MultipleFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    keep_photo_place_time = forms.BooleanField(
        label=_("Keep the place and time the photos were taken"), required=False
    )


class ConsentForm(forms.Form):
    """The reporter changes what they agreed to, from the follow-up page."""

    consent = forms.ChoiceField(
        label=_("May we contact you?"), widget=forms.RadioSelect, choices=CONSENT_CHOICES
    )
    reporter_email = forms.EmailField(
        label=_("Your email address"),
        required=False,
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"invalid": _("Enter an email address like name@example.com.")},
    )
    reporter_phone = _text(_("Your phone number"), max_length=40, autocomplete="tel", type="tel")
    notify_by_email = forms.BooleanField(
        label=_("Tell me by email when ECPAT writes to me on the follow-up page"),
        required=False,
        help_text=NOTICE_HELP,
    )

    def __init__(self, *args, report=None, **kwargs):
        content = (report.content or {}) if report is not None else {}
        self.has_email = bool(content.get("reporter_email"))
        self.has_phone = bool(content.get("reporter_phone"))
        kwargs.setdefault(
            "initial",
            {
                "consent": report.consent if report is not None else Consent.ANONYMOUS,
                "notify_by_email": bool(content.get("notify_by_email")),
            },
        )
        super().__init__(*args, **kwargs)
        if self.has_email or self.has_phone:
            help_text = _("We have contact details from your report. Fill in only to change them.")
            self.fields["reporter_email"].help_text = help_text

    def clean(self):
        data = super().clean()
        known = {
            "reporter_email": data.get("reporter_email") or ("kept" if self.has_email else ""),
            "reporter_phone": data.get("reporter_phone") or ("kept" if self.has_phone else ""),
        }
        check_contact(self, {**data, **known})
        return data
