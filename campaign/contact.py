"""The contact page: the organisation's details and a form that reaches ECPAT's inbox.

What a person writes is stored encrypted; the inbox is told that a message arrived, never
what it says. Limited per client (limits.throttle, one statement), checked for robots like
the report form, every error translated and the form given back as typed. The blank page is
everyone's (no token: edge.crossorigin); an answer to what a person sent is never kept."""

from __future__ import annotations

import logging

from django import forms
from django.conf import settings
from django.db import transaction
from django.shortcuts import render
from django.tasks import task
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from campaign.models import ContactMessage, Organisation
from edge.crossorigin import token_free
from edge.httpcache import public_page
from limits import throttle
from mailing.delivery import deliver, forgotten_when_finished

logger = logging.getLogger(__name__)

CONTACT_WINDOW = 3600


class ContactForm(forms.Form):
    topic = forms.ChoiceField(label=_("What is it about?"), choices=ContactMessage.Topic.choices)
    name = forms.CharField(label=_("Your name (optional)"), max_length=200, required=False,
                           widget=forms.TextInput(attrs={"autocomplete": "name"}))  # fmt: skip
    email = forms.EmailField(
        label=_("Your email address"), max_length=254,
        help_text=_("So that ECPAT can answer you."),
        error_messages={
            "required": _("Give an email address, so that ECPAT can answer you."),
            "invalid": _("Enter an email address such as name@example.org."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )  # fmt: skip
    organisation = forms.CharField(
        label=_("Your organisation (optional)"), max_length=200, required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )  # fmt: skip
    message = forms.CharField(
        label=_("Your message"), max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": _("Write your message.")},
        help_text=_("At most 5,000 characters."),
    )  # fmt: skip
    # A field people never see: robots fill it in.
    website = forms.CharField(required=False, label=_("Leave this field empty"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            css = "form-select" if isinstance(field, forms.ChoiceField) else "form-control"
            field.widget.attrs.setdefault("class", css)
            if field.help_text:
                field.widget.attrs["aria-describedby"] = f"id_{name}_help"

    def content(self) -> dict:
        data = self.cleaned_data
        return {k: data[k] for k in ("name", "email", "organisation", "message") if data.get(k)}


@forgotten_when_finished
@task
def notify_contact_inbox(message_id: int, attempt: int = 1) -> None:
    """Content-free: that a message arrived, and where to read it."""
    with translation.override("en"):
        path = reverse("admin:campaign_contactmessage_change", args=[message_id])
    deliver(
        "Je dis STOP! — a message arrived through the contact form",
        f"A message arrived through the contact form.\n\n{settings.SITE_URL}{path}\n",
        settings.CONTACT_INBOX, kind="contact", attempt=attempt,
        retry=lambda when, again: notify_contact_inbox.using(run_after=when).enqueue(
            message_id, again
        ),
    )  # fmt: skip


@token_free
@require_http_methods(["GET", "HEAD", "POST"])
def contact(request):
    if request.method in ("GET", "HEAD"):
        return _blank_contact(request)
    response = _contact(request)
    add_never_cache_headers(response)
    return response


@public_page
def _blank_contact(request):
    """The same page for everyone (for each `topic` it is opened with): kept by nginx."""
    form = ContactForm(initial={"topic": request.GET.get("topic")})
    context = {"form": form, "organisation": Organisation.current(), "sent": False}
    return render(request, "campaign/contact.html", context)


def _contact(request):
    form = ContactForm(request.POST)
    context = {"form": form, "organisation": Organisation.current(), "sent": False}
    status = 200
    if form.is_valid():
        if form.cleaned_data.get("website"):
            context["sent"] = True  # a robot: thanked, nothing kept
            return render(request, "campaign/contact.html", context)
        attempt = throttle.take("contact", request, settings.CONTACT_LIMIT, CONTACT_WINDOW)
        if not attempt:
            minutes = max(1, attempt.retry_after // 60)
            form.add_error(None, _(
                "Many messages were sent from your connection in the last hour. Your message "
                "is still here: send it again in %(minutes)d minutes."
            ) % {"minutes": minutes})  # fmt: skip
            status = 429
        else:
            with transaction.atomic():
                message = ContactMessage(topic=form.cleaned_data["topic"])
                message.content = form.content()
                message.save()
                transaction.on_commit(lambda: notify_contact_inbox.enqueue(message.pk))
            context["sent"] = True
            context["form"] = ContactForm(initial={"topic": form.cleaned_data["topic"]})
    response = render(request, "campaign/contact.html", context, status=status)
    if status == 429:
        response["Retry-After"] = str(attempt.retry_after)
    return response
