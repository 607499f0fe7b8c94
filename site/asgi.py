"""ASGI entry point: Daphne serves HTTP through Django and WebSockets through
Channels, both from this one application."""

import os

from django.core.asgi import get_asgi_application

from lecso_site.server_limits import answer_overlong_lines

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lecso_site.settings")

# Django must be set up before anything imports models (the consumers do).
django_asgi_app = get_asgi_application()
answer_overlong_lines()

from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402

from lecso_site.routing import websocket_urlpatterns  # noqa: E402

application = ProtocolTypeRouter(
    {
        "http": django_asgi_app,
        "websocket": AllowedHostsOriginValidator(
            AuthMiddlewareStack(URLRouter(websocket_urlpatterns))
        ),
    }
)
