from django.urls import include, path

from . import groups, thread_views, views
from .feeds import CategoryFeed

app_name = "forums"

urlpatterns = [
    path("forum/", views.index, name="index"),
    path("forum/volgen/", views.follow, name="follow"),
    path("forum/draad/<int:pk>/", thread_views.thread, name="thread_short"),
    path("forum/draad/<int:pk>-<slug:slug>/", thread_views.thread, name="thread"),
    path("forum/draad/<int:pk>/bijwerken/", thread_views.catch_up, name="catch_up"),
    path("forum/draad/<int:pk>/reageren/", views.reply, name="reply"),
    path("forum/bericht/<int:pk>/bewerken/", views.edit_post, name="edit"),
    path("forum/bericht/<int:pk>/geschiedenis/", views.post_history, name="history"),
    path("forum/bericht/<int:pk>/nuttig/", views.helpful, name="helpful"),
    path("forum/bericht/<int:pk>/antwoord/", views.accept, name="accept"),
    path("forum/bijlage/<int:pk>/", views.attachment, name="attachment"),
    path("forum/nieuw/<str:kind>/<slug:slug>/", views.new_thread, name="new_thread"),
    path("forum/groepen/<slug:slug>/", views.group, name="group"),
    path("forum/groepen/<slug:slug>/lid-worden/", views.join_group, name="join"),
    path("forum/groepen/<slug:slug>/leden/", groups.members, name="group_members"),
    path(
        "forum/groepen/<slug:slug>/leden/<int:membership_id>/",
        groups.decide,
        name="group_decide",
    ),
    path("forum/groepen/<slug:slug>/uitnodigen/", groups.invite, name="group_invite"),
    path("forum/moderatie/", include("forums.moderation_urls")),
    path("forum/<slug:slug>/", views.category, name="category"),
    path("forum/<slug:slug>/feed/", CategoryFeed(), name="category_feed"),
]
