from django.urls import path

from .consumers import IndexConsumer, ThreadConsumer

websocket_urlpatterns = [
    path("ws/forum/", IndexConsumer.as_asgi()),
    path("ws/forum/draad/<int:thread_id>/", ThreadConsumer.as_asgi()),
]
