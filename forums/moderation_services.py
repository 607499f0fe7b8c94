"""Moderation: members report posts; moderators hide and restore posts and
threads, lock, pin, move and merge threads, suspend members and handle
reports. Views and tests go through here.

Every action is one transaction that first locks the rows it changes
(SELECT ... FOR UPDATE on PostgreSQL; SQLite's IMMEDIATE transaction locks the
whole database) and only then looks at their state. So when two moderators
press the same button at the same moment, the second one waits, finds the
work done and gets a ForumError saying so: one change, one log entry.

Each action writes a ModerationLog row with who did it and why. A reason is
required for hiding, locking, moving, merging and suspending.
"""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import live
from .errors import ForumError
from .models import (
    Category,
    Group,
    ModerationAction,
    ModerationLog,
    Post,
    Report,
    Subscription,
    Suspension,
    Thread,
)
from .permissions import can_view_thread, current_suspension, is_moderator

MAX_SUSPENSION_DAYS = 365


def _check_moderator(user) -> None:
    if not is_moderator(user):
        raise ForumError("forbidden", _("Only moderators can do this."))


def _check_reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ForumError(
            "reason-required",
            _("Give a reason: it is kept in the moderation log."),
            field="reason",
        )
    return reason


def _log(actor, action: str, *, reason: str = "", thread=None, post=None, user=None):
    return ModerationLog.objects.create(
        actor=actor,
        action=action,
        reason=reason,
        thread=thread,
        post=post,
        target_user=user,
    )


def _resolve_reports(reports, moderator) -> int:
    """Mark open reports handled; returns how many there were."""
    return reports.filter(resolved_at__isnull=True).update(
        resolved_at=timezone.now(), resolved_by=moderator
    )


def _after_commit_access_changed(thread_id: int) -> None:
    """Open pages of the thread ask the permission question again: a hidden,
    moved or merged thread may no longer be theirs to read."""
    live.thread_access_changed(thread_id)


def _locked_post(post: Post) -> Post:
    return Post.objects.select_for_update().select_related("thread").get(pk=post.pk)


def _locked_thread(thread: Thread) -> Thread:
    return Thread.objects.select_for_update().get(pk=thread.pk)


# Reports ------------------------------------------------------------------


@transaction.atomic
def report_post(reporter, post: Post, *, reason: str) -> Report:
    """A member tells the moderators what is wrong with a post. Anyone signed
    in who can read the thread may report, except its author; one open report
    per person per post (ForumError "already-reported")."""
    if not getattr(reporter, "is_authenticated", False):
        raise ForumError("forbidden", _("Sign in to report a message."))
    # Locking the post serialises two reports by one person (a double click).
    post = _locked_post(post)
    if not can_view_thread(reporter, post.thread):
        raise ForumError("forbidden", _("You cannot report this message."))
    if post.author_id == reporter.pk:
        raise ForumError("own-post", _("You cannot report your own message."))
    if post.is_hidden:
        raise ForumError(
            "already-hidden", _("A moderator has already hidden this message.")
        )
    reason = (reason or "").strip()
    if not reason:
        raise ForumError(
            "reason-required",
            _("Tell the moderators what is wrong with this message."),
            field="reason",
        )
    if Report.objects.filter(
        post=post, reporter=reporter, resolved_at__isnull=True
    ).exists():
        raise ForumError(
            "already-reported",
            _("You have already reported this message; a moderator will look at it."),
        )
    return Report.objects.create(post=post, reporter=reporter, reason=reason)


def open_reports():
    """The moderation queue: open reports, oldest first."""
    return (
        Report.objects.filter(resolved_at__isnull=True)
        .select_related("post__thread", "post__author__profile", "reporter__profile")
        .order_by("created_at", "pk")
    )


@transaction.atomic
def resolve_report(moderator, report: Report, *, reason: str = "") -> Report:
    """Close a report without hiding the post (the post is fine, or was dealt
    with otherwise). ForumError "already-resolved" if someone closed it first."""
    _check_moderator(moderator)
    report = Report.objects.select_for_update().select_related("post").get(pk=report.pk)
    if report.resolved_at is not None:
        raise ForumError("already-resolved", _("This report has already been handled."))
    report.resolved_at = timezone.now()
    report.resolved_by = moderator
    report.save(update_fields=["resolved_at", "resolved_by"])
    _log(
        moderator,
        ModerationAction.RESOLVE_REPORT,
        reason=(reason or "").strip(),
        thread=report.post.thread,
        post=report.post,
        user=report.post.author,
    )
    return report


# Posts --------------------------------------------------------------------


