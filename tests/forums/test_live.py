"""The live forum over WebSocket: who may open which socket, what arrives on
it, how lost access closes it, and (with Redis) a post made through one Daphne
process reaching a socket on another."""

import asyncio
import os
from http import HTTPStatus

import pytest
from channels.db import database_sync_to_async
from channels.routing import URLRouter
from channels.testing import WebsocketCommunicator
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.utils import formats, timezone, translation

from forums import live, moderation_services, services
from forums.models import GroupMembership, MembershipStatus, Post
from forums.routing import websocket_urlpatterns
from lecso_site.asgi import application
from tests.daphne import daphne
from tests.live_client import LivePage, Writer, session_cookie

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("own_channel_layer", "fresh_sync_executor_afterwards"),
]

ROUTES = URLRouter(websocket_urlpatterns)


def socket(path: str, user) -> WebsocketCommunicator:
    """A socket on the forum routes, with `user` put in the scope the way
    AuthMiddlewareStack does."""
    communicator = WebsocketCommunicator(ROUTES, path)
    communicator.scope["user"] = user
    return communicator


def thread_socket(thread, user, language: str = "nl") -> WebsocketCommunicator:
    return socket(f"/ws/forum/draad/{thread.pk}/?taal={language}", user)


async def closed_with(communicator) -> int | None:
    """The close code the server sent, waiting for it."""
    output = await communicator.receive_output(timeout=3)
    assert output["type"] == "websocket.close", output
    return output.get("code")


async def joined_place(communicator, place: str) -> None:
    """Wait until an index socket has joined `place` after an access change,
    which it handles on its own time: probe the place's group until a probe
    comes through (a socket outside the group never hears one)."""
    from channels.layers import get_channel_layer

    probe = {"type": "place.event", "place": place, "thread": 0, "post_count": 0}
    for _attempt in range(50):
        await get_channel_layer().group_send(
            live.place_group_for(*place.split(".")),
            {**probe, "new_thread": False, "author_id": None},
        )
        # (A timed-out receive would stop the consumer; this only looks.)
        if not await communicator.receive_nothing(timeout=0.1):
            assert (await communicator.receive_json_from())["thread"] == 0
            return
    raise AssertionError(f"the socket never joined {place}")


@pytest.fixture
def threads(make_thread, public_category, category, group, group_member):
    return {
        "public": make_thread(public_category, title="Open vraag"),
        "members": make_thread(category, title="Alleen voor leden"),
        "group": make_thread(group, author=group_member, title="Binnen de groep"),
    }


ALLOWED = {
    "visitor": {"public"},
    "outsider": {"public"},
    "member": {"public", "members"},
    "group_member": {"public", "members", "group"},
    "moderator": {"public", "members", "group"},
}


@pytest.mark.parametrize("who", list(ALLOWED))
@pytest.mark.parametrize("where", ["public", "members", "group"])
def test_thread_socket_asks_the_same_question_as_the_thread_page(
    request, client, threads, run_async, who, where
):
    user = AnonymousUser() if who == "visitor" else request.getfixturevalue(who)
    thread = threads[where]
    allowed = where in ALLOWED[who]

    async def scenario():
        communicator = thread_socket(thread, user)
        connected, code = await communicator.connect()
        if connected:
            await communicator.disconnect()
        return connected, code

    connected, code = run_async(scenario)
    assert connected is allowed
    if not allowed:
        assert code == 4403
    # The page itself agrees.
    if user.is_authenticated:
        client.force_login(user)
    response = client.get(thread.get_absolute_url())
    assert (response.status_code == HTTPStatus.OK) is allowed


def test_hidden_threads_and_missing_threads_are_refused(
    threads, member, moderator, run_async
):
    hidden = threads["members"]
    hidden.is_hidden = True
    hidden.save(update_fields=["is_hidden"])

    async def scenario():
        results = []
        for user, path in [
            (member, f"/ws/forum/draad/{hidden.pk}/"),
            (moderator, f"/ws/forum/draad/{hidden.pk}/"),
            (moderator, "/ws/forum/draad/987654/"),
        ]:
            communicator = socket(path, user)
            results.append(await communicator.connect())
            await communicator.disconnect()
        return results

    assert run_async(scenario) == [(False, 4403), (True, None), (False, 4404)]


