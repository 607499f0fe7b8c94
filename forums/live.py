"""What happens after a post is written or changed, once the transaction has
committed: open thread pages get the post, forum indexes their counts, and
subscribers and mentioned members a notification.

Channel-layer groups (the consumers in consumers.py join them after checking
the same permissions as the views):
    forum.thread.<thread id>   the posts of one thread, as they happen
    forum.place.<kind>.<id>    new activity in a category or group (kind: c, g)
    forum.user.<user id>       one person's sockets: re-check access when their
                               group memberships change

Messages:
    {"type": "post.event", "event": "new" | "edited" | "hidden" | "restored",
     "position": int, "version": int, "html": {language code: str},
     "author": str}
    {"type": "post.event", "event": "sync", "version": int}
                                 (posts arrived by a merge: pages fetch them)
    {"type": "place.event", "place": "c.<id>" | "g.<id>", "thread": int,
     "post_count": int, "new_thread": bool, "author_id": int | None}
    {"type": "access.changed"}   (to a user group, or to a thread group when
                                  a thread is hidden or moved: each socket
                                  asks the permission question again)

Nothing here is the only way a page learns of a post. The channel layer may
drop a message (a full channel, a Redis restart, a socket reconnecting), so
every change takes the thread's next version inside its transaction
(take_version), messages carry it, and a page that sees a gap, a ping with a
newer version or a reconnect fetches what it missed from the catch-up view,
which asks the same permission question as the thread page.
"""

import logging

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import translation

from network.background import enqueue

logger = logging.getLogger(__name__)


def thread_group(thread_id: int) -> str:
    return f"forum.thread.{thread_id}"


def place_key(thread) -> str:
    """The place as the index page marks it: "c.<category id>" or "g.<group id>"."""
    return f"g.{thread.group_id}" if thread.group_id else f"c.{thread.category_id}"


def place_group(thread) -> str:
    return place_group_for(*place_key(thread).split("."))


def place_group_for(kind: str, place_id) -> str:
    return f"forum.place.{kind}.{place_id}"


def user_group(user_id: int) -> str:
    return f"forum.user.{user_id}"


def take_version(thread_id: int) -> int:
    """The thread's next version, for a change being written in the current
    transaction. The UPDATE holds the thread's row until the commit, so two
    changes at once get consecutive versions and a page that sees version N
    knows every change up to N has committed."""
    from .models import Thread

    Thread.objects.filter(pk=thread_id).update(version=F("version") + 1)
    return Thread.objects.values_list("version", flat=True).get(pk=thread_id)


def _send(group: str, message: dict) -> None:
    """Live updates are a courtesy: the post is saved already, so a channel
    layer that is down (Redis restarting) is logged, not shown as an error."""
    layer = get_channel_layer()
    if layer is None:
        return
    try:
        async_to_sync(layer.group_send)(group, message)
    except Exception:  # noqa: BLE001 - any transport failure, see docstring
        logger.warning("Live update to %s failed", group, exc_info=True)


def post_html(post) -> str:
    """The post as every reader of the thread sees it (no personal buttons):
    sent once to all open pages; body_html was cleaned by nh3 when saved."""
    from .rendering import attach_shared_html

    # No reader: what anyone may see.
    attach_shared_html([post], post.thread, None, is_moderator=False)
    return render_to_string(
        "forums/includes/post.html",
        {"post": post, "thread": post.thread, "live": True, "user": None},
    )


def post_html_by_language(post) -> dict[str, str]:
    """post_html in each site language: the page that receives it picks its
    own, so a Dutch page never gets an English "Reply 3" from an English poster."""
    html = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            html[code] = post_html(post)
    return html


def after_commit_new_post(post, *, new_thread: bool = False) -> None:
    from .tasks import notify_about_post

    def publish():
        thread = post.thread
        _send(
            thread_group(thread.pk),
            {
                "type": "post.event",
                "event": "new",
                "position": post.position,
                "version": post.version,
                "html": post_html_by_language(post),
                "author": str(post.author_name),
            },
        )
        # A hidden thread's activity is for moderators only; the index counts
        # of everyone else must not give it away.
        if not thread.is_hidden:
            _send(
                place_group(thread),
                {
                    "type": "place.event",
                    "place": place_key(thread),
                    "thread": thread.pk,
                    "post_count": thread.post_count,
                    "new_thread": new_thread,
                    "author_id": post.author_id,
                },
            )

    transaction.on_commit(publish)
    # The notifications' fan-out is queued in this transaction (after the live
    # update, which the immediate backend then runs first).
    enqueue(notify_about_post, post.pk, new_thread)


def after_commit_post_changed(post, event: str) -> None:
    """`event` is "edited", "hidden" or "restored"."""

    def publish():
        _send(
            thread_group(post.thread_id),
            {
                "type": "post.event",
                "event": event,
                "position": post.position,
                "version": post.version,
                "html": post_html_by_language(post),
                "author": str(post.author_name),
            },
        )

    transaction.on_commit(publish)


def after_commit_posts_arrived(thread_id: int, version: int) -> None:
    """Posts came into the thread all at once (a merge): open pages fetch them
    through the catch-up view rather than receive each one."""
    transaction.on_commit(
        lambda: _send(
            thread_group(thread_id),
            {"type": "post.event", "event": "sync", "version": version},
        )
    )


def membership_changed(user_id: int) -> None:
    transaction.on_commit(
        lambda: _send(user_group(user_id), {"type": "access.changed"})
    )


def thread_access_changed(thread_id: int) -> None:
    """Call when a thread is hidden, restored, moved or merged: every open
    socket on it asks the permission question again (and closes if the answer
    is now no)."""
    transaction.on_commit(
        lambda: _send(thread_group(thread_id), {"type": "access.changed"})
    )
