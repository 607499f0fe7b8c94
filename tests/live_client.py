"""An open thread page as forums/static/forums/js/live.js keeps it, for tests
that talk to a real Daphne: which posts it shows, the version it knows,
messages that came before a missing one, and the catch-up that fills a gap.

What it counts lets a test say "every post exactly once": a post shown twice
by live messages, or one that neither a message nor a catch-up brought."""

import asyncio
import http.client
import json
import re
import urllib.parse
import urllib.request
from collections import Counter
from http import HTTPStatus
from http.cookies import SimpleCookie

from django.test import Client
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed


class LivePage:
    def __init__(self, base_url: str, thread, cookie: str, version: int):
        self.base_url = base_url
        self.thread_id = thread.pk
        self.cookie = cookie
        self.version = version
        self.ahead: dict[int, dict] = {}
        self.live_new = Counter()  # position: times a "new" message showed it
        self.heard = Counter()  # position: "new" messages received at all
        self.messages: list[dict] = []  # every post message, as it came
        self.caught_up: set[int] = set()
        self.told_version = version  # the newest a ping or sync spoke of
        self.close_code: int | None = None

    # --- what the page does with a message ------------------------------------

    def receive(self, message: dict) -> None:
        if message.get("event") in ("ping", "sync"):
            self.told_version = max(self.told_version, message["version"])
            return
        self.messages.append(message)
        if message["event"] == "new":
            self.heard[message["position"]] += 1
        if message["version"] > self.version:
            self.ahead[message["version"]] = message
            self._drain()

    def _drain(self) -> None:
        while self.version + 1 in self.ahead:
            message = self.ahead.pop(self.version + 1)
            self.version += 1
            if message["event"] == "new":
                self.live_new[message["position"]] += 1
        self.ahead = {v: m for v, m in self.ahead.items() if v > self.version}

    @property
    def behind(self) -> bool:
        """A message is missing, or a ping said there is more: the script
        fetches after a short wait (a late message may still come)."""
        return bool(self.ahead) or self.told_version > self.version

    def fetch_catch_up(self) -> dict:
        """GET the catch-up view since the version this page knows, as the
        script does after a gap, a newer ping or a reconnect (blocking: call
        it from a worker thread while the socket is read)."""
        url = (
            f"{self.base_url}/forum/draad/{self.thread_id}/bijwerken/"
            f"?versie={self.version}"
        )
        request = urllib.request.Request(url, headers={"Cookie": self.cookie})
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.load(response)

    def apply_catch_up(self, answer: dict) -> None:
        """Show what the answer holds that the page has not shown since; live
        messages handled while it was on its way count as shown."""
        for post in answer["posts"]:
            if post["version"] > self.version and post["position"] not in self.shown:
                self.caught_up.add(post["position"])
        self.version = max(self.version, answer["version"])
        self._drain()

    @property
    def shown(self) -> set[int]:
        return set(self.live_new) | self.caught_up

    @property
    def shown_twice(self) -> list[int]:
        return [position for position, times in self.live_new.items() if times > 1]

    # --- the socket -------------------------------------------------------------

    def socket_url(self) -> str:
        parts = urllib.parse.urlsplit(self.base_url)
        return (
            f"ws://{parts.netloc}/ws/forum/draad/{self.thread_id}/"
            f"?taal=nl&versie={self.version}"
        )

    async def follow(self, until, *, quiet: float = 120) -> None:
        """Listen as live.js does: a gap that stays half a second (its message
        may just be late: two servers send in their own order), or a ping
        with a newer version, makes the page fetch what it missed."""
        loop = asyncio.get_running_loop()

        async def catch_up_when_behind():
            gap = None
            while True:
                await asyncio.sleep(0.1)
                if not self.behind:
                    gap = None
                elif gap is None or gap[0] != self.version:
                    gap = (self.version, loop.time())
                elif loop.time() - gap[1] >= 0.5:
                    self.apply_catch_up(
                        await loop.run_in_executor(None, self.fetch_catch_up)
                    )
                    gap = None

        helper = asyncio.create_task(catch_up_when_behind())
        try:
            await self.listen(until, quiet=quiet)
        finally:
            helper.cancel()

    async def listen(self, until, *, quiet: float = 120) -> None:
        """Keep the socket open and handle messages until `until()` is true
        after a message, or nothing arrives for `quiet` seconds. A close by
        the server is recorded in `close_code`."""
        origin = self.base_url
        self.opened.clear()
        self.close_code = None
        async with connect(
            self.socket_url(),
            additional_headers={"Cookie": self.cookie},
            origin=origin,
            max_size=2**22,
        ) as socket:
            self.opened.set()
            loop = asyncio.get_running_loop()
            heard_at = loop.time()
            # until() may come true between messages (a catch-up); look often.
            while not until():
                try:
                    raw = await asyncio.wait_for(socket.recv(), 0.25)
                except TimeoutError:
                    if loop.time() - heard_at > quiet:
                        return
                    continue
                except ConnectionClosed:
                    self.close_code = socket.close_code
                    return
                heard_at = loop.time()
                self.receive(json.loads(raw))

    @property
    def opened(self) -> asyncio.Event:
        if not hasattr(self, "_opened"):
            self._opened = asyncio.Event()
        return self._opened


def session_cookie(user) -> str:
    client = Client()
    client.force_login(user)
    return f"sessionid={client.cookies['sessionid'].value}"


class Writer:
    """A member replying through the site's form over HTTP, as a browser does,
    with the CSRF token read from the first page it opens."""

    def __init__(self, user):
        self.session = session_cookie(user)
        self.token, self.csrf_cookie = None, None

    def _connection(self, base_url):
        parts = urllib.parse.urlsplit(base_url)
        return http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)

    def reply(self, base_url: str, thread, body: str) -> None:
        connection = self._connection(base_url)
        try:
            if self.token is None:
                connection.request(
                    "GET", thread.get_absolute_url(), headers={"Cookie": self.session}
                )
                response = connection.getresponse()
                page = response.read().decode()
                self.token = re.search(
                    r'name="csrfmiddlewaretoken" value="([^"]+)"', page
                )[1]
                cookies = SimpleCookie()
                for header in response.headers.get_all("Set-Cookie") or []:
                    cookies.load(header)
                self.csrf_cookie = cookies["csrftoken"].value
            connection.request(
                "POST",
                f"/forum/draad/{thread.pk}/reageren/",
                body=urllib.parse.urlencode(
                    {"body": body, "csrfmiddlewaretoken": self.token}
                ),
                headers={
                    "Cookie": f"{self.session}; csrftoken={self.csrf_cookie}",
                    "Content-Type": "application/x-www-form-urlencoded",
                },
            )
            response = connection.getresponse()
            response.read()
            assert response.status == HTTPStatus.FOUND, response.status
        finally:
            connection.close()
