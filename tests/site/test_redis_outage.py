"""Pages keep being served while Redis is down, and a reply posted meanwhile
is saved and shown to its author.

The site's cache and channel layer are pointed at a Redis of the test's own
(tests/spare_redis.py), which the test stops and starts: refused connections,
then a fresh, empty server, as production sees a Redis restart. So it runs on
SQLite and PostgreSQL alike."""

import asyncio
import datetime
import logging
import os
import signal
from http import HTTPStatus

import pytest
import redis
from django.utils import timezone

from forums import services as forum_services
from forums.models import Category, Post
from network.models import Affiliation, Board, Profile, School
from tests.daphne import daphne
from tests.live_client import LivePage, Writer, session_cookie

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

PREFIX = "lecso-outage-test"


@pytest.fixture
def site_on_spare_redis(settings, spare_redis):
    """The cache and the channel layer as production configures them for
    REDIS_URL, on the spare Redis. Changing the settings makes Django and
    Channels build new cache and layer objects (their setting_changed
    receivers), and again when the test ends."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": spare_redis.url,
            "KEY_PREFIX": PREFIX,
            "OPTIONS": settings.REDIS_CACHE_OPTIONS,
        }
    }
    layer = {**settings.CHANNEL_LAYERS["default"]}
    if "channels_redis" not in layer["BACKEND"]:
        layer = {"BACKEND": "channels_redis.core.RedisChannelLayer"}
    layer["CONFIG"] = {
        **layer.get("CONFIG", {}),
        **settings.CHANNEL_LAYER_CONFIG,
        "hosts": [{"address": spare_redis.url, **settings.REDIS_LAYER_CONNECTION}],
        "prefix": PREFIX,
    }
    settings.CHANNEL_LAYERS = {"default": layer}
    return spare_redis


def _application():
    from channels.routing import get_default_application

    return get_default_application()


@pytest.fixture
def fresh_log_filters():
    """The once-a-minute filters start with nothing seen, so what an earlier
    test logged does not hide this test's first line."""
    for name in ("django_redis.cache", "network.notifications", "forums.live"):
        for log_filter in logging.getLogger(name).filters:
            if hasattr(log_filter, "_last"):
                log_filter._last.clear()


@pytest.fixture
def world(home, django_user_model, make_event):
    board = Board.objects.create(name="Stichting Kans", number="41001", is_member=True)
    school = School.objects.create(
        name="De Burcht", brin="12AB", board=board, province="UT", city="Utrecht"
    )
    people = []
    for number, name in enumerate(["Marieke de Vries", "Bram Jansen"], start=1):
        user = django_user_model.objects.create_user(
            username=f"lid{number}",
            email=f"lid{number}@deburcht.nl",
            password="Een-lang-wachtwoord-42",
            date_joined=timezone.now() - datetime.timedelta(days=30),
        )
        profile = Profile.objects.create(user=user, name=name)
        Affiliation.objects.create(profile=profile, school=school)
        people.append(user)
    asker, replier = people
    category = Category.objects.create(name="Gedrag", slug="gedrag")
    thread = forum_services.start_thread(
        asker, category, title="Time-outs in de klas", body="Hoe doen jullie dat?"
    )
    event = make_event(title="Regiobijeenkomst", capacity=20)
    return {"asker": asker, "replier": replier, "thread": thread, "event": event}


def pages(world) -> list[str]:
    return [
        "/",
        "/forum/",
        world["thread"].get_absolute_url(),
        "/deskundigen/",
        "/meldingen/",
        world["event"].url,
    ]


def assert_all_served(client, world) -> None:
    for path in pages(world):
        response = client.get(path)
        assert response.status_code == HTTPStatus.OK, path


def test_pages_and_a_reply_survive_redis_going_down_and_coming_back(
    client,
    world,
    site_on_spare_redis,
    fresh_log_filters,
    caplog,
    django_capture_on_commit_callbacks,
):
    spare = site_on_spare_redis
    client.force_login(world["replier"])
    assert_all_served(client, world)
    assert redis.Redis.from_url(spare.url).dbsize() > 0, "the pages used this Redis"
    assert client.get("/gezond/klaar/").json()["cache"] == "ok"

    spare.stop()
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        assert_all_served(client, world)
        # The reply notifies the asker (an unread count pushed to their open
        # pages) and goes out live to the thread: both through the layer
        # that is down, both after the reply committed.
        with django_capture_on_commit_callbacks(execute=True):
            posted = client.post(
                f"/forum/draad/{world['thread'].pk}/reageren/",
                {"body": "Bij ons werkt een vaste rustplek."},
            )
        assert posted.status_code == HTTPStatus.FOUND
        shown = client.get(posted.url)
        assert shown.status_code == HTTPStatus.OK
        assert "Bij ons werkt een vaste rustplek." in shown.text
        assert_all_served(client, world)
    assert Post.objects.filter(body__contains="vaste rustplek").count() == 1
    assert world["asker"].notifications.unread().count() == 1

    # Dozens of cache misses, and a push that failed: each logged once.
    misses = [r for r in caplog.records if r.name == "django_redis.cache"]
    assert len(misses) == 1, "a cache miss is logged at most once a minute"
    assert [r for r in caplog.records if r.name == "network.notifications"]

    ready = client.get("/gezond/klaar/")
    assert ready.status_code == HTTPStatus.SERVICE_UNAVAILABLE
    assert ready.json() == {
        "database": "ok",
        "cache": "unavailable",
        "channel_layer": "unavailable",
    }
    assert client.get("/gezond/").status_code == HTTPStatus.OK

    spare.start()
    assert_all_served(client, world)
    assert client.get("/gezond/klaar/").status_code == HTTPStatus.OK
    assert redis.Redis.from_url(spare.url).dbsize() > 0, "the cache is used again"