def test_a_reply_reaches_open_thread_pages_in_their_language(
    make_thread, category, member, other_member, run_async
):
    thread = make_thread(category)

    async def scenario():
        dutch = thread_socket(thread, member, "nl")
        english = thread_socket(thread, other_member, "en")
        assert (await dutch.connect())[0] and (await english.connect())[0]

        post = await database_sync_to_async(services.reply)(
            other_member, thread, body="Wij gebruiken een **rustplek**."
        )
        nl_message = await dutch.receive_json_from(timeout=3)
        en_message = await english.receive_json_from(timeout=3)

        await dutch.send_json_to({"event": "new", "html": "<script>"})
        assert await dutch.receive_nothing(timeout=0.2), "the client is not heard"
        await dutch.disconnect()
        await english.disconnect()
        return post, nl_message, en_message

    post, nl_message, en_message = run_async(scenario)
    assert {k: nl_message[k] for k in ("event", "position", "author")} == {
        "event": "new",
        "position": 2,
        "author": "Bram Jansen",
    }
    for message in (nl_message, en_message):
        assert 'id="bericht-2"' in message["html"]
        assert "<strong>rustplek</strong>" in message["html"]
    assert "Reply 2: Bram Jansen" in en_message["html"]
    created = timezone.localtime(post.created_at)
    with translation.override("nl"):
        dutch_month = formats.date_format(created, "F")
    assert f"{created.day} {dutch_month} {created.year}" in nl_message["html"]


def test_edits_and_hiding_arrive_without_the_hidden_text(
    make_thread, category, member, other_member, run_async
):
    thread = make_thread(category, replies=1)
    reply = Post.objects.get(thread=thread, position=2)

    def hide():
        # What moderation does: hide, then tell open pages after the commit.
        with transaction.atomic():
            Post.objects.filter(pk=reply.pk).update(is_hidden=True)
            reply.refresh_from_db()
            live.after_commit_post_changed(reply, "hidden")

    async def scenario():
        reader = thread_socket(thread, other_member)
        assert (await reader.connect())[0]
        await database_sync_to_async(services.edit_post)(
            member, reply, body="Aangevuld: een **time-in** werkt beter."
        )
        edited = await reader.receive_json_from(timeout=3)
        await database_sync_to_async(hide)()
        hidden = await reader.receive_json_from(timeout=3)
        await reader.disconnect()
        return edited, hidden

    edited, hidden = run_async(scenario)
    assert edited["event"] == "edited" and edited["position"] == 2
    assert "<strong>time-in</strong>" in edited["html"]
    assert hidden["event"] == "hidden" and hidden["position"] == 2
    assert "post--hidden" in hidden["html"]
    assert "time-in" not in hidden["html"], "a hidden text is never sent"


def test_messages_carry_the_version_each_change_took(
    make_thread, category, member, other_member, run_async
):
    thread = make_thread(category)

    async def scenario():
        reader = thread_socket(thread, member)
        assert (await reader.connect())[0]
        reply = await database_sync_to_async(services.reply)(
            other_member, thread, body="Eerste."
        )
        new = await reader.receive_json_from(timeout=3)
        await database_sync_to_async(services.edit_post)(
            other_member, reply, body="Eerste, verbeterd."
        )
        edited = await reader.receive_json_from(timeout=3)
        await reader.disconnect()
        return new, edited

    new, edited = run_async(scenario)
    assert (new["event"], new["position"], new["version"]) == ("new", 2, 2)
    assert (edited["event"], edited["position"], edited["version"]) == ("edited", 2, 3)


def test_a_page_behind_hears_the_version_as_soon_as_it_connects(
    make_thread, category, member, other_member, run_async
):
    """A reply written while the page loaded, or while its socket was down,
    reaches no socket: the page says which version it shows and is told at
    once that there is more, so it fetches it (test_catch_up.py)."""
    thread = make_thread(category)  # version 1 on the page
    services.reply(other_member, thread, body="Terwijl de pagina laadde.")

    async def scenario():
        behind = socket(f"/ws/forum/draad/{thread.pk}/?taal=nl&versie=1", member)
        current = socket(f"/ws/forum/draad/{thread.pk}/?taal=nl&versie=2", member)
        unsaid = socket(f"/ws/forum/draad/{thread.pk}/?taal=nl", member)
        for communicator in (behind, current, unsaid):
            assert (await communicator.connect())[0]
        ping = await behind.receive_json_from(timeout=3)
        up_to_date = await current.receive_nothing(timeout=0.3)
        no_version = await unsaid.receive_nothing(timeout=0.3)
        for communicator in (behind, current, unsaid):
            await communicator.disconnect()
        return ping, up_to_date, no_version

    ping, up_to_date, no_version = run_async(scenario)
    assert ping == {"event": "ping", "version": 2}
    assert up_to_date and no_version


