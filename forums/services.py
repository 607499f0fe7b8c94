"""Writing in the forums: starting threads, replying, editing, accepting an
answer, marking a post helpful. Views, tests and the seeders go through here.

A post's position is given while the thread row is locked (SELECT ... FOR
UPDATE on PostgreSQL; SQLite's IMMEDIATE transaction), so two replies at the
same moment get consecutive positions and the thread's counters stay true.
After the transaction commits, subscribers and mentioned members are told and
open pages get the new post (live.py)."""

import datetime

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from network.guard import possible_bsns
from network.ratelimit import over_limits

from . import live
from .errors import ForumError, PossibleBSN
from .models import (
    Attachment,
    Post,
    PostRevision,
    Reaction,
    ReadState,
    Subscription,
    Thread,
    ThreadKind,
)
from .permissions import (
    can_accept_answer,
    can_edit_post,
    can_reply,
    is_moderator,
    write_refusal,
)

# (window, limit) per kind of writing; new accounts get the stricter list.
RATE_LIMITS = {
    "thread": [(datetime.timedelta(hours=1), 5), (datetime.timedelta(days=1), 20)],
    "post": [(datetime.timedelta(minutes=1), 6), (datetime.timedelta(hours=1), 60)],
}
NEW_ACCOUNT_RATE_LIMITS = {
    "thread": [(datetime.timedelta(hours=1), 2), (datetime.timedelta(days=1), 5)],
    "post": [(datetime.timedelta(minutes=1), 3), (datetime.timedelta(hours=1), 20)],
}
NEW_ACCOUNT_AGE = datetime.timedelta(days=7)


def _check_guard(*texts: str, confirmed: bool) -> None:
    if confirmed:
        return
    numbers = [n for text in texts for n in possible_bsns(text)]
    if numbers:
        raise PossibleBSN(numbers)


def _check_rate(user, kind: str) -> None:
    if is_moderator(user):
        return
    new_account = user.date_joined > timezone.now() - NEW_ACCOUNT_AGE
    limits = (NEW_ACCOUNT_RATE_LIMITS if new_account else RATE_LIMITS)[kind]
    written = (
        Thread.objects.filter(author=user)
        if kind == "thread"
        else Post.objects.filter(author=user)
    )
    if over_limits(written, limits) is not None:
        raise ForumError(
            "rate-limited",
            _(
                "You have written a lot in a short time. Please wait a while "
                "and try again; nothing you typed is lost."
            ),
        )


def _check_may_write(user, place, thread: Thread | None = None) -> None:
    refusal = write_refusal(user, place, thread)
    if refusal is not None:
        raise refusal


def _add_post(thread: Thread, author, body: str, attachments=()) -> Post:
    """Under the thread lock: the next position, the post, the counters."""
    from .text import render_post

    position = thread.post_count + 1
    post = Post.objects.create(
        thread=thread,
        author=author,
        position=position,
        body=body,
        body_html=render_post(body),
        version=live.take_version(thread.pk),
    )
    for upload in attachments:
        Attachment.objects.create(
            post=post,
            file=upload,
            name=upload.name[:200],
            size=upload.size,
            content_type=getattr(upload, "content_type", "") or "",
        )
    Thread.objects.filter(pk=thread.pk).update(
        post_count=position, last_post_at=post.created_at
    )
    thread.post_count, thread.last_post_at = position, post.created_at
    mark_read(author, thread, position)
    return post


@transaction.atomic
def start_thread(
    author,
    place,
    *,
    title: str,
    body: str,
    kind: str = ThreadKind.QUESTION,
    attachments=(),
    not_a_bsn: bool = False,
) -> Thread:
    from .models import Group

    _check_may_write(author, place)
    _check_guard(title, body, confirmed=not_a_bsn)
    _check_rate(author, "thread")
    thread = Thread.objects.create(
        category=None if isinstance(place, Group) else place,
        group=place if isinstance(place, Group) else None,
        title=title.strip(),
        kind=kind,
        author=author,
        last_post_at=timezone.now(),
    )
    post = _add_post(thread, author, body, attachments)
    Subscription.objects.get_or_create(user=author, thread=thread)
    live.after_commit_new_post(post, new_thread=True)
    return thread


@transaction.atomic
def reply(
    author, thread: Thread, *, body: str, attachments=(), not_a_bsn: bool = False
) -> Post:
    thread = Thread.objects.select_for_update().get(pk=thread.pk)
    _check_may_write(author, thread.place, thread)
    _check_guard(body, confirmed=not_a_bsn)
    _check_rate(author, "post")
    post = _add_post(thread, author, body, attachments)
    live.after_commit_new_post(post)
    return post


@transaction.atomic
def edit_post(editor, post: Post, *, body: str, not_a_bsn: bool = False) -> Post:
    post = Post.objects.select_for_update().select_related("thread").get(pk=post.pk)
    if not can_edit_post(editor, post):
        raise ForumError("forbidden", _("You may not edit this message."))
    _check_guard(body, confirmed=not_a_bsn)
    if body == post.body:
        return post
    from .text import render_post

    PostRevision.objects.create(post=post, body=post.body, editor=editor)
    post.body = body
    post.body_html = render_post(body)
    post.edited_at = timezone.now()
    post.version = live.take_version(post.thread_id)
    post.save(update_fields=["body", "body_html", "edited_at", "version"])
    live.after_commit_post_changed(post, "edited")
    return post


@transaction.atomic
def accept_answer(user, post: Post) -> Thread:
    thread = Thread.objects.select_for_update().get(pk=post.thread_id)
    if not can_accept_answer(user, thread):
        raise ForumError(
            "forbidden",
            _("Only the person who asked, or a moderator, can accept an answer."),
        )
    if post.position == 1 or post.is_hidden:
        raise ForumError("not-an-answer", _("Choose a reply as the answer."))
    thread.accepted_post = None if thread.accepted_post_id == post.pk else post
    thread.save(update_fields=["accepted_post"])
    return thread


def toggle_helpful(user, post: Post) -> bool:
    """Mark or unmark a post as helpful; returns whether it is marked now."""
    if post.author_id == user.pk or not can_reply(user, post.thread):
        raise ForumError("forbidden", _("You cannot mark this message."))
    with transaction.atomic():
        deleted, _rows = Reaction.objects.filter(post=post, user=user).delete()
        if not deleted:
            Reaction.objects.create(post=post, user=user)
        Post.objects.filter(pk=post.pk).update(
            helpful_count=F("helpful_count") + (-1 if deleted else 1)
        )
    return not deleted


_UNKNOWN = object()


def mark_read(user, thread: Thread, position: int, state=_UNKNOWN) -> None:
    """Remember how far someone read; never moves backwards. `state` is the
    reader's ReadState (or None) when the caller has just read it."""
    if not getattr(user, "is_authenticated", False):
        return
    if state is None or state is _UNKNOWN:
        state, created = ReadState.objects.get_or_create(
            user=user, thread=thread, defaults={"last_read_position": position}
        )
    else:
        created = False
    if not created and state.last_read_position < position:
        ReadState.objects.filter(pk=state.pk, last_read_position__lt=position).update(
            last_read_position=position
        )
