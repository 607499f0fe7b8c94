"""Many visitors complete their registration at the same moment, through the
real Daphne server over HTTP: every one gets a normal answer, and the seats are
never exceeded."""

import datetime
import re
import threading
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from django.utils import timezone

from events.links import visitor_token
from events.models import EventIndexPage, EventPage, Registration

pytestmark = pytest.mark.django_db(transaction=True)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def complete_registration(url: str, start: threading.Barrier) -> int:
    """Open the link from the e-mail, wait for everyone, press the button."""
    opener = urllib.request.build_opener(NoRedirect)
    page = opener.open(url, timeout=60)
    cookie = re.search(r"csrftoken=([^;]+)", page.headers["Set-Cookie"]).group(1)
    token = re.search(
        r'name="csrfmiddlewaretoken" value="([^"]+)"', page.read().decode()
    ).group(1)
    start.wait(timeout=120)
    request = urllib.request.Request(
        url,
        data=urllib.parse.urlencode({"csrfmiddlewaretoken": token}).encode(),
        headers={"Cookie": f"csrftoken={cookie}"},
    )
    try:
        return opener.open(request, timeout=120).status
    except urllib.error.HTTPError as answer:
        return answer.code  # a 302 arrives here, since redirects are not followed


@pytest.mark.slow
def test_simultaneous_registrations_over_http(home, live_server_url):
    on_postgres = connection.vendor == "postgresql"
    seats, people, workers = (50, 200, 50) if on_postgres else (10, 40, 20)
    index = EventIndexPage(title="Agenda", slug="agenda")
    home.add_child(instance=index)
    start = timezone.now() + datetime.timedelta(days=30)
    event = EventPage(
        title="Landelijke studiedag",
        slug="studiedag",
        start=start,
        end=start + datetime.timedelta(hours=6),
        audience="open",
        capacity=seats,
        venue_name="Jaarbeurs",
        venue_city="Utrecht",
    )
    index.add_child(instance=event)
    links = [
        live_server_url
        + "/agenda/bevestigen/"
        + visitor_token(
            {
                "event": event.pk,
                "name": f"Bezoeker {n}",
                "email": f"bezoeker{n}@regulier.nl",
                "answers": {},
                "sessions": [],
                "language": "nl",
            }
        )
        + "/"
        for n in range(people)
    ]
    barrier = threading.Barrier(workers)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        answers = list(pool.map(lambda url: complete_registration(url, barrier), links))

    assert answers == [302] * people, "everyone is sent on to their registration"
    rows = list(Registration.objects.filter(event=event).order_by("sequence"))
    assert [r.status for r in rows].count("confirmed") == seats
    assert [r.status for r in rows] == ["confirmed"] * seats + ["waiting"] * (
        people - seats
    )
