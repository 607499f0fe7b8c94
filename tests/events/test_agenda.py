"""The agenda: coming up and earlier, with filters that combine, as plain links."""

import datetime
from http import HTTPStatus

import pytest
from django.utils import timezone

from events.models import EventPage
from events.services import register
from network.models import Cluster, Topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def program(make_event):
    autism = Topic.objects.create(name="Autisme", slug="autisme")
    regional = make_event(
        title="Regio Utrecht cluster 4", province="UT", capacity=2, audience="members"
    )
    regional.clusters.set(Cluster.objects.filter(number=4))
    regional.topics.add(autism)
    regional.save()
    webinar = make_event(
        title="Webinar gebarentaal",
        format="online",
        online_url="https://meet.example.org/x",
        audience="open",
        venue_name="",
        venue_city="",
    )
    webinar.clusters.set(Cluster.objects.filter(number=2))
    webinar.save()
    long_ago = timezone.now() - datetime.timedelta(days=60)
    past = make_event(
        title="Terugblik congres",
        start=long_ago,
        end=long_ago + datetime.timedelta(hours=5),
    )
    return regional, webinar, past


def titles(response) -> list[str]:
    found = []
    for event in EventPage.objects.all():
        if f">{event.title}</a>" in response.text:
            found.append(event.title)
    return sorted(found)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["Regio Utrecht cluster 4", "Webinar gebarentaal"]),
        ("?wanneer=eerder", ["Terugblik congres"]),
        ("?cluster=4", ["Regio Utrecht cluster 4"]),
        ("?thema=autisme", ["Regio Utrecht cluster 4"]),
        ("?regio=UT", ["Regio Utrecht cluster 4"]),
        ("?vorm=online", ["Webinar gebarentaal"]),
        ("?vorm=ter-plaatse", ["Regio Utrecht cluster 4"]),
        ("?voor=open", ["Webinar gebarentaal"]),
        ("?cluster=2&vorm=ter-plaatse", []),
    ],
)
def test_filters(client, agenda, program, query, expected):
    response = client.get(agenda.url + query)
    assert response.status_code == 200
    assert titles(response) == expected


def test_listing_shows_seats_and_stays_quick(
    client, agenda, program, django_assert_max_num_queries
):
    regional, *_ = program
    register(regional, name="Anna", email="anna@school.nl")
    register(regional, name="Bram", email="bram@school.nl")
    with django_assert_max_num_queries(16):
        response = client.get(agenda.url)
    assert response.status_code == HTTPStatus.OK
    assert "Vol: wachtlijst open" in response.text
    assert "1 bijeenkomst gevonden" not in response.text
    assert "2 bijeenkomsten gevonden" in response.text
    with django_assert_max_num_queries(18):
        page = client.get(regional.url)
    assert page.status_code == 200


def test_unknown_filter_values_show_everything_upcoming(client, agenda, program):
    response = client.get(agenda.url + "?cluster=negen&regio=XX")
    assert response.status_code == 200
    assert titles(response) == ["Regio Utrecht cluster 4", "Webinar gebarentaal"]


def test_agenda_query_count_does_not_grow_with_meetings(client, agenda, make_event):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries() -> int:
        client.get(agenda.url)  # warm the site-root cache
        with CaptureQueriesContext(connection) as captured:
            assert client.get(agenda.url).status_code == 200
        return len(captured)

    make_event()
    few = queries()
    for _ in range(12):
        make_event()
    assert queries() == few