def test_visitor_forms_are_not_refused_while_the_limits_cannot_count(
    client, world, site_on_spare_redis, settings
):
    """django-ratelimit's limits fail open for the length of an outage
    (RATELIMIT_FAIL_OPEN): a visitor may still register for an open event."""
    from events.models import Audience

    event = world["event"]
    event.audience = Audience.OPEN
    event.save_revision().publish()
    site_on_spare_redis.stop()
    response = client.post(
        event.url, {"name": "Piet Jansen", "email": "piet@regulier.nl"}
    )
    assert response.status_code == HTTPStatus.OK
    assert "Kijk in uw mailbox" in response.text


def test_pages_are_served_while_redis_hangs(client, world, site_on_spare_redis):
    """A Redis that accepts connections but never answers (stopped with
    SIGSTOP: the kernel still completes the handshake) costs each cache call
    its short reply timeout, and the pages are still served."""
    client.force_login(world["replier"])
    assert_all_served(client, world)
    os.kill(site_on_spare_redis.process.pid, signal.SIGSTOP)
    try:
        assert_all_served(client, world)
        assert client.get("/gezond/klaar/").json()["cache"] == "unavailable"
    finally:
        os.kill(site_on_spare_redis.process.pid, signal.SIGCONT)
    assert_all_served(client, world)


def test_signing_in_while_redis_is_down_is_refused_politely(
    client, world, site_on_spare_redis
):
    """allauth's sign-in limits take a lock in the cache; without the cache
    they refuse (fail closed: they guard passwords). The answer is the
    site's "too many attempts" page, never an error page."""
    site_on_spare_redis.stop()
    response = client.post(
        "/account/login/",
        {"login": world["replier"].email, "password": "Een-lang-wachtwoord-42"},
    )
    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("fresh_sync_executor_afterwards")
def test_an_open_thread_page_misses_no_reply_through_an_outage(
    settings, world, site_on_spare_redis, django_db_blocker, run_async
):
    """Through Daphne: a thread page is open when Redis stops. Its socket is
    closed, a reply is written meanwhile (and saved), Redis comes back, the
    page reconnects saying the version it shows, hears that it is behind and
    fetches the reply; the next reply arrives live. Each shown once."""
    settings.FORUMS_LIVE_PING_SECONDS = 1
    spare, thread = site_on_spare_redis, world["thread"]
    writer = Writer(world["replier"])

    with daphne(_application, django_db_blocker=django_db_blocker) as server:
        page = LivePage(server, thread, session_cookie(world["asker"]), version=1)

        async def reply(body):
            loop = asyncio.get_running_loop()
            await loop.run_in_executor(None, writer.reply, server, thread, body)

        async def scenario():
            following = asyncio.create_task(page.follow(lambda: 2 in page.shown))
            await asyncio.wait_for(page.opened.wait(), 10)
            await reply("Voor de storing.")
            await asyncio.wait_for(following, 15)

            following = asyncio.create_task(page.follow(lambda: False, quiet=30))
            await asyncio.wait_for(page.opened.wait(), 10)
            spare.stop()
            await asyncio.wait_for(following, 30)
            closed_with = page.close_code
            await reply("Tijdens de storing.")

            spare.start()
            await asyncio.wait_for(
                page.follow(lambda: 3 in page.shown and not page.behind), 30
            )
            following = asyncio.create_task(page.follow(lambda: 4 in page.shown))
            await asyncio.wait_for(page.opened.wait(), 10)
            await reply("Na de storing.")
            await asyncio.wait_for(following, 15)
            return closed_with

        closed_with = run_async(scenario, timeout=120)

    assert closed_with is not None, "the socket was closed while Redis was down"
    assert page.live_new.keys() == {2, 4}
    assert page.caught_up == {3}
    assert page.shown_twice == []
    assert Post.objects.filter(thread=thread).count() == 4
