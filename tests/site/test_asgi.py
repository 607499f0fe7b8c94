"""The ASGI application routes HTTP to Django and guards WebSockets.

Django answers ASGI requests on a thread of its own, with its own database
connection, so the HTTP test commits its data (transaction=True) and restores
the migrations' rows afterwards (serialized_rollback=True).
"""

from http import HTTPStatus

import pytest
from asgiref.sync import async_to_sync
from channels.routing import ProtocolTypeRouter
from channels.testing import HttpCommunicator, WebsocketCommunicator

from lecso_site.asgi import application


def test_application_routes_http_and_websocket():
    assert isinstance(application, ProtocolTypeRouter)
    assert set(application.application_mapping) == {"http", "websocket"}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_http_is_served_through_django(home):
    communicator = HttpCommunicator(
        application, "GET", "/", headers=[(b"host", b"localhost")]
    )
    response = async_to_sync(communicator.get_response)()
    assert response["status"] == HTTPStatus.OK
    assert b'<html lang="nl">' in response["body"]
    assert home.title.encode() in response["body"]


@pytest.mark.django_db
def test_websocket_from_a_foreign_origin_is_refused():
    async def connect():
        communicator = WebsocketCommunicator(
            application,
            "/ws/anything/",
            headers=[(b"host", b"localhost"), (b"origin", b"https://evil.example")],
        )
        connected, _ = await communicator.connect()
        await communicator.disconnect()
        return connected

    assert async_to_sync(connect)() is False
