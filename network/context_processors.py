from django.utils.functional import SimpleLazyObject

from .notifications import unread_count


def notifications(request):
    """The header's unread count; counted only when a template asks for it."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"unread_notifications": SimpleLazyObject(lambda: unread_count(user.pk))}
