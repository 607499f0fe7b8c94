"""The peer forum's addresses for bench/peer_spirit.py: Spirit at the root, as
its project template mounts it."""

from django.urls import include, path

urlpatterns = [path("", include("spirit.urls"))]
