"""What a reader has read and follows: unread counts on lists of threads,
and whether they follow a place or thread."""

from django.db.models import OuterRef, Subquery

from .models import Category, Group, ReadState, Subscription, Thread


def with_read_state(threads, user):
    """Annotate `last_read` (0 when never opened) for a signed-in reader."""
    if not getattr(user, "is_authenticated", False):
        return threads
    read = ReadState.objects.filter(user=user, thread=OuterRef("pk")).values(
        "last_read_position"
    )[:1]
    return threads.annotate(last_read=Subquery(read))


def unread_count(thread) -> int | None:
    last_read = getattr(thread, "last_read", None)
    if not hasattr(thread, "last_read"):
        return None
    return max(thread.post_count - (last_read or 0), 0)


def follows(user, target) -> bool:
    """Whether `user` follows `target`, a category, group or thread."""
    if not user.is_authenticated:
        return False
    field = {Category: "category", Group: "group", Thread: "thread"}[type(target)]
    return Subscription.objects.filter(user=user, **{field: target}).exists()
