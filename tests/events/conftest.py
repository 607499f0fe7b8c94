import datetime

import pytest
from django.utils import timezone

from events.models import EventIndexPage, EventPage, EventQuestion, EventSession
from tests import factories


@pytest.fixture
def agenda(home):
    index = EventIndexPage(title="Agenda", slug="agenda")
    home.add_child(instance=index)
    return index


@pytest.fixture
def make_event(agenda):
    """An event two weeks ahead, on site, with three seats unless told."""

    def make(capacity=3, waiting_list=True, questions=(), sessions=(), **fields):
        start = fields.pop("start", timezone.now() + datetime.timedelta(days=14))
        defaults = {
            "title": f"Regiobijeenkomst {EventPage.objects.count() + 1}",
            "start": start,
            "end": start + datetime.timedelta(hours=3),
            "capacity": capacity,
            "waiting_list": waiting_list,
            "venue_name": "De Brug",
            "venue_city": "Utrecht",
        }
        event = EventPage(**{**defaults, **fields})
        for question in questions:
            event.questions.add(EventQuestion(**question))
        for session in sessions:
            event.sessions.add(EventSession(**session))
        agenda.add_child(instance=event)
        return event

    return make


@pytest.fixture
def member(db):
    """A teacher at a school whose board is a member of the association."""
    school = factories.make_school("De Burcht", "12AB", province="UT", city="Utrecht")
    return factories.make_member(
        "Marieke de Vries",
        school=school,
        username="marieke",
        email="marieke@deburcht.nl",
        password="wachtwoord-voor-test",
        first_name="Marieke",
        last_name="de Vries",
    )


@pytest.fixture
def outsider(db):
    """Signed in, but not at a member school."""
    return factories.make_user(
        "buiten", email="iemand@elders.nl", password="wachtwoord-voor-test"
    )


@pytest.fixture
def organiser(db):
    return factories.make_user(
        "organisator",
        email="organisator@lecso.nl",
        password="wachtwoord-voor-test",
        first_name="Olga",
        last_name="Organisator",
    )
