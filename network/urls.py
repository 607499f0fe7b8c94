from django.urls import path

from . import account_views, views

app_name = "network"

urlpatterns = [
    path("deskundigen/", views.directory, name="directory"),
    path("deskundigen/<slug:slug>/", views.profile_detail, name="profile"),
    path("scholen/", views.school_list, name="schools"),
    path("scholen/<str:brin>/", views.school_detail, name="school"),
    path("account/", account_views.account_home, name="account"),
    path("account/profiel/", account_views.profile_edit, name="profile_edit"),
    path("account/mijn-gegevens/", account_views.export_data, name="export"),
    path("account/verwijderen/", account_views.delete_account_view, name="delete"),
    path("account/uitnodigen/", account_views.invite_colleague, name="invite"),
    path(
        "account/uitnodiging/<str:token>/",
        account_views.accept_invitation,
        name="accept_invitation",
    ),
]
