"""Who may read and write where in the forums. Views, feeds, attachments,
search and the WebSocket consumers all ask these predicates; nothing decides
forum visibility elsewhere."""

from django.contrib.auth.models import Permission
from django.db.models import Exists, OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from network.permissions import MEMBER_THROUGH_SCHOOL, is_member

from .errors import ForumError
from .models import (
    Category,
    Group,
    GroupMembership,
    MembershipStatus,
    Suspension,
    Thread,
)


def is_moderator(user) -> bool:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_superuser:
        return True
    # Asked on most forum and search pages: one query, kept on the user for
    # the rest of the request (Django's own has_perm reads every permission
    # of the user and of their groups, in two).
    if not hasattr(user, "_moderates_forums"):
        user._moderates_forums = _moderation_rights(user.pk).exists()
    return user._moderates_forums


def _moderation_rights(user_key):
    return Permission.objects.filter(
        Q(user=user_key) | Q(group__user=user_key),
        content_type__app_label="forums",
        codename="moderate",
    )


def know_reader(user) -> None:
    """Ask at once what a thread page asks of its reader: whether they are a
    member, whether they moderate and whether a suspension runs. One query
    instead of three; the answers are kept on the user for the request, as
    is_member and is_moderator keep theirs."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return
    reader = OuterRef("pk")
    running = Suspension.objects.filter(user=reader, until__gt=timezone.now())
    found = (
        user.__class__.objects.filter(pk=user.pk)
        .annotate(
            member=Exists(
                user.__class__.objects.filter(pk=reader, **MEMBER_THROUGH_SCHOOL)
            ),
            moderates=Exists(_moderation_rights(reader)),
            suspension=Subquery(running.order_by("-until").values("pk")[:1]),
        )
        .values("member", "moderates", "suspension")
        .first()
    )
    if found is None:
        return
    user._network_is_member = user.is_staff or found["member"]
    user._moderates_forums = user.is_superuser or found["moderates"]
    # The suspension itself is read only in the rare case there is one.
    user._forum_suspension = (
        Suspension.objects.get(pk=found["suspension"]) if found["suspension"] else None
    )


def is_group_member(user, group: Group) -> bool:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return GroupMembership.objects.filter(
        group=group, user=user, status=MembershipStatus.ACTIVE
    ).exists()


def is_group_manager(user, group: Group) -> bool:
    if is_moderator(user):
        return True
    if not getattr(user, "is_authenticated", False):
        return False
    return GroupMembership.objects.filter(
        group=group, user=user, status=MembershipStatus.ACTIVE, is_manager=True
    ).exists()


def can_read_category(user, category: Category) -> bool:
    return category.visible_to_visitors or is_member(user) or is_moderator(user)


def can_read_group(user, group: Group) -> bool:
    return is_moderator(user) or is_group_member(user, group)


def can_read_place(user, place) -> bool:
    if isinstance(place, Group):
        return can_read_group(user, place)
    return can_read_category(user, place)


def can_view_thread(user, thread: Thread) -> bool:
    if thread.is_hidden and not is_moderator(user):
        return False
    return can_read_place(user, thread.place)


def can_view_post(user, post) -> bool:
    """A post is seen where its thread is, unless a moderator hid it."""
    if post.is_hidden and not is_moderator(user):
        return False
    return can_view_thread(user, post.thread)


def current_suspension(user) -> Suspension | None:
    """The running suspension that ends last, or None: the one lookup of it."""
    if not getattr(user, "is_authenticated", False):
        return None
    return (
        Suspension.objects.filter(user=user, until__gt=timezone.now())
        .order_by("-until")
        .first()
    )


def suspension_notice(suspension: Suspension) -> str:
    """What a suspended member reads when they try to post."""
    return _(
        "A moderator has suspended you from posting until %(until)s. Reason: %(reason)s"
    ) % {
        "until": timezone.localtime(suspension.until).strftime("%d-%m-%Y %H:%M"),
        "reason": suspension.reason,
    }


def write_refusal(user, place, thread: Thread | None = None) -> ForumError | None:
    """Why `user` may not start a thread in `place` (or reply to `thread`), as
    the error to show, or None when they may. The codes: "suspended" (the
    notice says until when and why), "locked" (a thread closed for replies),
    "merged", and "forbidden" (not a member, or not allowed to read here).
    Views ask it once to decide what to show; the services ask it once more
    inside their transaction, where the thread row is locked."""
    # A thread's place is asked about once: through can_view_thread, which
    # also knows a hidden thread.
    may_read = (
        can_read_place(user, place) if thread is None else can_view_thread(user, thread)
    )
    if not is_member(user) or not may_read:
        return ForumError("forbidden", _("You may not write here."))
    if thread is not None:
        if thread.merged_into_id:
            return ForumError(
                "merged", _("This thread was merged into another one; reply there.")
            )
    if hasattr(user, "_forum_suspension"):
        suspension = user._forum_suspension  # asked by know_reader
    else:
        suspension = current_suspension(user)
    if suspension is not None:
        return ForumError("suspended", suspension_notice(suspension))
    if thread is not None and thread.is_locked and not is_moderator(user):
        return ForumError("locked", _("This thread is closed for new replies."))
    return None


def can_write_in(user, place) -> bool:
    """Start threads or reply in a category or group (locks aside)."""
    return write_refusal(user, place) is None


def can_reply(user, thread: Thread) -> bool:
    return write_refusal(user, thread.place, thread) is None


def can_edit_post(user, post) -> bool:
    if is_moderator(user):
        return True
    return (
        getattr(user, "is_authenticated", False)
        and post.author_id == user.pk
        and not post.is_hidden
        and can_reply(user, post.thread)
    )


def can_accept_answer(user, thread: Thread) -> bool:
    if thread.kind != "question":
        return False
    if is_moderator(user):
        return True
    return getattr(user, "is_authenticated", False) and thread.author_id == user.pk


def visible_threads(user):
    """Threads the person may see, as one queryset (for lists, counts, search).
    Written on the thread's own columns (its place and state) so the search
    index, which knows only those, applies exactly this rule."""
    threads = Thread.objects.filter(merged_into__isnull=True)
    if is_moderator(user):
        return threads
    return threads.filter(is_hidden=False).filter(
        Q(category__in=readable_categories(user).values("pk"))
        | Q(group__in=readable_groups(user).values("pk"))
    )


def readable_categories(user):
    categories = Category.objects.all()
    if is_member(user) or is_moderator(user):
        return categories
    return categories.filter(visible_to_visitors=True)


def readable_groups(user):
    if is_moderator(user):
        return Group.objects.all()
    if not getattr(user, "is_authenticated", False):
        return Group.objects.none()
    return Group.objects.filter(
        memberships__user=user, memberships__status=MembershipStatus.ACTIVE
    )
