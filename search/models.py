"""What people search for, counted per day, for editors to see which knowledge
is sought and which is missing (who searched is never stored); and the sector's
words with their abbreviations and synonyms, which a search expands to."""

import re

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


class Term(models.Model):
    """A word of the sector with its other names: "taalontwikkelingsstoornis"
    is also "TOS". A search for any of them searches for all (search.vocabulary).
    Editors keep the list in the admin; a seed list comes with the site."""

    term = models.CharField(_("term"), max_length=100, unique=True)
    abbreviations = models.CharField(
        _("abbreviations"),
        max_length=200,
        blank=True,
        help_text=_("Separated by commas, for example: TOS"),
    )
    synonyms = models.TextField(
        _("synonyms"),
        blank=True,
        help_text=_(
            "Other words or phrases with the same meaning, separated by commas, "
            "for example: taalstoornis, spraak-taalstoornis"
        ),
    )

    class Meta:
        ordering = ["term"]
        verbose_name = _("search term")
        verbose_name_plural = _("search terms")

    def __str__(self) -> str:
        return self.term

    def names(self) -> list[str]:
        """The term and every other name it goes by."""
        return [
            self.term,
            *split_names(self.abbreviations),
            *split_names(self.synonyms),
        ]


def split_names(text: str) -> list[str]:
    """Names from a comma- (or semicolon- or line-) separated list."""
    return [name.strip() for name in re.split(r"[,;\n]", text or "") if name.strip()]