@transaction.atomic
def hide_post(moderator, post: Post, *, reason: str) -> Post:
    """Hide a post from everyone but moderators; its open reports are handled
    with it. ForumError "already-hidden" if it is hidden already."""
    _check_moderator(moderator)
    reason = _check_reason(reason)
    post = _locked_post(post)
    if post.is_hidden:
        raise ForumError("already-hidden", _("This message is already hidden."))
    post.is_hidden = True
    post.version = live.take_version(post.thread_id)
    post.save(update_fields=["is_hidden", "version"])
    _resolve_reports(post.reports.all(), moderator)
    _log(
        moderator,
        ModerationAction.HIDE_POST,
        reason=reason,
        thread=post.thread,
        post=post,
        user=post.author,
    )
    live.after_commit_post_changed(post, "hidden")
    return post


@transaction.atomic
def restore_post(moderator, post: Post, *, reason: str = "") -> Post:
    """Show a hidden post again. ForumError "not-hidden" if it is not hidden."""
    _check_moderator(moderator)
    post = _locked_post(post)
    if not post.is_hidden:
        raise ForumError("not-hidden", _("This message is not hidden."))
    post.is_hidden = False
    post.version = live.take_version(post.thread_id)
    post.save(update_fields=["is_hidden", "version"])
    _log(
        moderator,
        ModerationAction.RESTORE_POST,
        reason=(reason or "").strip(),
        thread=post.thread,
        post=post,
        user=post.author,
    )
    live.after_commit_post_changed(post, "restored")
    return post


# Threads ------------------------------------------------------------------


# action: (field, new value, reason required, "already" code, message)
_THREAD_TOGGLES = {
    ModerationAction.HIDE_THREAD: (
        "is_hidden",
        True,
        True,
        "already-hidden",
        _("This thread is already hidden."),
    ),
    ModerationAction.RESTORE_THREAD: (
        "is_hidden",
        False,
        False,
        "not-hidden",
        _("This thread is not hidden."),
    ),
    ModerationAction.LOCK: (
        "is_locked",
        True,
        True,
        "already-locked",
        _("This thread is already closed for new replies."),
    ),
    ModerationAction.UNLOCK: (
        "is_locked",
        False,
        False,
        "not-locked",
        _("This thread is already open for replies."),
    ),
    ModerationAction.PIN: (
        "is_pinned",
        True,
        False,
        "already-pinned",
        _("This thread is already pinned."),
    ),
    ModerationAction.UNPIN: (
        "is_pinned",
        False,
        False,
        "not-pinned",
        _("This thread is not pinned."),
    ),
}


@transaction.atomic
def _toggle_thread(moderator, thread: Thread, action: str, reason: str) -> Thread:
    field, value, reason_required, code, message = _THREAD_TOGGLES[action]
    _check_moderator(moderator)
    reason = _check_reason(reason) if reason_required else (reason or "").strip()
    thread = _locked_thread(thread)
    if thread.merged_into_id:
        raise ForumError("merged", _("This thread was merged into another one."))
    if getattr(thread, field) == value:
        raise ForumError(code, message)
    setattr(thread, field, value)
    thread.save(update_fields=[field])
    if action == ModerationAction.HIDE_THREAD:
        _resolve_reports(Report.objects.filter(post__thread=thread), moderator)
    _log(moderator, action, reason=reason, thread=thread, user=thread.author)
    if field == "is_hidden":
        _after_commit_access_changed(thread.pk)
    return thread


def hide_thread(moderator, thread: Thread, *, reason: str) -> Thread:
    """Hide a thread (and so every post in it) from everyone but moderators;
    open reports on its posts are handled with it."""
    return _toggle_thread(moderator, thread, ModerationAction.HIDE_THREAD, reason)


def restore_thread(moderator, thread: Thread, *, reason: str = "") -> Thread:
    return _toggle_thread(moderator, thread, ModerationAction.RESTORE_THREAD, reason)


def lock_thread(moderator, thread: Thread, *, reason: str) -> Thread:
    """Close a thread for new replies (moderators can still reply)."""
    return _toggle_thread(moderator, thread, ModerationAction.LOCK, reason)


def unlock_thread(moderator, thread: Thread, *, reason: str = "") -> Thread:
    return _toggle_thread(moderator, thread, ModerationAction.UNLOCK, reason)


def pin_thread(moderator, thread: Thread, *, reason: str = "") -> Thread:
    """Pinned threads come first in their category or group."""
    return _toggle_thread(moderator, thread, ModerationAction.PIN, reason)


def unpin_thread(moderator, thread: Thread, *, reason: str = "") -> Thread:
    return _toggle_thread(moderator, thread, ModerationAction.UNPIN, reason)


