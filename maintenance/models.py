from django.db import models
from django.utils.translation import gettext_lazy as _


class MaintenanceJob(models.Model):
    """The last run of one daily job (maintenance.jobs)."""

    name = models.CharField(_("job"), max_length=40, primary_key=True)
    last_started_at = models.DateTimeField(_("last started"), null=True, blank=True)
    last_succeeded_at = models.DateTimeField(_("last succeeded"), null=True, blank=True)
    last_failed_at = models.DateTimeField(_("last failed"), null=True, blank=True)
    last_error = models.CharField(_("last error"), max_length=100, blank=True)
    failures_in_a_row = models.PositiveIntegerField(_("failures in a row"), default=0)
    last_result = models.CharField(_("last result"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("maintenance job")
        verbose_name_plural = _("maintenance jobs")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
