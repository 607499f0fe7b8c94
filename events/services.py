"""Registration for events: never more confirmed than there are seats.

Every change that can move a seat runs in one transaction that first locks the
event: a row lock (SELECT ... FOR UPDATE) on PostgreSQL; on SQLite the
IMMEDIATE transaction mode takes the database's write lock when the transaction
begins. So registrations and cancellations for one event happen one at a time,
in arrival order, however many people press the button at once.
"""

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import ACTIVE, EventPage, Registration, Status


class RegistrationError(Exception):
    def __init__(self, code: str, message):
        super().__init__(str(message))
        self.code = code


def _locked(event: EventPage) -> EventPage:
    return EventPage.objects.select_for_update().get(pk=event.pk)


def seats_left(event: EventPage) -> int | None:
    if event.capacity is None:
        return None
    taken = event.registrations.filter(
        status__in=[Status.CONFIRMED, Status.ATTENDED]
    ).count()
    return max(event.capacity - taken, 0)


@transaction.atomic
def register(event: EventPage, *, name: str, email: str, user=None) -> Registration:
    """Confirm a seat, or a place on the waiting list when the event is full.

    Raises RegistrationError: "not-open", "closed", "duplicate" or "full"."""
    event = _locked(event)
    now = timezone.now()
    if event.registration_opens and now < event.registration_opens:
        raise RegistrationError("not-open", _("Registration has not opened yet."))
    if (
        event.registration_closes and now > event.registration_closes
    ) or now > event.end:
        raise RegistrationError("closed", _("Registration for this event has closed."))
    email = email.strip()
    if event.registrations.filter(email__iexact=email, status__in=ACTIVE).exists():
        raise RegistrationError(
            "duplicate", _("You are registered for this event already.")
        )
    left = seats_left(event)
    if left is None or left > 0:
        status = Status.CONFIRMED
    elif event.waiting_list:
        status = Status.WAITING
    else:
        raise RegistrationError("full", _("This event is full."))
    last = event.registrations.aggregate(last=Max("sequence"))["last"] or 0
    return Registration.objects.create(
        event=event, user=user, name=name, email=email, status=status, sequence=last + 1
    )


@transaction.atomic
def cancel(registration: Registration) -> list[Registration]:
    """Cancel, and promote from the waiting list, in order, into freed seats.
    Returns the promoted registrations (their people are to be told)."""
    event = _locked(registration.event)
    registration = Registration.objects.get(pk=registration.pk)
    if registration.status == Status.CANCELLED:
        return []
    registration.status = Status.CANCELLED
    registration.save(update_fields=["status", "updated_at"])
    return _promote(event)


def _promote(event: EventPage) -> list[Registration]:
    free = seats_left(event)
    if free is None:
        waiting = list(event.registrations.filter(status=Status.WAITING))
    else:
        waiting = list(event.registrations.filter(status=Status.WAITING)[:free])
    for promoted in waiting:
        promoted.status = Status.CONFIRMED
        promoted.save(update_fields=["status", "updated_at"])
    return waiting
