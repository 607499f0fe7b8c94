"""What a reader has read and follows: unread counts on lists of threads,
and whether they follow a place or thread."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, F, Max, OuterRef, Subquery, Sum
from django.db.models.functions import Least

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


@dataclass
class PlaceActivity:
    threads: int = 0
    last_post_at: datetime | None = None
    unread: int = 0  # posts a signed-in reader has not read


def activity_per_place(user, visible) -> dict[tuple[str, int], PlaceActivity]:
    """Per category ("c", pk) and per closed group ("g", pk): its visible
    threads, the time of its last post and the reader's unread posts.

    The threads are counted and their posts summed in one grouped pass; what
    the reader has read comes from their own read states, which are few. A
    thread's unread posts are its posts less those read (never more than it
    has), so a place's unread posts are its posts less the read ones summed.
    Read thread by thread instead, every visible thread came to Python with a
    lookup of its read state: 50,000 at ten times today's forum, 250 ms of
    the forum's front page. A thread in a category and a group counts in
    both; its unread posts count in its category."""
    signed_in = getattr(user, "is_authenticated", False)
    activity: dict = {}
    unread: dict = {}
    places = (
        visible.order_by()
        .values("category_id", "group_id")
        .annotate(
            threads=Count("pk"), last=Max("last_post_at"), posts=Sum("post_count")
        )
    )
    for row in places:
        for key in _keys(row["category_id"], row["group_id"]):
            place = activity.setdefault(key, PlaceActivity())
            place.threads += row["threads"]
            if place.last_post_at is None or row["last"] > place.last_post_at:
                place.last_post_at = row["last"]
        if signed_in:
            key = _unread_key(row["category_id"], row["group_id"])
            unread[key] = unread.get(key, 0) + row["posts"]
    if signed_in:
        read = (
            ReadState.objects.filter(user=user, thread__in=visible)
            .order_by()
            .values(
                category_id=F("thread__category_id"), group_id=F("thread__group_id")
            )
            .annotate(read=Sum(Least("last_read_position", "thread__post_count")))
        )
        for row in read:
            key = _unread_key(row["category_id"], row["group_id"])
            unread[key] = unread.get(key, 0) - row["read"]
        for key, posts in unread.items():
            activity.setdefault(key, PlaceActivity()).unread = max(posts, 0)
    return activity


def _keys(category_id, group_id) -> list[tuple[str, int]]:
    keys = [("c", category_id)] if category_id else []
    return keys + ([("g", group_id)] if group_id else [])


def _unread_key(category_id, group_id) -> tuple[str, int]:
    return ("c", category_id) if category_id else ("g", group_id)
