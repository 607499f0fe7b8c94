"""Business rules of the network app that change data. Each function runs in a
transaction and raises NetworkError with a `code` when a rule says no."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from .models import TaggedTopic, Topic


class NetworkError(Exception):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


@transaction.atomic
def merge_topics(source: Topic, target: Topic) -> int:
    """Move every use of `source` to `target`, then delete `source`. A profile
    that had both keeps one. Returns how many profiles were moved."""
    if source.pk == target.pk:
        raise NetworkError("same-topic", _("Choose two different topics."))
    already = TaggedTopic.objects.filter(tag=target).values("content_object_id")
    TaggedTopic.objects.filter(tag=source, content_object_id__in=already).delete()
    affected = list(
        TaggedTopic.objects.filter(tag=source).values_list(
            "content_object_id", flat=True
        )
    )
    moved = TaggedTopic.objects.filter(tag=source).update(tag=target)
    if source.description and not target.description:
        target.description = source.description
        target.save(update_fields=["description"])
    source.delete()
    from .search_text import refresh_search_text

    refresh_search_text(affected)
    return moved
