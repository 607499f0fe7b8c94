"""Who may read and write where in the forums. Views, feeds, attachments,
search and the WebSocket consumers all ask these predicates; nothing decides
forum visibility elsewhere."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group as AuthGroup
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from network import prepared
from network.permissions import is_member, membership_sql

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
    # Asked on most forum and search pages: one prepared query (planning it
    # took longer than running it: 0.6 against 0.2 ms a page), kept on the
    # user for the rest of the request (Django's own has_perm reads every
    # permission of the user and of their groups, in two).
    if not hasattr(user, "_moderates_forums"):
        with connection.cursor() as cursor:
            prepared.execute(
                cursor,
                "lecso_moderates",
                f"SELECT {_moderation_sql()}",
                [user.pk, user.pk],
            )
            user._moderates_forums = bool(cursor.fetchone()[0])
    return user._moderates_forums


def _moderation_sql() -> str:
    """A statement with two parameters, both a person's key, that is true
    when they may moderate the forums, by their own right or a group's.
    Written out for the reasons network.permissions.membership_sql gives."""
    User = get_user_model()
    right = (
        f"SELECT id FROM {Permission._meta.db_table} WHERE codename = 'moderate' "
        f"AND content_type_id IN (SELECT id FROM {ContentType._meta.db_table} "
        "WHERE app_label = 'forums')"
    )
    own = User.user_permissions.through._meta.db_table
    groups = User.groups.through._meta.db_table
    of_group = AuthGroup.permissions.through._meta.db_table
    return (
        f"EXISTS (SELECT 1 FROM {own} WHERE user_id = %s "
        f"AND permission_id IN ({right})) "
        f"OR EXISTS (SELECT 1 FROM {of_group} WHERE permission_id IN ({right}) "
        f"AND group_id IN (SELECT group_id FROM {groups} WHERE user_id = %s))"
    )


def know_reader(user) -> None:
    """Ask at once what a thread page asks of its reader: whether they are a
    member, whether they moderate and whether a suspension runs. One query
    instead of three; the answers are kept on the user for the request, as
    is_member and is_moderator keep theirs."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return
    suspension = (
        f"SELECT id FROM {Suspension._meta.db_table} WHERE user_id = %s "
        "AND until > %s ORDER BY until DESC LIMIT 1"
    )
    with connection.cursor() as cursor:
        prepared.execute(
            cursor,
            "lecso_know_reader",
            f"SELECT EXISTS ({membership_sql()}), {_moderation_sql()}, ({suspension})",
            [user.pk, user.pk, user.pk, user.pk, timezone.now()],
        )
        member, moderates, suspended = cursor.fetchone()
    _remember_standing(user, member, moderates)
    # The suspension itself is read only in the rare case there is one.
    user._forum_suspension = (
        Suspension.objects.get(pk=suspended) if suspended is not None else None
    )


def know_standing(user) -> None:
    """Whether the reader is a member and whether they moderate, in one
    query where neither is known yet (the forum's rule for threads asks both,
    and each in its own round trip was a fifth of a millisecond more on every
    search); kept on the user as is_member and is_moderator keep theirs."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return
    if hasattr(user, "_network_is_member") or hasattr(user, "_moderates_forums"):
        return
    with connection.cursor() as cursor:
        prepared.execute(
            cursor,
            "lecso_know_standing",
            f"SELECT EXISTS ({membership_sql()}), {_moderation_sql()}",
            [user.pk, user.pk, user.pk],
        )
        member, moderates = cursor.fetchone()
    _remember_standing(user, member, moderates)


def _remember_standing(user, member, moderates) -> None:
    """What is_member and is_moderator would have kept on the user."""
    user._network_is_member = user.is_staff or bool(member)
    user._moderates_forums = user.is_superuser or bool(moderates)


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
    know_standing(user)
    threads = Thread.objects.filter(merged_into__isnull=True)
    if is_moderator(user):
        return threads
    if is_member(user):
        # Every category is a member's (readable_categories): a thread in
        # any of them, without asking the database for the list.
        in_category = Q(category__isnull=False)
    else:
        in_category = Q(category__in=readable_categories(user).values("pk"))
    return threads.filter(is_hidden=False).filter(
        in_category | Q(group__in=readable_groups(user).values("pk"))
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
