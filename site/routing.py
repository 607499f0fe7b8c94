"""WebSocket routes of the whole site.

Each app that speaks WebSocket exposes `websocket_urlpatterns` in its own
routing module; they are collected here so asgi.py wraps all of them in the same
origin check and authentication.
"""

from forums.routing import websocket_urlpatterns as forum_routes
from network.routing import websocket_urlpatterns as network_routes

websocket_urlpatterns = [*network_routes, *forum_routes]
