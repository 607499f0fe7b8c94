"""The ASGI application routes HTTP to Django and guards WebSockets.

Django answers ASGI requests with a database connection of its own, which sees
only committed rows; the HTTP test therefore asks for the page Wagtail's own
migrations leave behind instead of making data in the test transaction.
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


@pytest.mark.django_db
def test_http_is_served_through_django_and_its_middleware():
    communicator = HttpCommunicator(
        application, "GET", "/", headers=[(b"host", b"localhost")]
    )
    response = async_to_sync(communicator.get_response)()
    assert response["status"] == HTTPStatus.OK
    headers = dict(response["headers"])
    assert headers[b"X-Frame-Options"] == b"DENY"
    assert headers[b"Content-Language"] == b"nl"
    assert b'lang="nl"' in response["body"]


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
