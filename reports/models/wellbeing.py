"""Staff wellbeing: how photos are shown to each person, and the exposure counted."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PhotoDisplay(models.TextChoices):
    """How photos are shown before a click: always blurred, never in clear."""

    STRONG_GREY = "strong_grey", _("Strongly blurred, in greyscale")
    STRONG_COLOUR = "strong_colour", _("Strongly blurred, in colour")
    LIGHT_GREY = "light_grey", _("Lightly blurred, in greyscale")
    LIGHT_COLOUR = "light_colour", _("Lightly blurred, in colour")


class Wellbeing(models.Model):
    """A staff member's own choice of how photos are shown (blank: the team's default)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="wellbeing"
    )
    photo_display = models.CharField(
        _("how photos are shown"), max_length=14, choices=PhotoDisplay.choices, blank=True
    )

    class Meta:
        verbose_name = _("wellbeing setting")
        verbose_name_plural = _("wellbeing settings")

    def __str__(self) -> str:
        return str(self.user)


class TeamWellbeing(models.Model):
    """The team's defaults, set by supervisors (one row)."""

    photo_display = models.CharField(
        _("how photos are shown by default"), max_length=14, choices=PhotoDisplay.choices,
        default=PhotoDisplay.STRONG_GREY,
    )  # fmt: skip
    changed_at = models.DateTimeField(auto_now=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip

    class Meta:
        verbose_name = _("team wellbeing default")
        verbose_name_plural = _("team wellbeing defaults")

    def __str__(self) -> str:
        return self.get_photo_display_display()

    @classmethod
    def current(cls) -> TeamWellbeing:
        return cls.objects.order_by("pk").first() or cls()


class Exposure(models.Model):
    """What one person looked at on one day: photos revealed, seconds on report pages. Shown
    to that person only; nobody else's page reads it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="exposures"
    )
    day = models.DateField()
    photos_revealed = models.PositiveIntegerField(default=0)
    seconds_on_reports = models.PositiveIntegerField(default=0)
    last_beat_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "day"], name="exposure_once_a_day")]

    def __str__(self) -> str:
        return f"{self.user_id} {self.day}"
