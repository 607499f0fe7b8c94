"""Registration rules, and the one that matters most under load: never more
confirmed than there are seats, with the waiting list in arrival order."""

import datetime
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections
from django.utils import timezone

from events.models import Registration, Status
from events.services import RegistrationError, cancel, register


def statuses(event):
    return list(
        Registration.objects.filter(event=event).values_list("status", flat=True)
    )


@pytest.mark.django_db
def test_seats_then_waiting_list_then_promotion_in_order(make_event):
    event = make_event(capacity=2)
    people = [register(event, name=f"P{n}", email=f"p{n}@school.nl") for n in range(5)]
    assert statuses(event) == [
        "confirmed",
        "confirmed",
        "waiting",
        "waiting",
        "waiting",
    ]

    promoted = cancel(people[0])
    assert [p.email for p in promoted] == ["p2@school.nl"]
    assert cancel(people[0]) == [], "cancelling twice frees nothing twice"
    assert Registration.objects.filter(event=event, status="confirmed").count() == 2


@pytest.mark.django_db
def test_full_event_without_waiting_list_says_so(make_event):
    event = make_event(capacity=1, waiting_list=False)
    register(event, name="Eerste", email="a@school.nl")
    with pytest.raises(RegistrationError) as error:
        register(event, name="Tweede", email="b@school.nl")
    assert error.value.code == "full"
    assert statuses(event) == ["confirmed"]


@pytest.mark.django_db
def test_one_active_registration_per_address(make_event):
    event = make_event()
    first = register(event, name="Anna", email="anna@school.nl")
    with pytest.raises(RegistrationError) as error:
        register(event, name="Anna", email="ANNA@school.nl")
    assert error.value.code == "duplicate"
    cancel(first)
    again = register(event, name="Anna", email="anna@school.nl")
    assert again.status == Status.CONFIRMED


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("fields", "code"),
    [
        (
            {"registration_opens": timezone.now() + datetime.timedelta(days=1)},
            "not-open",
        ),
        (
            {"registration_closes": timezone.now() - datetime.timedelta(minutes=1)},
            "closed",
        ),
    ],
)
def test_registration_window(make_event, fields, code):
    event = make_event(**fields)
    with pytest.raises(RegistrationError) as error:
        register(event, name="Te vroeg of laat", email="x@school.nl")
    assert error.value.code == code
    assert statuses(event) == []


def _press_at_once(event, count, workers):
    """`count` people press the button together, `workers` at a time."""
    start = threading.Barrier(min(count, workers))
    errors = []

    def press(number):
        try:
            if number < workers:
                start.wait(timeout=30)
            return register(
                event, name=f"Persoon {number}", email=f"p{number}@school.nl"
            )
        except Exception as error:  # noqa: BLE001 - every failure is reported below
            errors.append(error)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=workers) as pool:
        list(pool.map(press, range(count)))
    return errors


@pytest.mark.django_db(transaction=True)
def test_many_people_at_once_never_overbook(make_event):
    # The numbers on PostgreSQL; SQLite serialises writers, so fewer.
    on_postgres = connection.vendor == "postgresql"
    seats, people, workers = (50, 200, 50) if on_postgres else (10, 40, 10)
    event = make_event(capacity=seats)

    assert _press_at_once(event, people, workers) == []
    rows = list(Registration.objects.filter(event=event).order_by("sequence"))
    assert len(rows) == people
    assert [r.sequence for r in rows] == list(range(1, people + 1))
    # Arrival order: the first `seats` to get the lock hold the seats.
    assert [r.status for r in rows] == ["confirmed"] * seats + ["waiting"] * (
        people - seats
    )

    first_waiting = [r.pk for r in rows[seats : seats + 3]]
    cancelled = rows[:3]
    with ThreadPoolExecutor(max_workers=3) as pool:
        promoted = list(
            pool.map(lambda r: (cancel(r), connections.close_all())[0], cancelled)
        )
    assert sorted(p.pk for group in promoted for p in group) == sorted(first_waiting)
    assert Registration.objects.filter(event=event, status="confirmed").count() == seats
