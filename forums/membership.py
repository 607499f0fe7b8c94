"""Who belongs where: joining and leaving closed groups, and following a
thread, category or group. Views parse the request and call these; every
change to a group membership tells the live layer, so the person's open
sockets ask the permission question again and close if access ended."""

from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from network.notifications import notify, title_with_actor

from . import live
from .errors import ForumError
from .models import Group, GroupMembership, MembershipStatus, Subscription, Thread
from .permissions import can_read_place, can_view_thread, is_group_manager

DECISIONS = ("approve", "decline", "remove", "make_manager", "unmake_manager")


@transaction.atomic
def ask_to_join(user, group: Group) -> GroupMembership:
    """Ask to join `group`, or accept its invitation: an invited person is a
    member at once (status ACTIVE); anyone else's request waits for a
    manager, who is told of a new request."""
    membership, created = GroupMembership.objects.select_for_update().get_or_create(
        group=group, user=user, defaults={"status": MembershipStatus.REQUESTED}
    )
    if membership.status == MembershipStatus.INVITED:
        membership.status = MembershipStatus.ACTIVE
        membership.save(update_fields=["status"])
        live.membership_changed(user.pk)
    elif created:
        _tell_managers_about_request(membership)
    return membership


@transaction.atomic
def decide(manager, membership: GroupMembership, action: str) -> None:
    """A group manager (or moderator) approves or declines a request,
    removes a member, or makes someone a manager or not.

    ForumError "forbidden" for anyone else, "action" for an unknown action."""
    group = membership.group
    if not is_group_manager(manager, group):
        raise ForumError("forbidden", _("Only a manager of this group can decide."))
    if action not in DECISIONS:
        raise ForumError("action", _("Choose what to do."))
    if action == "approve":
        membership.status = MembershipStatus.ACTIVE
        membership.save(update_fields=["status"])
        with translation.override(membership.user.preferred_language):
            title = _("You are now a member of %(group)s") % {"group": group.name}
        notify(
            membership.user,
            kind="forum_group",
            title=title,
            url=group.get_absolute_url(),
        )
    elif action in ("decline", "remove"):
        membership.delete()
    else:
        membership.is_manager = action == "make_manager"
        membership.save(update_fields=["is_manager"])
    live.membership_changed(membership.user_id)


@transaction.atomic
def invite(manager, group: Group, user) -> GroupMembership:
    """Invite `user` into `group`; someone who asked already is let in."""
    if not is_group_manager(manager, group):
        raise ForumError("forbidden", _("Only a manager of this group can invite."))
    membership, created = GroupMembership.objects.select_for_update().get_or_create(
        group=group, user=user, defaults={"status": MembershipStatus.INVITED}
    )
    if not created and membership.status == MembershipStatus.REQUESTED:
        membership.status = MembershipStatus.ACTIVE
        membership.save(update_fields=["status"])
        live.membership_changed(user.pk)
    elif created:
        with translation.override(user.preferred_language):
            title = _("You are invited to join %(group)s") % {"group": group.name}
        notify(user, kind="forum_group", title=title, url="/forum/")
    return membership


def _tell_managers_about_request(membership: GroupMembership) -> None:
    group = membership.group
    managers = GroupMembership.objects.filter(
        group=group, is_manager=True, status=MembershipStatus.ACTIVE
    ).select_related("user")
    for manager in managers:
        with translation.override(manager.user.preferred_language):
            title = title_with_actor(
                _("%(name)s asks to join %(group)s"), group=group.name
            )
        notify(
            manager.user,
            kind="forum_group_request",
            title=title,
            url=group.get_absolute_url() + "leden/",
            actor=membership.user,
        )


def toggle_follow(user, target) -> bool:
    """Follow a thread, category or group, or stop following it; returns
    whether `user` follows it now. ForumError "forbidden" for what they may
    not read."""
    readable = (
        can_view_thread(user, target)
        if isinstance(target, Thread)
        else can_read_place(user, target)
    )
    if not readable:
        raise ForumError("forbidden", _("You cannot follow this."))
    field = {Thread: "thread", Group: "group"}.get(type(target), "category")
    with transaction.atomic():
        deleted, _rows = Subscription.objects.filter(
            user=user, **{field: target}
        ).delete()
        if not deleted:
            Subscription.objects.create(user=user, **{field: target})
    return not deleted
