"""The leak sweep over WebSockets: every socket route of the site, opened as
every role on every item it takes, hears nothing a role may not see while the
forum lives (replies, edits, hiding) and notifications arrive.

The routes come from the site's own routing (lecso_site.routing), so a new
socket route is swept or fails here for want of a filler.
"""

import pytest
from channels.db import database_sync_to_async
from channels.routing import URLRouter
from channels.testing import WebsocketCommunicator
from django.contrib.auth.models import AnonymousUser

from forums import moderation_services as moderation
from forums import services
from lecso_site.routing import websocket_urlpatterns
from network.notifications import notify
from tests.leak_world import MEMBERS, ROLES, build_world
from tests.sweep import _walk

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.slow,
    pytest.mark.usefixtures("own_channel_layer", "fresh_sync_executor_afterwards"),
]

# Socket route -> function(world) -> list of paths.
SOCKET_FILLERS = {
    "ws/forum/": lambda w: ["/ws/forum/"],
    "ws/meldingen/": lambda w: ["/ws/meldingen/"],
    "ws/forum/draad/<int:thread_id>/": lambda w: [
        f"/ws/forum/draad/{t.pk}/" for t in w.threads
    ],
}


def socket_paths(w) -> list[str]:
    routes = [route.display for route in _walk(websocket_urlpatterns, "", ())]
    missing = [r for r in routes if r not in SOCKET_FILLERS]
    assert not missing, f"socket routes the sweep cannot fill: {missing}"
    return [path for route in routes for path in SOCKET_FILLERS[route](w)]


def live_activity(w) -> None:
    """What happens while the sockets are open, each text with a canary for
    those who may read where it happens."""
    everyone = set(ROLES)
    services.reply(
        w.group_member,
        w.closed_thread,
        body=w.text("liveclosed", {"group_member"}),
    )
    services.reply(w.moderator, w.members_thread, body=w.text("livemembers", MEMBERS))
    services.reply(w.moderator, w.public_thread, body=w.text("livepublic", everyone))
    services.edit_post(
        w.group_member, w.closed_reply, body=w.text("liveedit", {"group_member"})
    )
    # Written before the sockets opened, hidden while they are open: the
    # hiding is announced, the text never.
    moderation.hide_post(w.moderator, w.to_hide, reason="Privé")
    notify(w.owner, kind="test", title=w.text("livenote", {"owner"}), url="/meldingen/")
    services.start_thread(
        w.group_member,
        w.group,
        title=f"Nieuw {w.canary('livethread', {'group_member'})}",
        body=w.text("livethreadbody", {"group_member"}),
    )


def test_no_socket_tells_a_role_what_it_may_not_see(home, run_async):
    w = build_world(home)
    w.to_hide = services.reply(
        w.moderator, w.public_thread, body=w.text("tobehidden", set())
    )
    paths = socket_paths(w)
    router = URLRouter(websocket_urlpatterns)

    async def scenario():
        sockets = []
        for role in ROLES:
            user = w.users[role] or AnonymousUser()
            for path in paths:
                communicator = WebsocketCommunicator(router, path)
                communicator.scope["user"] = user
                connected, _code = await communicator.connect()
                if connected:
                    sockets.append((role, path, communicator))
        await database_sync_to_async(live_activity)(w)
        heard = []
        for role, path, communicator in sockets:
            # (A receive that times out would stop the consumer; this looks.)
            while not await communicator.receive_nothing(timeout=0.3):
                heard.append((role, path, await communicator.receive_from()))
            await communicator.disconnect()
        return sockets, heard

    sockets, heard = run_async(scenario)
    opened = {(role, path) for role, path, _ in sockets}
    assert ("visitor", f"/ws/forum/draad/{w.public_thread.pk}/") in opened
    assert ("group_member", f"/ws/forum/draad/{w.closed_thread.pk}/") in opened
    assert len(heard) > len(ROLES), "the live activity reached the sockets"
    findings = [
        f"{role} on {path}: {word}"
        for role, path, message in heard
        for word in w.forbidden_for(role)
        if word in message
    ]
    assert not findings, "\n".join(findings)
