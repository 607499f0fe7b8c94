"""Live forum pages over WebSocket: an open thread receives its posts as they
are written, edited or hidden; the index hears of new posts in the places the
person reads, to keep its unread counts current.

Both consumers ask the predicates in permissions.py when the socket opens and
again on every "access.changed" (live.membership_changed, or a moderator
hiding a thread); a socket that may no longer read is closed with 4403. Only
the server speaks: whatever the client sends is ignored.
"""

import asyncio
import logging
from urllib.parse import parse_qs

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser

from . import app_settings, live
from .models import Thread
from .permissions import can_view_thread, readable_categories, readable_groups

logger = logging.getLogger(__name__)

# Close codes the page's script understands as "stop trying".
NOT_SIGNED_IN = 4401
FORBIDDEN = 4403
NOT_FOUND = 4404


def _current(user):
    """The person as the database knows them now, not as the handshake found
    them: an account switched off, a permission taken away or a membership
    ended must count at once (the user object caches some of these)."""
    if user is None or not user.is_authenticated:
        return AnonymousUser()
    return get_user_model().objects.filter(pk=user.pk).first() or AnonymousUser()


def thread_access(user, thread_id: int) -> int | None:
    """None when `user` may read the thread, else the close code."""
    thread = (
        Thread.objects.select_related("category", "group").filter(pk=thread_id).first()
    )
    if thread is None:
        return NOT_FOUND
    return None if can_view_thread(_current(user), thread) else FORBIDDEN


def thread_version(thread_id: int) -> int | None:
    return Thread.objects.filter(pk=thread_id).values_list("version", flat=True).first()


def place_groups(user) -> set[str]:
    """The channel groups of every category and closed group `user` reads."""
    user = _current(user)
    categories = readable_categories(user).values_list("pk", flat=True)
    groups = readable_groups(user).values_list("pk", flat=True)
    return {live.place_group_for("c", pk) for pk in categories} | {
        live.place_group_for("g", pk) for pk in groups
    }


class ThreadConsumer(AsyncJsonWebsocketConsumer):
    """ws/forum/draad/<thread id>/: the posts of one thread as they happen, as
    {event, position, version, html, author}, and every
    FORUMS_LIVE_PING_SECONDS a {event: "ping", version} with the thread's
    current version, so a page that missed a message finds out and catches up
    (see live.py). The page says its language and the version it shows in
    the query string (?taal=en&versie=12), so it gets posts rendered in that
    language and hears at once if it is behind."""

    async def connect(self):
        self.user = self.scope.get("user") or AnonymousUser()
        self.thread_id = self.scope["url_route"]["kwargs"]["thread_id"]
        self.joined = []
        refused = await database_sync_to_async(thread_access)(self.user, self.thread_id)
        if refused:
            await self.close(code=refused)
            return
        query = parse_qs(self.scope.get("query_string", b"").decode("latin-1"))
        self.language = query.get("taal", [settings.LANGUAGE_CODE])[0]
        self.joined = [live.thread_group(self.thread_id)]
        if self.user.is_authenticated:
            self.joined.append(live.user_group(self.user.pk))
        for group in self.joined:
            await self.channel_layer.group_add(group, self.channel_name)
        await self.accept()
        page_version = query.get("versie", [""])[0]
        self.pinger = asyncio.create_task(
            self._ping(
                int(page_version)
                if page_version.isascii() and page_version.isdigit()
                else None
            )
        )

    async def disconnect(self, code):
        pinger = getattr(self, "pinger", None)
        if pinger is not None:
            pinger.cancel()
        await self._leave()

    async def _leave(self):
        for group in self.joined:
            await self.channel_layer.group_discard(group, self.channel_name)
        self.joined = []

    async def _ping(self, page_version: int | None):
        """Tell the page the thread's version now and then. Joining the groups
        again renews them: channels-redis forgets a member after its
        group_expiry, and a tab may stay open longer than that.

        A page that said which version it shows (?versie=N) hears at once if
        the thread moved on since: a change made while it loaded, or while
        its socket was closed, is then fetched without waiting."""
        first = page_version is not None
        while True:
            await asyncio.sleep(0 if first else app_settings.live_ping_seconds())
            if not self.joined:
                return
            try:
                version = await database_sync_to_async(thread_version)(self.thread_id)
                if not first:
                    for group in self.joined:
                        await self.channel_layer.group_add(group, self.channel_name)
            except Exception:  # noqa: BLE001 - a database or Redis hiccup
                logger.warning("Live ping for thread %s failed", self.thread_id)
                first = False
                continue
            if version is not None and not (first and version <= page_version):
                await self.send_json({"event": "ping", "version": version})
            first = False

    async def receive_json(self, content, **kwargs):
        pass

    async def post_event(self, event):
        if not self.joined:
            return  # closed for lost access; a message may still be queued
        if event["event"] == "sync":
            await self.send_json({"event": "sync", "version": event["version"]})
            return
        html = event["html"]
        if isinstance(html, dict):
            html = html.get(self.language) or html.get(settings.LANGUAGE_CODE) or ""
        await self.send_json(
            {
                "event": event["event"],
                "position": event["position"],
                "version": event["version"],
                "html": html,
                "author": event.get("author", ""),
            }
        )

    async def access_changed(self, event):
        refused = await database_sync_to_async(thread_access)(self.user, self.thread_id)
        if refused:
            # Leave the groups first: nothing more may reach this socket.
            await self._leave()
            await self.close(code=refused)


class IndexConsumer(AsyncJsonWebsocketConsumer):
    """ws/forum/: new posts in every place the person reads, as
    {place, thread, post_count, new_thread}, for the index's unread counts.
    Unread counts are personal, so visitors are refused (4401); the person's
    own posts are not sent (they have read them)."""

    async def connect(self):
        self.user = self.scope.get("user") or AnonymousUser()
        self.joined = set()
        if not self.user.is_authenticated or not self.user.is_active:
            await self.close(code=NOT_SIGNED_IN)
            return
        await self._join(await database_sync_to_async(place_groups)(self.user))
        await self.channel_layer.group_add(
            live.user_group(self.user.pk), self.channel_name
        )
        await self.accept()

    async def disconnect(self, code):
        await self._leave(set(self.joined))
        if self.user.is_authenticated:
            await self.channel_layer.group_discard(
                live.user_group(self.user.pk), self.channel_name
            )

    async def _join(self, groups: set[str]):
        for group in groups - self.joined:
            await self.channel_layer.group_add(group, self.channel_name)
        self.joined |= groups

    async def _leave(self, groups: set[str]):
        for group in groups:
            await self.channel_layer.group_discard(group, self.channel_name)
        self.joined -= groups

    async def receive_json(self, content, **kwargs):
        pass

    async def place_event(self, event):
        if event.get("author_id") == self.user.pk:
            return
        if live.place_group_for(*event["place"].split(".")) not in self.joined:
            return  # left that place a moment ago; the message was on its way
        await self.send_json(
            {
                "place": event["place"],
                "thread": event["thread"],
                "post_count": event["post_count"],
                "new_thread": event["new_thread"],
            }
        )

    async def access_changed(self, event):
        now = await database_sync_to_async(place_groups)(self.user)
        await self._leave(self.joined - now)
        await self._join(now)
