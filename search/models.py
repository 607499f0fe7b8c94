"""What people search for, counted per day: for editors to see which knowledge
is sought and which is missing. Who searched is never stored."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class QueryStat(models.Model):
    day = models.DateField(_("day"))
    query = models.CharField(_("search words"), max_length=100)
    searches = models.PositiveIntegerField(_("searches"), default=0)
    zero_results = models.PositiveIntegerField(
        _("searches that found nothing"), default=0
    )

    class Meta:
        verbose_name = _("search statistic")
        verbose_name_plural = _("search statistics")
        constraints = [
            models.UniqueConstraint(
                fields=["day", "query"], name="one_stat_per_query_per_day"
            )
        ]
        indexes = [models.Index(fields=["day"])]

    def __str__(self) -> str:
        return f"{self.day} {self.query}"
