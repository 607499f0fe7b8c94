from django.urls import path

from . import (
    account_views,
    message_views,
    offer_views,
    support_request_views,
    views,
)

app_name = "network"

urlpatterns = [
    path("deskundigen/", views.directory, name="directory"),
    path("deskundigen/<slug:slug>/", views.profile_detail, name="profile"),
    path("deskundigen/<slug:slug>/vraag/", message_views.ask, name="ask"),
    path(
        "vraag/bevestigen/<str:token>/", message_views.confirm, name="confirm_question"
    ),
    path("account/vragen/", message_views.contact_requests, name="contact_requests"),
    path(
        "account/vragen/<int:pk>/",
        message_views.contact_request_detail,
        name="contact_request",
    ),
    path("meldingen/", message_views.inbox, name="inbox"),
    path("meldingen/<int:pk>/", message_views.open_notification, name="notification"),
    path("meldingen/gelezen/", message_views.mark_all_read, name="mark_all_read"),
    path("aanbod/", offer_views.offer_list, name="offers"),
    path("aanbod/<int:pk>-<slug:slug>/", offer_views.offer_detail, name="offer"),
    path(
        "aanbod/<int:pk>-<slug:slug>/vragen/",
        support_request_views.request_support,
        name="offer_request",
    ),
    path(
        "aanbod/vraag/bevestigen/<str:token>/",
        support_request_views.confirm_support,
        name="confirm_support_request",
    ),
    path(
        "account/ondersteuningsvragen/",
        support_request_views.support_requests,
        name="support_requests",
    ),
    path(
        "account/ondersteuningsvragen/<int:pk>/",
        support_request_views.support_request_detail,
        name="support_request",
    ),
    path("scholen/", views.school_list, name="schools"),
    path("scholen/<str:brin>/", views.school_detail, name="school"),
    # allauth's sign-up with a limit per client; before allauth's own URL.
    path("account/signup/", account_views.SignupView.as_view(), name="signup"),
    path("account/", account_views.account_home, name="account"),
    path("account/profiel/", account_views.profile_edit, name="profile_edit"),
    path("account/mijn-gegevens/", account_views.export_data, name="export"),
    path("account/verwijderen/", account_views.delete_account_view, name="delete"),
    path("account/uitnodigen/", account_views.invite_colleague, name="invite"),
    path("account/aanbod/", offer_views.my_offers, name="my_offers"),
    path("account/aanbod/nieuw/", offer_views.offer_form, name="offer_new"),
    path("account/aanbod/<int:pk>/", offer_views.offer_form, name="offer_edit"),
    path(
        "account/aanbod/<int:pk>/verwijderen/",
        offer_views.offer_delete,
        name="offer_delete",
    ),
    path(
        "account/uitnodiging/<str:token>/",
        account_views.accept_invitation,
        name="accept_invitation",
    ),
]
