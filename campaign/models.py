"""Campaign pages, key figures and news articles. Texts are translated with
django-modeltranslation (fields `<name>_fr`, `<name>_nl`, `<name>_en`, see translation.py);
bodies are Markdown, rendered and sanitised by campaign.markup."""

from __future__ import annotations

import base64
import math

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from encryption import holders as keyholders
from encryption import sealing
from encryption.fields import NotYetSealed, SealedJSONField
from media import guard as imageguard


class Page(models.Model):
    """A campaign page. Its address is fixed in campaign.urls; its text is edited here."""

    class Key(models.TextChoices):
        CAMPAIGN = "campaign", _("The campaign")
        EXPLOITATION = "exploitation", _("What is child sexual exploitation?")
        HOW_TO_ACT = "how-to-act", _("How to act")
        THE_CODE = "the-code", _("The Code")
        PROJECTS = "projects", _("Projects")
        PRIVACY = "privacy", _("Privacy and legal notice")
        FAQ = "faq", _("Frequently asked questions")
        TRAVEL = "before-you-travel", _("Before you travel")
        PROFESSIONALS = "professionals", _("For tourism professionals")

    slug = models.CharField(_("page"), max_length=32, choices=Key.choices, unique=True)
    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(
        _("summary"), max_length=300, help_text=_("One sentence, shown to search engines.")
    )
    body = models.TextField(
        _("text"), help_text=_("Markdown: ## headings, lists, **bold**, links.")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    # Which seed file the row came from, and the fingerprint of what was loaded
    # (campaign.seed): an editor's change is never overwritten by a later load.
    seed_key = models.CharField(max_length=120, blank=True, editable=False, db_index=True)
    seed_hash = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        ordering = ["order", "slug"]

    def __str__(self) -> str:
        return self.title or self.slug

    def get_absolute_url(self) -> str:
        return reverse(f"campaign:{self.slug}")


class KeyFigure(models.Model):
    value = models.CharField(_("figure"), max_length=20)
    label = models.CharField(_("label"), max_length=120)
    source = models.CharField(
        _("source"), max_length=200, blank=True,
        help_text=_("Where the figure comes from, with its year when the source gives one."),
    )  # fmt: skip
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    # Which seed file the row came from, and the fingerprint of what was loaded
    # (campaign.seed): an editor's change is never overwritten by a later load.
    seed_key = models.CharField(max_length=120, blank=True, editable=False, db_index=True)
    seed_hash = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        verbose_name = _("key figure")
        verbose_name_plural = _("key figures")
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return f"{self.value} {self.label}"


class ArticleQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Article.Status.PUBLISHED, published_at__lte=timezone.now())

    def seconds_until_next_publication(self) -> int | None:
        """Seconds until a scheduled article goes live (None if none is scheduled)."""
        now = timezone.now()
        upcoming = (
            self.filter(status=Article.Status.PUBLISHED, published_at__gt=now)
            .order_by("published_at")
            .values_list("published_at", flat=True)
            .first()
        )
        return None if upcoming is None else math.ceil((upcoming - now).total_seconds())

    def owning_file(self, name: str):
        """The article a public file under news/ belongs to: its image, or a rendition of it
        (named news/renditions/<pk>-…). None for a file of no article."""
        if name.startswith("news/renditions/"):
            pk = name.removeprefix("news/renditions/").split("-", 1)[0]
            return self.filter(pk=int(pk)).first() if pk.isdigit() else None
        return self.filter(image=name).first()

    def in_language(self, language: str | None = None):
        """Articles that have a title in the language (the active one by default)."""
        field = f"title_{language or get_language()}"
        return self.exclude(**{f"{field}__isnull": True}).exclude(**{field: ""})


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    title = models.CharField(_("title"), max_length=200, blank=True)
    slug = models.SlugField(_("slug"), max_length=200, blank=True)
    summary = models.TextField(_("summary"), max_length=400, blank=True)
    body = models.TextField(_("text"), blank=True, help_text=_("Markdown."))
    image = models.ImageField(
        _("image"),
        upload_to="news/",
        blank=True,
        validators=[imageguard.validate_upload],
        width_field="image_width",
        height_field="image_height",
    )
    image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_alt = models.CharField(
        _("image description"),
        max_length=200,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )

    class DateShown(models.TextChoices):
        DAY = "day", _("The date")
        DAY_MONTH = "day_month", _("The day and month, without the year")
        YEAR = "year", _("The year only")
        NONE = "none", _("No date (an archive whose year is not known)")

    # Articles from the former site whose sources give no year are shown as archives, with no
    # invented date: their publication date then only orders them. Where the source gives the
    # day and the facts point to different years, the day is shown without a year.
    date_shown = models.CharField(
        _("date shown"), max_length=9, choices=DateShown.choices, default=DateShown.DAY
    )
    published_at = models.DateTimeField(
        _("publication date"),
        default=timezone.now,
        db_index=True,
        help_text=_("May be in the future: the article appears then."),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        editable=False,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    # Which seed file the row came from, and the fingerprint of what was loaded
    # (campaign.seed): an editor's change is never overwritten by a later load.
    seed_key = models.CharField(max_length=120, blank=True, editable=False, db_index=True)
    seed_hash = models.CharField(max_length=64, blank=True, editable=False)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")
        ordering = ["-published_at", "-pk"]

    def __str__(self) -> str:
        return self.title_fr or self.title_nl or self.title_en or f"#{self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("campaign:article", kwargs={"pk": self.pk, "slug": self.slug or "-"})

    @property
    def is_public(self) -> bool:
        return self.status == self.Status.PUBLISHED and self.published_at <= timezone.now()

    def languages(self) -> list[str]:
        return [code for code, _name in settings.LANGUAGES if getattr(self, f"title_{code}", "")]

    def renditions(self):
        from campaign.images import renditions_for

        return renditions_for(self)


class Organisation(models.Model):
    """Who runs the site: shown on the contact page and in the legal notice. One row, edited
    in the admin; until it is filled in, the pages say the details are not published yet."""

    name = models.CharField(_("name"), max_length=200, default="ECPAT Belgique")
    address = models.TextField(_("postal address"), blank=True)
    company_number = models.CharField(_("company number"), max_length=40, blank=True)
    email = models.EmailField(_("email address"), blank=True)
    phone = models.CharField(_("phone number"), max_length=40, blank=True)
    data_protection_contact = models.CharField(
        _("data protection contact"), max_length=200, blank=True,
        help_text=_("Who answers questions about personal data: a name or a role."),
    )  # fmt: skip
    data_protection_email = models.EmailField(_("data protection email"), blank=True)
    is_demo = models.BooleanField(
        _("demo details"), default=False,
        help_text=_("Ticked: the pages say plainly that these details are demo data."),
    )  # fmt: skip
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("organisation details")
        verbose_name_plural = _("organisation details")

    def __str__(self) -> str:
        return self.name

    @classmethod
    def current(cls) -> Organisation | None:
        return cls.objects.order_by("pk").first()


class ContactMessage(models.Model):
    """A message sent through the contact form. What the person wrote is sealed to those who
    read the contact messages (supervisors) and to the recovery key, not to the server:
    a random key of its own, wrapped to each reader's public key (`wraps`). Staff are told
    that one arrived, never what it says. One sent before a reader joined stays theirs to
    ask a colleague about (the recovery key reads every one)."""

    class Topic(models.TextChoices):
        GENERAL = "general", _("A general question")
        PROFESSIONAL = "professional", _("Tourism professionals: training, The Code, joining")
        PRESS = "press", _("Press")
        PRIVACY = "privacy", _("Personal data and my rights")

    topic = models.CharField(_("topic"), max_length=12, choices=Topic.choices)
    # Name, email, organisation and message, as written.
    content = SealedJSONField(empty={}, db_column="content_encrypted")
    # The message's key wrapped to each reader: {public key (base64): wrapped (base64)}.
    wraps = models.JSONField(default=dict, blank=True, editable=False)
    received_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    handled_at = models.DateTimeField(_("handled"), null=True, blank=True)

    class Meta:
        verbose_name = _("contact message")
        verbose_name_plural = _("contact messages")
        ordering = ["-received_at"]

    def __str__(self) -> str:
        return f"{self.get_topic_display()} {self.received_at:%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs):
        if self._state.adding and not self.wraps:
            key = self.__dict__["_message_key"] = sealing.new_key()
            self.wraps = self._wraps_of(key)
        super().save(*args, **kwargs)

    def _context(self, public: bytes) -> bytes:
        return b"jedisstop contact message key|" + public

    def _wraps_of(self, key: bytes) -> dict:
        from staff import readers

        holders = [public for _user, public in readers.public_keys_of(
            "campaign", "view_contactmessage")]  # fmt: skip
        if (recovery := readers.recovery_public_key()) is not None:
            holders.append(recovery)
        wrapped = {}
        for public in holders:
            wrapped[base64.b64encode(public).decode()] = base64.b64encode(
                sealing.wrap_to(public, key, context=self._context(public))
            ).decode()
        return wrapped

    def sealing_key(self, field) -> tuple[bytes, bytes]:
        context = f"jedisstop sealed|contact message|{field.name}".encode()
        if (made := self.__dict__.get("_message_key")) is not None:
            return made, context
        if not self.wraps:
            raise NotYetSealed  # kept from before: under the site's key
        holder = keyholders.current()
        public = holder.public_key() if holder is not None else None
        wrapped = self.wraps.get(base64.b64encode(public).decode()) if public else None
        if wrapped is None:
            raise sealing.Locked
        return sealing.unwrap_with(
            holder.private_key(), base64.b64decode(wrapped), context=self._context(public)
        ), context
