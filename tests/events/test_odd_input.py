"""Organiser tools answer values no page sends (an edited form, a script)
without a server error, also where PostgreSQL refuses what SQLite stores."""

from http import HTTPStatus

import pytest

from events.models import EventOrganiser
from events.services import register
from tests.bad_values import refusing_nul_like_postgresql

pytestmark = pytest.mark.django_db

ODD_TARGETS = ["bestaat-niet", "-1", "9" * 40, "1\x00", "javascript:alert(1)"]


@pytest.fixture
def event_and_anna(make_event, organiser):
    event = make_event(capacity=5)
    EventOrganiser.objects.create(event=event, user=organiser)
    return event, register(event, name="Anna", email="anna@school.nl")


@pytest.mark.parametrize("target", ODD_TARGETS)
def test_an_odd_return_address_sends_the_organiser_to_the_list(
    client, event_and_anna, organiser, target
):
    event, anna = event_and_anna
    client.force_login(organiser)
    moved = client.post(
        f"/agenda/beheer/{event.pk}/{anna.pk}/verplaatsen/",
        {"to": "waiting", "next": target},
    )
    assert moved.status_code == HTTPStatus.FOUND
    assert moved.headers["Location"] == f"/agenda/beheer/{event.pk}/"
    checked_in = client.post(
        f"/agenda/beheer/{event.pk}/inchecken/{anna.pk}/",
        {"present": "1", "next": target},
    )
    assert checked_in.status_code == HTTPStatus.FOUND
    assert checked_in.headers["Location"].startswith(
        f"/agenda/beheer/{event.pk}/inchecken/"
    )


def test_a_return_address_on_the_site_is_followed(client, event_and_anna, organiser):
    event, anna = event_and_anna
    client.force_login(organiser)
    back = f"/agenda/beheer/{event.pk}/?status=waiting"
    moved = client.post(
        f"/agenda/beheer/{event.pk}/{anna.pk}/verplaatsen/",
        {"to": "waiting", "next": back},
    )
    assert moved.headers["Location"] == back


@pytest.mark.parametrize("query", ["an\x00na", "x" * 7000, "\u202eanna"])
def test_an_odd_name_to_look_for_at_the_door_finds_nobody(
    client, event_and_anna, organiser, query
):
    event, _anna = event_and_anna
    client.force_login(organiser)
    with refusing_nul_like_postgresql():
        response = client.get(f"/agenda/beheer/{event.pk}/inchecken/", {"q": query})
    assert response.status_code == HTTPStatus.OK
