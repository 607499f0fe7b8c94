"""The live forum under the load and faults a real site meets, through real
Daphne processes sharing a real Redis: a write burst reaches every open page
exactly once (after catch-up), and idle sockets stay open.

Two processes share a channel layer only through Redis, so these run in CI's
PostgreSQL + Redis pass (REDIS_URL set)."""

import asyncio
import os
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

from forums import services
from forums.models import Thread
from tests.daphne import daphne
from tests.live_client import LivePage, Writer, session_cookie

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.slow,
    pytest.mark.usefixtures("own_channel_layer", "fresh_sync_executor_afterwards"),
    pytest.mark.skipif(
        not os.environ.get("REDIS_URL"),
        reason="needs REDIS_URL: two Daphne processes share a channel layer only "
        "through Redis (CI sets REDIS_URL=redis://127.0.0.1:6379/0)",
    ),
]


def _application():
    from channels.routing import get_default_application

    return get_default_application()


@pytest.fixture
def no_writing_limits(monkeypatch):
    """The burst writes faster than any member may: the per-account limits
    are lifted here, before the servers are forked with them."""
    monkeypatch.setattr(services, "RATE_LIMITS", {"thread": [], "post": []})
    monkeypatch.setattr(services, "NEW_ACCOUNT_RATE_LIMITS", {"thread": [], "post": []})


@pytest.mark.parametrize(
    "capacity",
    [None, 3],
    ids=["as-configured", "a-layer-that-drops-messages"],
)
def test_a_write_burst_reaches_every_open_page_exactly_once(
    settings,
    django_db_blocker,
    no_writing_limits,
    make_member,
    category,
    run_async,
    capacity,
):
    """1,000 replies from 8 writers into 2 threads, half through each of two
    Daphne processes, while 8 pages (4 per thread, 2 on each process) are
    open. Every page ends up showing every reply exactly once: live, or
    fetched by version when a message was lost. With the layer as configured
    none is lost; a layer that keeps only 3 waiting messages per process
    drops many, and the pages fetch them."""
    settings.FORUMS_LIVE_PING_SECONDS = 2
    if capacity is not None:
        layer = settings.CHANNEL_LAYERS["default"]
        settings.CHANNEL_LAYERS = {
            "default": {**layer, "CONFIG": {**layer["CONFIG"], "capacity": capacity}}
        }
    replies_per_writer, writers_count = 125, 8
    author = make_member("Anna Auteur")
    threads = [
        services.start_thread(author, category, title=title, body="Vraag.")
        for title in ("Time-outs", "Rustplekken")
    ]
    readers = [make_member(f"Lezer {n}") for n in range(8)]
    writers = [make_member(f"Schrijver {n}") for n in range(writers_count)]
    per_thread = replies_per_writer * writers_count // len(threads)
    expected = {thread.pk: set(range(2, 2 + per_thread)) for thread in threads}
    last = {pk: max(positions) for pk, positions in expected.items()}

    with (
        daphne(_application, django_db_blocker=django_db_blocker) as a,
        daphne(_application, django_db_blocker=django_db_blocker) as b,
    ):
        servers = [a, b]
        pages = [
            LivePage(
                servers[n % 2],
                threads[(n // 2) % 2],
                session_cookie(reader),
                version=1,
            )
            for n, reader in enumerate(readers)
        ]

        def done(page):
            return page.shown >= expected[page.thread_id] and not page.behind

        def write(n):
            writer = Writer(writers[n])
            for k in range(replies_per_writer):
                thread = threads[(n + k) % 2]
                writer.reply(servers[(n + k // 2) % 2], thread, f"Reactie {n}-{k}")

        async def scenario():
            listeners = [
                asyncio.create_task(page.follow(lambda p=page: done(p)))
                for page in pages
            ]
            await asyncio.wait_for(
                asyncio.gather(*(page.opened.wait() for page in pages)), 30
            )
            loop = asyncio.get_running_loop()
            with ThreadPoolExecutor(max_workers=writers_count) as pool:
                await asyncio.gather(
                    *(loop.run_in_executor(pool, write, n) for n in range(8))
                )
            await asyncio.wait_for(asyncio.gather(*listeners), 180)

        started = time.monotonic()
        run_async(scenario, timeout=600)
        took = time.monotonic() - started

    for thread in threads:
        assert Thread.objects.get(pk=thread.pk).post_count == last[thread.pk]
    heard = sum(len(page.heard) for page in pages)
    total = sum(len(expected[page.thread_id]) for page in pages)
    print(
        f"\n1,000 replies in {took:.0f} s; live messages: {heard} of {total}, "
        f"{sum(len(p.caught_up) for p in pages)} posts fetched by version"
    )
    if capacity is None:
        assert heard == total, "the layer as configured loses no message"
    for page in pages:
        assert page.close_code is None
        assert page.shown_twice == []
        assert page.shown == expected[page.thread_id]


def test_idle_sockets_stay_open(
    settings, django_db_blocker, make_member, make_thread, category, run_async
):
    """A thread page, the forum index and the notification count, open and
    idle for a minute through Daphne on Redis, are not closed (redis-py's
    default 5 s read timeout, the length of channels-redis' blocking read,
    closed them with 1011 every few seconds), and still hear the next reply."""
    thread = make_thread(category)
    reader, writer = make_member("Lezer"), make_member("Schrijver")
    cookie = session_cookie(reader)

    with daphne(_application, django_db_blocker=django_db_blocker) as server:
        page = LivePage(server, thread, cookie, version=1)
        ws = server.replace("http://", "ws://")

        async def idle(path):
            async with connect(
                ws + path, additional_headers={"Cookie": cookie}, origin=server
            ) as socket:
                # Messages may come (a count on connecting); a close may not.
                deadline = asyncio.get_running_loop().time() + 60
                try:
                    while (left := deadline - asyncio.get_running_loop().time()) > 0:
                        await asyncio.wait_for(socket.recv(), left)
                except TimeoutError:
                    pass
                except ConnectionClosed:
                    pass
                return socket.close_code

        async def scenario():
            listening = asyncio.create_task(
                page.listen(lambda: 2 in page.shown, quiet=90)
            )
            await asyncio.wait_for(page.opened.wait(), 10)
            others = await asyncio.gather(idle("/ws/forum/"), idle("/ws/meldingen/"))
            loop = asyncio.get_running_loop()
            await loop.run_in_executor(
                None, lambda: Writer(writer).reply(server, thread, "Nog iemand?")
            )
            await asyncio.wait_for(listening, 10)
            return others

        others = run_async(scenario, timeout=120)

    assert others == [None, None], "the index and notification sockets stayed open"
    assert page.close_code is None
    assert page.shown == {2}
