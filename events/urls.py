from django.urls import path

from . import organiser_views, views

app_name = "events"

urlpatterns = [
    path(
        "agenda/aanmelding/<str:token>/",
        views.registration_detail,
        name="registration",
    ),
    path(
        "agenda/aanmelding/<str:token>/agenda.ics",
        views.registration_calendar,
        name="registration_ics",
    ),
    path(
        "agenda/bevestigen/<str:token>/", views.confirm_visitor, name="confirm_visitor"
    ),
    path(
        "agenda/beheer/<int:event_id>/",
        organiser_views.registrations,
        name="organiser",
    ),
    path(
        "agenda/beheer/<int:event_id>/<int:registration_id>/verplaatsen/",
        organiser_views.move_registration,
        name="move",
    ),
    path(
        "agenda/beheer/<int:event_id>/toevoegen/",
        organiser_views.add_by_hand,
        name="add",
    ),
    path(
        "agenda/beheer/<int:event_id>/bericht/",
        organiser_views.send_message,
        name="message",
    ),
    path(
        "agenda/beheer/<int:event_id>/export.<str:file_format>",
        organiser_views.export,
        name="export",
    ),
    path(
        "agenda/beheer/<int:event_id>/inchecken/",
        organiser_views.check_in_list,
        name="check_in",
    ),
    path(
        "agenda/beheer/<int:event_id>/inchecken/<int:registration_id>/",
        organiser_views.check_in_person,
        name="check_in_person",
    ),
]