def test_open_pages_hear_the_thread_version_now_and_then(
    settings, make_thread, category, member, other_member, run_async
):
    """A message the layer dropped with no message after it would go unnoticed;
    the ping carries the version, so the page finds the gap anyway."""
    settings.FORUMS_LIVE_PING_SECONDS = 0.2
    thread = make_thread(category)

    async def scenario():
        reader = thread_socket(thread, member)
        assert (await reader.connect())[0]
        first = await reader.receive_json_from(timeout=3)
        # Written without telling anyone, as if its message were lost.
        await database_sync_to_async(services._add_post)(thread, other_member, "Stil.")
        while (second := await reader.receive_json_from(timeout=3))["version"] < 2:
            pass
        await reader.disconnect()
        return first, second

    first, second = run_async(scenario)
    assert first == {"event": "ping", "version": 1}
    assert second == {"event": "ping", "version": 2}


def test_a_merge_tells_open_pages_of_the_target_to_fetch(
    make_thread, category, member, moderator, run_async
):
    target = make_thread(category, title="Time-outs")
    source = make_thread(category, title="Time-out ruimte", replies=1)

    async def scenario():
        reader = thread_socket(target, member)
        assert (await reader.connect())[0]
        await database_sync_to_async(moderation_services.merge_threads)(
            moderator, source, target, reason="Dubbel"
        )
        message = await reader.receive_json_from(timeout=3)
        await reader.disconnect()
        return message

    assert run_async(scenario) == {"event": "sync", "version": 2}


def test_removing_a_group_member_closes_their_sockets_to_the_group(
    client, make_member, make_thread, group, group_member, run_async
):
    thread = make_thread(group, author=group_member)
    kees = make_member("Kees Klein")
    membership = GroupMembership.objects.create(
        group=group, user=kees, status=MembershipStatus.ACTIVE
    )
    client.force_login(group_member)  # the group's manager
    decide = f"/forum/groepen/{group.slug}/leden/{membership.pk}/"

    async def scenario():
        kees_thread = thread_socket(thread, kees)
        kees_index = socket("/ws/forum/", kees)
        manager_thread = thread_socket(thread, group_member)
        for communicator in (kees_thread, kees_index, manager_thread):
            assert (await communicator.connect())[0]

        response = await database_sync_to_async(client.post)(
            decide, {"action": "remove"}
        )
        assert response.status_code == HTTPStatus.FOUND
        assert await closed_with(kees_thread) == 4403

        await database_sync_to_async(services.reply)(
            group_member, thread, body="Alleen voor de groep."
        )
        assert (await manager_thread.receive_json_from(timeout=3))["position"] == 2
        assert await kees_index.receive_nothing(timeout=0.3), "left the group"

        # Asked again and approved: the open index hears the group again.
        again = await database_sync_to_async(GroupMembership.objects.create)(
            group=group, user=kees, status=MembershipStatus.REQUESTED
        )
        response = await database_sync_to_async(client.post)(
            f"/forum/groepen/{group.slug}/leden/{again.pk}/", {"action": "approve"}
        )
        assert response.status_code == HTTPStatus.FOUND
        await joined_place(kees_index, f"g.{group.pk}")
        await database_sync_to_async(services.reply)(
            group_member, thread, body="Welkom terug."
        )
        heard = await kees_index.receive_json_from(timeout=3)
        await kees_index.disconnect()
        await manager_thread.disconnect()
        return heard

    heard = run_async(scenario)
    assert heard == {
        "place": f"g.{group.pk}",
        "thread": thread.pk,
        "post_count": 3,
        "new_thread": False,
    }


def test_hiding_a_thread_closes_the_sockets_of_those_who_may_no_longer_read_it(
    make_thread, category, other_member, moderator, run_async
):
    thread = make_thread(category)

    def hide_thread():
        with transaction.atomic():
            thread.is_hidden = True
            thread.save(update_fields=["is_hidden"])
            live.thread_access_changed(thread.pk)

    async def scenario():
        reader = thread_socket(thread, other_member)
        watcher = thread_socket(thread, moderator)
        assert (await reader.connect())[0] and (await watcher.connect())[0]
        await database_sync_to_async(hide_thread)()
        code = await closed_with(reader)
        await database_sync_to_async(services.reply)(
            moderator, thread, body="Alleen voor moderatoren."
        )
        to_moderator = await watcher.receive_json_from(timeout=3)
        await watcher.disconnect()
        return code, to_moderator

    code, to_moderator = run_async(scenario)
    assert code == 4403
    assert to_moderator["position"] == 2


