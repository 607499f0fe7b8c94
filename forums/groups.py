"""Closed groups: who is in, who asked, who was invited. Managers decide;
every change re-checks the live connections of the person concerned."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import membership
from .errors import ForumError
from .forms import GroupInviteForm
from .models import Group, GroupMembership
from .permissions import is_group_manager


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
    chosen = get_object_or_404(GroupMembership, pk=membership_id, group=group)
    try:
        membership.decide(request.user, chosen, request.POST.get("action", ""))
    except ForumError as error:
        messages.error(request, error.message)
        return redirect("forums:group_members", slug)
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
    membership.invite(request.user, group, form.user)
    messages.success(request, _("Saved."))
    return redirect("forums:group_members", slug)
