"""iCalendar files: parseable, in Europe/Amsterdam, a UID that survives edits,
and the meeting link only in the registrant's own file."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from events.links import registration_token
from events.services import register

pytestmark = pytest.mark.django_db
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
SECRET_LINK = "https://meet.example.org/lecso-geheim-42"


def parse(body: bytes):
    calendar = Calendar.from_ical(body)
    return calendar, list(calendar.walk("VEVENT"))


@pytest.fixture
def webinar(make_event):
    # 14:00 Amsterdam time on a winter day is 13:00 UTC; in summer it is 12:00.
    start = datetime.datetime(2031, 1, 15, 14, 0, tzinfo=AMSTERDAM)
    return make_event(
        start=start,
        end=start + datetime.timedelta(hours=1, minutes=30),
        format="hybrid",
        online_url=SECRET_LINK,
        intro="Over ondersteunde communicatie.",
    )


def test_event_file_has_amsterdam_times_and_no_meeting_link(client, webinar):
    response = client.get(webinar.url + "ical/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar, [vevent] = parse(response.content)
    assert calendar["VERSION"] == "2.0"
    start, end = vevent.decoded("DTSTART"), vevent.decoded("DTEND")
    assert str(start.tzinfo) == "Europe/Amsterdam"
    assert (start.hour, start.minute) == (14, 0)
    assert start.astimezone(datetime.UTC).hour == 13
    assert end - start == datetime.timedelta(hours=1, minutes=30)
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Amsterdam"]
    assert b"DTSTART;TZID=Europe/Amsterdam:20310115T140000" in response.content
    assert SECRET_LINK.encode() not in response.content
    assert "De Brug" in str(vevent["LOCATION"])


def test_summer_time_is_right_too(client, make_event):
    start = datetime.datetime(2031, 7, 2, 9, 30, tzinfo=AMSTERDAM)
    event = make_event(start=start, end=start + datetime.timedelta(hours=2))
    _, [vevent] = parse(client.get(event.url + "ical/").content)
    assert vevent.decoded("DTSTART").astimezone(datetime.UTC).hour == 7


def test_uid_is_stable_and_sequence_rises_when_time_changes(client, webinar):
    _, [before] = parse(client.get(webinar.url + "ical/").content)
    webinar.title = "Webinar: ondersteunde communicatie"
    webinar.save_revision().publish()
    _, [renamed] = parse(client.get(webinar.url + "ical/").content)
    webinar.start += datetime.timedelta(hours=1)
    webinar.end += datetime.timedelta(hours=1)
    webinar.save_revision().publish()
    _, [moved] = parse(client.get(webinar.url + "ical/").content)
    assert before["UID"] == renamed["UID"] == moved["UID"]
    assert before["SEQUENCE"] == renamed["SEQUENCE"] < moved["SEQUENCE"]
    assert moved.decoded("DTSTART").hour == 15


def test_feed_lists_upcoming_events_without_meeting_links(client, agenda, webinar):
    response = client.get(agenda.url + "ical/")
    assert response.status_code == 200
    calendar, events = parse(response.content)
    assert [str(e["SUMMARY"]) for e in events] == [webinar.title]
    assert SECRET_LINK.encode() not in response.content
    assert calendar["X-WR-CALNAME"] == "Agenda"


def test_registrant_file_carries_the_meeting_link(client, webinar):
    registration = register(webinar, name="Anna", email="anna@school.nl")
    url = f"/agenda/aanmelding/{registration_token(registration)}/agenda.ics"
    response = client.get(url)
    assert response.status_code == 200
    _, [vevent] = parse(response.content)
    assert SECRET_LINK in str(vevent["DESCRIPTION"])
    assert (
        vevent["UID"] == parse(client.get(webinar.url + "ical/").content)[1][0]["UID"]
    ), "the same event in the calendar, not a second one"


def test_the_feed_is_kept_until_what_it_lists_changes(
    client, agenda, webinar, make_event
):
    """A second request is served from the cache, without asking for the
    meetings; a new meeting, a publish, an unpublish and a view restriction
    each show in the next request."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from wagtail.models import PageViewRestriction

    def titles():
        body = client.get(agenda.url + "ical/").content
        return [str(vevent["SUMMARY"]) for vevent in parse(body)[1]]

    assert titles() == [webinar.title]
    with CaptureQueriesContext(connection) as kept:
        assert titles() == [webinar.title]
    assert not [q for q in kept.captured_queries if "events_eventpage" in q["sql"]]

    sooner = make_event(title="Studiemiddag gedrag", days=30)
    assert titles() == ["Studiemiddag gedrag", webinar.title]

    webinar.title = "Webinar: picto's"
    webinar.save_revision().publish()
    assert titles() == ["Studiemiddag gedrag", "Webinar: picto's"]

    sooner.unpublish()
    assert titles() == ["Webinar: picto's"]

    PageViewRestriction.objects.create(
        page=webinar, restriction_type=PageViewRestriction.LOGIN
    )
    assert titles() == []