def test_index_socket_hears_new_posts_where_the_person_reads(
    make_thread,
    category,
    group,
    member,
    other_member,
    group_member,
    moderator,
    run_async,
):
    thread = make_thread(category)

    async def scenario():
        visitor = socket("/ws/forum/", AnonymousUser())
        assert await visitor.connect() == (False, 4401)
        sockets = {
            user: socket("/ws/forum/", user)
            for user in (member, other_member, moderator)
        }
        for communicator in sockets.values():
            assert (await communicator.connect())[0]

        await database_sync_to_async(services.reply)(
            other_member, thread, body="Een antwoord."
        )
        to_member = await sockets[member].receive_json_from(timeout=3)
        to_moderator = await sockets[moderator].receive_json_from(timeout=3)
        assert await sockets[other_member].receive_nothing(timeout=0.2), (
            "one's own post is not unread"
        )

        group_thread = await database_sync_to_async(services.start_thread)(
            group_member, group, title="Overleg", body="Agenda volgt."
        )
        to_moderator_group = await sockets[moderator].receive_json_from(timeout=3)
        assert await sockets[member].receive_nothing(timeout=0.2), "not in the group"
        for communicator in sockets.values():
            await communicator.disconnect()
        return to_member, to_moderator, to_moderator_group, group_thread

    to_member, to_moderator, to_moderator_group, group_thread = run_async(scenario)
    expected = {
        "place": f"c.{category.pk}",
        "thread": thread.pk,
        "post_count": 2,
        "new_thread": False,
    }
    assert to_member == expected and to_moderator == expected
    assert to_moderator_group == {
        "place": f"g.{group.pk}",
        "thread": group_thread.pk,
        "post_count": 1,
        "new_thread": True,
    }


def test_routes_sit_behind_the_origin_check_and_the_session(
    client, threads, member, run_async
):
    client.force_login(member)
    session = client.cookies["sessionid"].value

    async def attempt(thread, origin=b"http://localhost", cookie=None):
        headers = [(b"host", b"localhost"), (b"origin", origin)]
        if cookie:
            headers.append((b"cookie", f"sessionid={cookie}".encode()))
        communicator = WebsocketCommunicator(
            application, f"/ws/forum/draad/{thread.pk}/", headers=headers
        )
        connected, code = await communicator.connect()
        if connected:
            await communicator.disconnect()
        return connected, code

    async def scenario():
        return [
            await attempt(threads["public"]),
            await attempt(threads["public"], origin=b"https://evil.example"),
            await attempt(threads["members"]),
            await attempt(threads["members"], cookie=session),
        ]

    visitor, foreign, visitor_members, member_members = run_async(scenario)
    assert visitor == (True, None)
    assert foreign[0] is False
    assert visitor_members == (False, 4403)
    assert member_members == (True, None)


# --- Two Daphne processes over Redis -------------------------------------------


def _application():
    from channels.routing import get_default_application

    return get_default_application()


@pytest.mark.slow
@pytest.mark.skipif(
    not os.environ.get("REDIS_URL"),
    reason="needs REDIS_URL: two Daphne processes share a channel layer only "
    "through Redis (CI sets REDIS_URL=redis://127.0.0.1:6379/0)",
)
def test_a_post_through_one_daphne_reaches_a_socket_on_another(
    django_db_blocker, make_thread, category, member, other_member, run_async
):
    thread = make_thread(category)
    writer = Writer(other_member)

    with (
        daphne(_application, django_db_blocker=django_db_blocker) as a,
        daphne(_application, django_db_blocker=django_db_blocker) as b,
    ):
        page = LivePage(b, thread, session_cookie(member), version=1)

        async def scenario():
            listening = asyncio.create_task(page.listen(lambda: page.heard, quiet=10))
            await asyncio.wait_for(page.opened.wait(), 10)
            await asyncio.get_running_loop().run_in_executor(
                None, writer.reply, a, thread, "Over een andere server."
            )
            await asyncio.wait_for(listening, 15)

        run_async(scenario)

    [message] = page.messages
    assert message["event"] == "new" and message["position"] == 2
    assert "Over een andere server." in message["html"]
    assert message["author"] == "Bram Jansen"
    assert thread.posts.count() == 2


def test_accepting_an_invitation_opens_the_group_on_open_pages(
    client, make_member, make_thread, group, group_member, run_async
):
    """Regression: accepting an invitation through "join" (forums.membership)
    did not tell the live layer, so an open forum index kept the old access
    and never heard the group's new posts until a reload."""
    thread = make_thread(group, author=group_member)
    kees = make_member("Kees Klein")
    GroupMembership.objects.create(
        group=group, user=kees, status=MembershipStatus.INVITED
    )
    client.force_login(kees)

    async def scenario():
        kees_index = socket("/ws/forum/", kees)
        assert (await kees_index.connect())[0]
        response = await database_sync_to_async(client.post)(
            f"/forum/groepen/{group.slug}/lid-worden/"
        )
        assert response.status_code == HTTPStatus.FOUND
        await joined_place(kees_index, f"g.{group.pk}")
        await database_sync_to_async(services.reply)(
            group_member, thread, body="Welkom in de groep."
        )
        heard = await kees_index.receive_json_from(timeout=3)
        await kees_index.disconnect()
        return heard

    assert run_async(scenario)["thread"] == thread.pk
