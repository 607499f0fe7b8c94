from django.urls import path

from .consumers import NotificationConsumer

websocket_urlpatterns = [
    path("ws/meldingen/", NotificationConsumer.as_asgi()),
]
