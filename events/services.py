"""Registration for events: never more confirmed than there are seats.

Every change that can move a seat runs in one transaction that first locks the
event: a row lock (SELECT ... FOR UPDATE) on PostgreSQL; on SQLite the
IMMEDIATE transaction mode takes the database's write lock when the transaction
begins. So registrations and cancellations for one event happen one at a time,
in arrival order, however many people press the button at once. Workshop
sessions belong to their event, so the same lock guards their seats.

People hear about every change that touches them: the messages are queued
after the transaction commits (see messaging.py), never for a change that was
rolled back.
"""

from collections.abc import Iterable

from django.db import transaction
from django.db.models import Count, Max, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .messaging import announce
from .models import (
    ACTIVE,
    EventPage,
    EventSession,
    Registration,
    SessionChoice,
    Status,
)
from .models.registrations import SEATED


class RegistrationError(Exception):
    """A refusal, with a `.code` and a `.message` for the person. For
    "session-full", `.session` is the workshop that is full, so a form can say
    it at that workshop's round."""

    def __init__(self, code: str, message, session: EventSession | None = None):
        super().__init__(str(message))
        self.code = code
        self.message = message
        self.session = session


def require_open(event: EventPage) -> None:
    """RegistrationError "not-open" or "closed" outside the registration
    window. register() asks it; the event page asks it too before it e-mails a
    visitor a confirmation link, so both say the same."""
    state = event.registration_state()
    if state == "not-open":
        raise RegistrationError("not-open", _("Registration has not opened yet."))
    if state == "closed":
        raise RegistrationError("closed", _("Registration for this event has closed."))


def _locked(event: EventPage) -> EventPage:
    return EventPage.objects.select_for_update().get(pk=event.pk)


def seats_left(event: EventPage) -> int | None:
    if event.capacity is None:
        return None
    taken = event.registrations.filter(status__in=SEATED).count()
    return max(event.capacity - taken, 0)


def session_seats_left(event: EventPage) -> dict[int, int | None]:
    """Free seats per session id (None: no limit), in one query."""
    sessions = event.sessions.annotate(
        taken=Count("choices", filter=Q(choices__registration__status__in=SEATED))
    )
    return {
        s.pk: None if s.capacity is None else max(s.capacity - s.taken, 0)
        for s in sessions
    }


def _check_sessions(event: EventPage, sessions: list[EventSession]) -> None:
    rounds = [s.round for s in sessions]
    if any(s.event_id != event.pk for s in sessions) or len(rounds) != len(set(rounds)):
        raise RegistrationError("sessions", _("Choose one session in each round."))


def require_session_seats(
    event: EventPage, sessions: list[EventSession], free: dict | None = None
) -> None:
    """RegistrationError "session-full" naming the first of `sessions` with no
    seat left. `free` is session_seats_left(event) when already known (a form
    checking before a visitor is asked to confirm); registering asks again
    under the event's lock."""
    free = session_seats_left(event) if free is None else free
    full = [s for s in sessions if free.get(s.pk) == 0]
    if full:
        raise RegistrationError(
            "session-full",
            _("%(session)s is full. Please choose another session.")
            % {"session": full[0].title},
            session=full[0],
        )


def _require_no_active_registration(event: EventPage, email: str) -> None:
    if event.registrations.filter(email__iexact=email, status__in=ACTIVE).exists():
        raise RegistrationError(
            "duplicate", _("This address is registered for this event already.")
        )


@transaction.atomic
def register(
    event: EventPage,
    *,
    name: str,
    email: str,
    user=None,
    answers: dict | None = None,
    sessions: Iterable[EventSession] = (),
    language: str = "nl",
    added_by=None,
) -> Registration:
    """Confirm a seat, or a place on the waiting list when the event is full.

    An organiser adding someone by hand (added_by) is not held to the
    registration window, but is held to the seats.

    Raises RegistrationError: "not-open", "closed", "duplicate", "full",
    "sessions" or "session-full"."""
    event = _locked(event)
    if added_by is None:
        require_open(event)
    email = email.strip()
    _require_no_active_registration(event, email)
    sessions = list(sessions)
    _check_sessions(event, sessions)
    left = seats_left(event)
    if left is None or left > 0:
        status = Status.CONFIRMED
        require_session_seats(event, sessions)
    elif event.waiting_list:
        status = Status.WAITING
    else:
        raise RegistrationError("full", _("This event is full."))
    last = event.registrations.aggregate(last=Max("sequence"))["last"] or 0
    registration = Registration.objects.create(
        event=event,
        user=user,
        name=name.strip(),
        email=email,
        status=status,
        answers=answers or {},
        language=language,
        added_by=added_by,
        sequence=last + 1,
    )
    SessionChoice.objects.bulk_create(
        SessionChoice(registration=registration, session=s) for s in sessions
    )
    announce(registration, "confirmed" if status == Status.CONFIRMED else "waiting")
    return registration


