from django.urls import path

from . import views

app_name = "network"

urlpatterns = [
    path("deskundigen/", views.directory, name="directory"),
    path("deskundigen/<slug:slug>/", views.profile_detail, name="profile"),
    path("scholen/", views.school_list, name="schools"),
    path("scholen/<str:brin>/", views.school_detail, name="school"),
]
