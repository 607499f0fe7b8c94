"""Lists of threads with what each reader has not read yet."""

from django.db.models import OuterRef, Subquery

from .models import ReadState


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
