"""Who may register for an event, and who may manage its registrations."""

from django.db.models import Q
from wagtail.permission_policies.pages import PagePermissionPolicy

from network.permissions import can_view_profile, is_member

from .models import Audience, EventOrganiser, EventPage


def may_register(user, event: EventPage) -> bool:
    """Open events welcome everyone (visitors confirm their address first);
    members-only events need a member's account."""
    return event.audience == Audience.OPEN or is_member(user)


def can_manage(user, event: EventPage) -> bool:
    """The event's organisers, and whoever may edit its page in Wagtail."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_superuser:
        return True
    if event.organisers.filter(user=user).exists():
        return True
    return event.permissions_for_user(user).can_edit()


def manageable_events(user):
    """The events `user` may manage (can_manage), as one queryset: the admin's
    overview asks this for every event at once."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return EventPage.objects.none()
    if user.is_superuser:
        return EventPage.objects.all()
    # Wagtail's rule for editing a page, owners with "add" included.
    editable = PagePermissionPolicy().instances_user_has_any_permission_for(
        user, {"change"}
    )
    return EventPage.objects.filter(
        Q(organisers__user=user) | Q(pk__in=editable.values("pk"))
    ).distinct()


def visible_organisers(user, event: EventPage) -> list[EventOrganiser]:
    """The organisers `user` may see named: those whose profile `user` may
    view. An organiser without a profile counts as members only (the default
    of every profile), so a visitor never learns a name nobody chose to show."""
    organisers = event.organisers.select_related("user__profile__photo")
    return [
        organiser
        for organiser in organisers
        if (
            can_view_profile(user, organiser.user.profile)
            if hasattr(organiser.user, "profile")
            else is_member(user) or organiser.user_id == user.pk
        )
    ]
