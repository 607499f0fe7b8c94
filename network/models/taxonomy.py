"""The network's shared vocabulary: clusters, support needs and topics."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from taggit.models import TagBase, TaggedItemBase


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


def also_known_as_field() -> models.CharField:
    """Other names a support need or topic goes by; the site search expands a
    query with them (search.vocabulary)."""
    return models.CharField(
        _("also known as"),
        max_length=200,
        blank=True,
        help_text=_(
            "Abbreviations and other names, separated by commas; a search for "
            "any of them finds this one, for example: TOS, taalontwikkelingsstoornis"
        ),
    )


class SupportNeed(models.Model):
    """A support need (*ondersteuningsbehoefte*): the association's first way of
    describing expertise. Editors curate the list; people pick from it."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)
    also_known_as = also_known_as_field()
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("support need")
        verbose_name_plural = _("support needs")

    def __str__(self) -> str:
        return self.name


class Topic(TagBase):
    """A free topic tag on profiles; editors describe, rename and merge them."""

    description = models.TextField(_("description"), blank=True)
    also_known_as = also_known_as_field()

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]


class TaggedTopic(TaggedItemBase):
    tag = models.ForeignKey(
        Topic, on_delete=models.CASCADE, related_name="tagged_items"
    )
    content_object = models.ForeignKey(
        "network.Profile", on_delete=models.CASCADE, related_name="tagged_topics"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["tag", "content_object"], name="unique_topic_per_profile"
            )
        ]
        indexes = [
            # A profile's topics from the index alone: the directory's topic
            # counts for a text search look up the few thousand matches this
            # way (at 10x 22 ms) instead of reading all 600,000 links (105 ms).
            models.Index(fields=["content_object", "tag"], name="topics_of_profile")
        ]
