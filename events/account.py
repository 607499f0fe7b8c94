"""The "My registrations" section on a member's account page."""

from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone

from .links import registration_path
from .models import ACTIVE, Registration


def my_registrations(request) -> str:
    user = request.user
    upcoming = (
        Registration.objects.filter(
            Q(user=user) | Q(email__iexact=user.email),
            status__in=ACTIVE,
            event__end__gte=timezone.now(),
        )
        .select_related("event")
        .order_by("event__start")[:20]
    )
    rows = [(r, registration_path(r)) for r in upcoming]
    return render_to_string(
        "events/account_section.html", {"rows": rows}, request=request
    )
