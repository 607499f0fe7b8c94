"""Moderation routes, under /forum/moderatie/ inside the "forums" namespace
(views in moderation_views.py, rules in moderation_services.py)."""

from django.urls import path

from . import moderation_views as views

urlpatterns = [
    path("", views.queue, name="moderation_queue"),
    path("logboek/", views.log, name="moderation_log"),
    path("melden/<int:pk>/", views.report, name="report"),
    path("bericht/<int:pk>/", views.moderate_post, name="moderate_post"),
    path("draad/<int:pk>/", views.moderate_thread, name="moderate_thread"),
    path("lid/<int:pk>/schorsen/", views.suspend, name="suspend_member"),
    path("melding/<int:pk>/afgehandeld/", views.resolve_report, name="resolve_report"),
]
