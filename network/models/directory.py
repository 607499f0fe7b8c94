from django.db import models
from django.utils.translation import gettext_lazy as _


class DirectoryCount(models.Model):
    """How many profiles an audience sees with one facet value (or with two
    values of two facets, the other facet then given); kept up to date by
    network.directory_counts."""

    audience = models.CharField(max_length=10)
    facet = models.CharField(max_length=20)
    value = models.CharField(max_length=100, blank=True)
    other_facet = models.CharField(max_length=20, blank=True)
    other_value = models.CharField(max_length=100, blank=True)
    count = models.IntegerField(default=0)

    class Meta:
        verbose_name = _("directory count")
        verbose_name_plural = _("directory counts")
        constraints = [
            models.UniqueConstraint(
                fields=["audience", "facet", "value", "other_facet", "other_value"],
                name="one_count_per_value",
            )
        ]

    def __str__(self):
        other = f" {self.other_facet}={self.other_value}" if self.other_facet else ""
        return f"{self.audience} {self.facet}={self.value}{other}: {self.count}"
