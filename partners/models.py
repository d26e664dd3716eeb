from django.db import models
from django.utils.translation import gettext_lazy as _

from media import guard as imageguard


class Partner(models.Model):
    """A member or supporter of the STOP group."""

    class Category(models.TextChoices):
        PUBLIC = "public", _("Public institutions")
        PRIVATE = "private", _("Private sector")
        NGO = "ngo", _("Non-governmental organisations")
        SUPPORTER = "supporter", _("Supporters")

    slug = models.SlugField(_("identifier"), unique=True)
    name = models.CharField(_("name"), max_length=200)
    category = models.CharField(_("category"), max_length=10, choices=Category.choices)
    description = models.TextField(_("description"), blank=True)
    logo = models.ImageField(
        _("logo"), upload_to="partners/", blank=True, validators=[imageguard.validate_upload]
    )
    website = models.URLField(_("website"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    # Which seed file the row came from, and the fingerprint of what was loaded
    # (campaign.seed): an editor's change is never overwritten by a later load.
    seed_key = models.CharField(max_length=120, blank=True, editable=False, db_index=True)
    seed_hash = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["order", "slug"]

    def __str__(self) -> str:
        return self.name
