from django.db import models
from django.utils.translation import gettext_lazy as _


class DirectoryCount(models.Model):
    """How many profiles an audience sees with one facet value, with nothing
    else chosen; kept up to date by network.directory_counts."""

    audience = models.CharField(max_length=10)
    facet = models.CharField(max_length=20)
    value = models.CharField(max_length=100, blank=True)
    count = models.IntegerField(default=0)

    class Meta:
        verbose_name = _("directory count")
        verbose_name_plural = _("directory counts")
        constraints = [
            models.UniqueConstraint(
                fields=["audience", "facet", "value"], name="one_count_per_value"
            )
        ]

    def __str__(self):
        return f"{self.audience} {self.facet}={self.value}: {self.count}"
