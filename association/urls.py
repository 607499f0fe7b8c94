from django.urls import path

from . import views

app_name = "association"

urlpatterns = [
    path("signalen/", views.signal_list, name="signals"),
    path("signalen/nieuw/", views.signal_new, name="signal_new"),
    path("signalen/<int:pk>/", views.signal_detail, name="signal"),
    path("signalen/dossiers/", views.dossier_list, name="dossiers"),
    path("signalen/dossiers/<slug:slug>/", views.dossier_detail, name="dossier"),
]
