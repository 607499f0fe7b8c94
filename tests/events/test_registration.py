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


@pytest.mark.slow
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


WORKSHOPS = [
    {"round": 1, "title": "Autisme in de klas", "capacity": 2, "sort_order": 0},
    {"round": 1, "title": "Taalontwikkeling", "capacity": None, "sort_order": 1},
    {"round": 2, "title": "Rouw en verlies", "capacity": 5, "sort_order": 2},
]


@pytest.mark.django_db
def test_sessions_have_their_own_seats(make_event):
    event = make_event(capacity=10, sessions=WORKSHOPS)
    autism, language, grief = event.sessions.all()
    for n in range(2):
        register(event, name=f"A{n}", email=f"a{n}@school.nl", sessions=[autism, grief])
    with pytest.raises(RegistrationError) as error:
        register(event, name="Te laat", email="laat@school.nl", sessions=[autism])
    assert error.value.code == "session-full" and error.value.session == autism
    assert "Autisme in de klas" in str(error.value)
    register(event, name="Ander", email="ander@school.nl", sessions=[language, grief])
    assert autism.choices.count() == 2 and grief.choices.count() == 3


@pytest.mark.django_db
def test_one_session_per_round_and_only_this_events_sessions(make_event):
    event = make_event(sessions=WORKSHOPS)
    other = make_event(sessions=WORKSHOPS)
    autism, language, _ = event.sessions.all()
    with pytest.raises(RegistrationError) as error:
        register(
            event, name="Twee", email="twee@school.nl", sessions=[autism, language]
        )
    assert error.value.code == "sessions"
    with pytest.raises(RegistrationError):
        register(
            event,
            name="Fout",
            email="fout@school.nl",
            sessions=[other.sessions.first()],
        )
    assert statuses(event) == []


@pytest.mark.django_db
def test_promotion_skips_someone_whose_workshop_is_full(make_event):
    event = make_event(
        capacity=2,
        sessions=[
            {"round": 1, "title": "Autisme", "capacity": 1, "sort_order": 0},
            {"round": 1, "title": "Taal", "capacity": None, "sort_order": 1},
        ],
    )
    autism, language = event.sessions.all()
    first = register(event, name="Eerste", email="1@school.nl", sessions=[language])
    second = register(event, name="Tweede", email="2@school.nl", sessions=[autism])
    wants_autism = register(event, name="Derde", email="3@school.nl", sessions=[autism])
    wants_language = register(
        event, name="Vierde", email="4@school.nl", sessions=[language]
    )
    # A seat frees up, but Derde's workshop is full: Vierde, next in line, moves up.
    assert [p.pk for p in cancel(first)] == [wants_language.pk]
    # Derde keeps the first place in line and moves up as soon as the workshop frees.
    assert [p.pk for p in cancel(second)] == [wants_autism.pk]
    assert autism.choices.filter(registration__status="confirmed").count() == 1


@pytest.mark.django_db(transaction=True)
def test_many_people_at_once_never_overfill_a_session(make_event):
    on_postgres = connection.vendor == "postgresql"
    seats, people, workers = (10, 60, 30) if on_postgres else (4, 16, 8)
    event = make_event(
        capacity=people,
        sessions=[
            {"round": 1, "title": "Populair", "capacity": seats, "sort_order": 0}
        ],
    )
    session = event.sessions.get()
    start = threading.Barrier(workers)
    outcomes = []

    def press(number):
        try:
            if number < workers:
                start.wait(timeout=30)
            register(
                event,
                name=f"P{number}",
                email=f"p{number}@school.nl",
                sessions=[session],
            )
            outcomes.append("ok")
        except RegistrationError as error:
            outcomes.append(error.code)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=workers) as pool:
        list(pool.map(press, range(people)))
    assert outcomes.count("ok") == seats
    assert outcomes.count("session-full") == people - seats
    assert session.choices.count() == seats


@pytest.mark.django_db
def test_publishing_more_seats_moves_the_waiting_list_up(make_event):
    event = make_event(capacity=1)
    people = [register(event, name=f"P{n}", email=f"p{n}@school.nl") for n in range(4)]
    event.capacity = 3
    event.save_revision().publish()
    assert statuses(event) == ["confirmed", "confirmed", "confirmed", "waiting"]
    assert people[3].pk == Registration.objects.get(event=event, status="waiting").pk
