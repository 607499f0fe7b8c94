"""Who may register for an event, and who may manage its registrations."""

from network.permissions import is_member

from .models import Audience, EventPage


def may_register(user, event: EventPage) -> bool:
    """Open events welcome everyone (visitors confirm their address first);
    members-only events need a member's account."""
    return event.audience == Audience.OPEN or is_member(user)


def can_manage(user, event: EventPage) -> bool:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_superuser:
        return True
    if event.organisers.filter(user=user).exists():
        return True
    return event.permissions_for_user(user).can_edit()