@transaction.atomic
def cancel(
    registration: Registration, *, by=None, quiet: bool = False
) -> list[Registration]:
    """Cancel, and promote from the waiting list, in order, into freed seats.
    Returns the promoted registrations; they are told. `quiet` sends the
    person who cancelled nothing (their account is being deleted)."""
    event = _locked(registration.event)
    registration = Registration.objects.get(pk=registration.pk)
    if registration.status == Status.CANCELLED:
        return []
    registration.status = Status.CANCELLED
    registration.save(update_fields=["status", "updated_at"])
    if not quiet:
        announce(registration, "cancelled", by=by)
    if event.has_ended:
        return []
    return _promote(event)


@transaction.atomic
def fill_free_seats(event: EventPage) -> list[Registration]:
    """Promote from the waiting list into seats that came free some other way,
    such as an editor raising the number of seats."""
    return _promote(_locked(event))


def _promote(event: EventPage) -> list[Registration]:
    """Fill free seats from the waiting list in arrival order. Someone whose
    chosen workshop is full keeps their place in line and the next person whose
    choices fit moves up, so a seat never stays empty for a full workshop."""
    free = seats_left(event)
    session_free = session_seats_left(event)
    promoted = []
    waiting = event.registrations.filter(status=Status.WAITING).prefetch_related(
        "session_choices"
    )
    for candidate in waiting:
        if free is not None and free <= 0:
            break
        chosen = [c.session_id for c in candidate.session_choices.all()]
        if any(session_free.get(pk) == 0 for pk in chosen):
            continue
        for pk in chosen:
            if session_free.get(pk) is not None:
                session_free[pk] -= 1
        candidate.status = Status.CONFIRMED
        candidate.save(update_fields=["status", "updated_at"])
        announce(candidate, "promoted")
        promoted.append(candidate)
        if free is not None:
            free -= 1
    return promoted


@transaction.atomic
def move(registration: Registration, to: str, *, by) -> Registration:
    """An organiser moves someone between the waiting list and confirmed, or
    checks them in. Confirming still needs a free seat: an organiser who wants
    more people in raises the capacity first."""
    event = _locked(registration.event)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if to == registration.status:
        return registration
    if to == Status.ATTENDED and registration.status != Status.CONFIRMED:
        raise RegistrationError(
            "not-confirmed", _("Only people with a confirmed seat can be checked in.")
        )
    if to == Status.CANCELLED:
        cancel(registration, by=by)
        registration.refresh_from_db()
        return registration
    if to == Status.CONFIRMED and registration.status in (
        Status.WAITING,
        Status.CANCELLED,
    ):
        if seats_left(event) == 0:
            raise RegistrationError(
                "full",
                _("There is no free seat. Raise the number of seats first."),
            )
        require_session_seats(event, list(registration.sessions.all()))
    if registration.status == Status.CANCELLED:
        _require_no_active_registration(event, registration.email)
    previous = registration.status
    registration.status = to
    registration.attended_at = timezone.now() if to == Status.ATTENDED else None
    registration.save(update_fields=["status", "attended_at", "updated_at"])
    if {previous, to} != {Status.CONFIRMED, Status.ATTENDED}:
        announce(registration, "moved", by=by)
    return registration


def check_in(registration: Registration, *, by, present: bool = True) -> Registration:
    """Mark someone present at the door, or undo it."""
    if present and registration.status not in (Status.CONFIRMED, Status.ATTENDED):
        raise RegistrationError(
            "not-confirmed", _("Only people with a confirmed seat can be checked in.")
        )
    return move(registration, Status.ATTENDED if present else Status.CONFIRMED, by=by)
