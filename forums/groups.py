"""Closed groups: who is in, who asked, who was invited. Managers decide;
every change re-checks the live connections of the person concerned."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from network.notifications import notify, title_with_actor

from . import live
from .forms import GroupInviteForm
from .models import Group, GroupMembership, MembershipStatus
from .permissions import is_group_manager


def tell_managers_about_request(membership) -> None:
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


@login_required
def members(request, slug):
    group = get_object_or_404(Group, slug=slug)
    if not is_group_manager(request.user, group):
        raise PermissionDenied
    return _members_page(request, group, GroupInviteForm())


def _members_page(request, group, invite_form, status=200):
    memberships = group.memberships.select_related("user__profile").order_by(
        "status", "user__last_name"
    )
    return TemplateResponse(
        request,
        "forums/group_members.html",
        {
            "group": group,
            "place": group,
            "memberships": memberships,
            "invite_form": invite_form,
        },
        status=status,
    )


@login_required
@require_POST
def decide(request, slug, membership_id):
    group = get_object_or_404(Group, slug=slug)
    if not is_group_manager(request.user, group):
        raise PermissionDenied
    membership = get_object_or_404(GroupMembership, pk=membership_id, group=group)
    action = request.POST.get("action")
    with transaction.atomic():
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
        elif action in ("make_manager", "unmake_manager"):
            membership.is_manager = action == "make_manager"
            membership.save(update_fields=["is_manager"])
        else:
            messages.error(request, _("Choose what to do."))
            return redirect("forums:group_members", slug)
        live.membership_changed(membership.user_id)
    messages.success(request, _("Saved."))
    return redirect("forums:group_members", slug)


@login_required
@require_POST
def invite(request, slug):
    group = get_object_or_404(Group, slug=slug)
    if not is_group_manager(request.user, group):
        raise PermissionDenied
    form = GroupInviteForm(request.POST)
    if not form.is_valid():
        return _members_page(request, group, form, status=400)
    user = form.user
    membership, created = GroupMembership.objects.get_or_create(
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
    messages.success(request, _("Saved."))
    return redirect("forums:group_members", slug)
