"""iCalendar (RFC 5545) for events: one file per event, a feed of upcoming
events, and the personal file that goes with a registration.

Times are written in Europe/Amsterdam with a VTIMEZONE, so calendars show the
meeting at the right hour on both sides of a daylight-saving change. The UID is
derived from the page id and never changes; SEQUENCE rises when time or place
changes, so a calendar replaces its copy instead of adding a second one.
The meeting link goes only into the personal file."""

import datetime
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import get_language
from icalendar import Calendar, Event

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
FEED_LIMIT = 300


def event_uid(event) -> str:
    host = urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "localhost"
    return f"event-{event.pk}@{host}"


def _calendar(name: str | None = None) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", "-//LECSO//Agenda//NL")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if name:
        calendar.add("x-wr-calname", name)
        calendar.add("x-wr-timezone", "Europe/Amsterdam")
        calendar.add("refresh-interval", datetime.timedelta(hours=6))
    return calendar


def _vevent(event, page_url: str, *, online_url: str = "") -> Event:
    vevent = Event()
    vevent.add("uid", event_uid(event))
    vevent.add("dtstamp", timezone.now())
    vevent.add("dtstart", event.start.astimezone(AMSTERDAM))
    vevent.add("dtend", event.end.astimezone(AMSTERDAM))
    vevent.add("summary", event.title)
    vevent.add("sequence", event.ics_sequence)
    if event.last_published_at:
        vevent.add("last-modified", event.last_published_at)
    description = [event.intro] if event.intro else []
    location = event.location_text
    if online_url:
        description.append(online_url)
        location = f"{location} – {online_url}" if event.has_venue else online_url
    description.append(page_url)
    vevent.add("description", "\n\n".join(description))
    if location:
        vevent.add("location", location)
    vevent.add("url", page_url)
    vevent.add("status", "CONFIRMED")
    return vevent


def _to_bytes(calendar: Calendar) -> bytes:
    calendar.add_missing_timezones()
    return calendar.to_ical()


def event_ics(event, page_url: str) -> bytes:
    calendar = _calendar()
    calendar.add_component(_vevent(event, page_url))
    return _to_bytes(calendar)


def registration_ics(registration) -> bytes:
    """The registrant's own file: with the meeting link."""
    event = registration.event
    calendar = _calendar()
    calendar.add_component(
        _vevent(event, event.get_full_url(), online_url=event.online_url)
    )
    return _to_bytes(calendar)


def feed_ics(index, request) -> bytes:
    calendar = _calendar(index.title)
    upcoming = index.events().filter(end__gte=timezone.now()).order_by("start")
    for event in upcoming[:FEED_LIMIT]:
        calendar.add_component(_vevent(event, event.get_full_url(request)))
    return _to_bytes(calendar)


def _response(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def public_event_response(event, request) -> HttpResponse:
    body = event_ics(event, event.get_full_url(request))
    return _response(body, f"{slugify(event.title) or 'event'}.ics")


# The feed of every coming meeting is the same for everyone who asks at one
# address, and calendar apps poll it: writing 300 meetings took 180 ms at ten
# times today's agenda (the iCalendar library folds every line). It is kept
# until a meeting or agenda page is saved or deleted, any page is published,
# unpublished or moved, or a view restriction changes (forget_feed, connected
# in events.signals), and never longer than FEED_SECONDS, so a meeting that
# ended drops out and the time stamps stay recent.
FEED_SECONDS = 600
FEED_VERSION_KEY = "events:feed:version"


def public_feed_response(index, request) -> HttpResponse:
    version = cache.get_or_set(FEED_VERSION_KEY, 1, None)
    key = "events:feed:{}:{}:{}:{}".format(
        version, index.pk, get_language(), request.build_absolute_uri("/")
    )
    body = cache.get(key)
    if body is None:
        body = feed_ics(index, request)
        cache.set(key, body, FEED_SECONDS)
    return _response(body, "agenda.ics")


def forget_feed(**_kwargs) -> None:
    """Receiver: kept feeds are not read again."""
    try:
        cache.incr(FEED_VERSION_KEY)
    except ValueError:
        cache.set(FEED_VERSION_KEY, 1, None)


def ics_filename(event) -> str:
    return f"{slugify(event.title) or 'event'}.ics"
