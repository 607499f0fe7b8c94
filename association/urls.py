from django.urls import path

from . import consultation_views, helpdesk_views, views

app_name = "association"

urlpatterns = [
    path("signalen/", views.signal_list, name="signals"),
    path("signalen/nieuw/", views.signal_new, name="signal_new"),
    path("signalen/<int:pk>/", views.signal_detail, name="signal"),
    path("signalen/dossiers/", views.dossier_list, name="dossiers"),
    path("signalen/dossiers/<slug:slug>/", views.dossier_detail, name="dossier"),
    path("helpdesk/", helpdesk_views.case_list, name="cases"),
    path("helpdesk/nieuw/", helpdesk_views.case_new, name="case_new"),
    path("helpdesk/<int:pk>/", helpdesk_views.case_detail, name="case"),
    path(
        "helpdesk/bijlage/<int:pk>/",
        helpdesk_views.case_attachment,
        name="case_attachment",
    ),
    path(
        "raadplegingen/",
        consultation_views.consultation_list,
        name="consultations",
    ),
    path(
        "raadplegingen/<slug:slug>/",
        consultation_views.consultation_detail,
        name="consultation",
    ),
    path(
        "raadplegingen/<slug:slug>/resultaten/",
        consultation_views.consultation_results,
        name="consultation_results",
    ),
]