@transaction.atomic
def move_thread(moderator, thread: Thread, place, *, reason: str) -> Thread:
    """Move a thread to another category or closed group (a thread is in
    exactly one of them). ForumError "same-place" if it is there already."""
    _check_moderator(moderator)
    reason = _check_reason(reason)
    thread = _locked_thread(thread)
    if thread.merged_into_id:
        raise ForumError("merged", _("This thread was merged into another one."))
    is_group = isinstance(place, Group)
    if not is_group and not isinstance(place, Category):
        raise ForumError("no-place", _("Choose a category or group."), field="place")
    current = thread.group_id if is_group else thread.category_id
    if current == place.pk:
        raise ForumError(
            "same-place",
            _("This thread is already in %(place)s.") % {"place": place.name},
            field="place",
        )
    thread.category = None if is_group else place
    thread.group = place if is_group else None
    thread.save(update_fields=["category", "group"])
    _log(
        moderator,
        ModerationAction.MOVE,
        reason=reason,
        thread=thread,
        user=thread.author,
    )
    _after_commit_access_changed(thread.pk)
    return thread


@transaction.atomic
def merge_threads(moderator, source: Thread, target: Thread, *, reason: str) -> Thread:
    """Move every post of `source` to the end of `target`, in the order they
    were written, and leave `source` as a pointer to `target` (its address
    redirects there). Followers of `source` follow `target`. Returns `target`.

    ForumError "merged" if either thread was merged already (for instance by
    another moderator a moment ago), "merge-self" for a thread into itself."""
    _check_moderator(moderator)
    reason = _check_reason(reason)
    if source.pk == target.pk:
        raise ForumError(
            "merge-self", _("A thread cannot be merged into itself."), field="target"
        )
    # Lock both rows in one order (by id), whichever is source: two merges of
    # the same pair in opposite directions wait for each other, not deadlock.
    locked = {
        t.pk: t
        for t in Thread.objects.select_for_update()
        .filter(pk__in=[source.pk, target.pk])
        .order_by("pk")
    }
    source, target = locked[source.pk], locked[target.pk]
    if source.merged_into_id:
        raise ForumError(
            "merged", _("This thread was already merged into another one.")
        )
    if target.merged_into_id:
        raise ForumError(
            "target-merged",
            _("That thread was itself merged into another one; choose that one."),
            field="target",
        )
    posts = list(Post.objects.filter(thread=source).order_by("created_at", "position"))
    # Positions after the target's last one are free, so each post can take
    # its new place without touching the unique (thread, position) pair.
    target.version += 1
    for offset, post in enumerate(posts, start=1):
        post.thread = target
        post.position = target.post_count + offset
        post.version = target.version
    Post.objects.bulk_update(posts, ["thread", "position", "version"], batch_size=500)
    if posts:
        target.post_count += len(posts)
        target.last_post_at = max(target.last_post_at, posts[-1].created_at)
    target.save(update_fields=["post_count", "last_post_at", "version"])
    source.merged_into = target
    source.post_count = 0
    source.accepted_post = None
    source.save(update_fields=["merged_into", "post_count", "accepted_post"])
    following = Subscription.objects.filter(thread=target).values("user")
    Subscription.objects.filter(thread=source).exclude(user__in=following).update(
        thread=target
    )
    Subscription.objects.filter(thread=source).delete()
    _log(
        moderator,
        ModerationAction.MERGE,
        reason=reason,
        thread=source,
        user=source.author,
    )
    _after_commit_access_changed(source.pk)
    live.after_commit_posts_arrived(target.pk, target.version)
    return target


# Members ------------------------------------------------------------------


@transaction.atomic
def suspend_member(moderator, user, *, days: int, reason: str) -> Suspension:
    """Stop `user` from starting threads and replying for `days` days (they
    can still read). ForumError "already-suspended" while a suspension runs."""
    _check_moderator(moderator)
    reason = _check_reason(reason)
    if not 1 <= days <= MAX_SUSPENSION_DAYS:
        raise ForumError(
            "days",
            _("Choose between 1 and %(max)s days.") % {"max": MAX_SUSPENSION_DAYS},
            field="days",
        )
    if user.pk == moderator.pk:
        raise ForumError("self", _("You cannot suspend yourself."))
    # The person's row is the lock: two moderators suspending the same member
    # at once give one suspension.
    user = get_user_model().objects.select_for_update().get(pk=user.pk)
    running = current_suspension(user)
    if running is not None:
        raise ForumError(
            "already-suspended",
            _("This member is already suspended until %(until)s.")
            % {"until": timezone.localtime(running.until).strftime("%d-%m-%Y %H:%M")},
        )
    suspension = Suspension.objects.create(
        user=user,
        until=timezone.now() + datetime.timedelta(days=days),
        reason=reason,
        by=moderator,
    )
    _log(moderator, ModerationAction.SUSPEND, reason=reason, user=user)
    return suspension
