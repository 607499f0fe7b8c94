"""The network's shared vocabulary.

For now this is the four *clusters* of Dutch special education, which schools,
knowledge articles and events are all described by. Boards, schools and people
follow in the network issue.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Cluster(models.Model):
    """One of the four fixed clusters; rows are created by a data migration."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    name = models.CharField(_("name"), max_length=120)
    description = models.CharField(_("description"), max_length=255, blank=True)

    class Meta:
        ordering = ["number"]
        verbose_name = _("cluster")
        verbose_name_plural = _("clusters")

    def __str__(self) -> str:
        return f"{_('Cluster')} {self.number}: {self.name}"
