"""The events app in Wagtail's admin: a person chooser for organisers, a
"Registrations" button on event pages, and an overview of registrations per
event with the purge of old attendee data."""

from django import forms
from django.db.models import Q
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.admin.widgets import Button

from network.models import User

from . import admin_views
from .models import EventPage
from .permissions import can_manage


class PersonFilterForm(BaseFilterForm):
    q = forms.CharField(
        label=_("Search by name or e-mail address"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"placeholder": _("Search")}),
    )

    def filter(self, objects):
        objects = super().filter(objects)
        query = self.cleaned_data.get("q", "").strip()
        if query:
            objects = objects.filter(
                Q(email__icontains=query)
                | Q(first_name__icontains=query)
                | Q(last_name__icontains=query)
                | Q(profile__name__icontains=query)
            )
        return objects


class PersonChooserViewSet(ChooserViewSet):
    """Choosing an organiser among tens of thousands of accounts needs a search,
    not a drop-down; Wagtail's generic chooser gives one."""

    model = User
    icon = "user"
    choose_one_text = _("Choose a person")
    choose_another_text = _("Choose another person")
    filter_form_class = PersonFilterForm
    ordering = ["last_name", "first_name", "email"]

    def get_object_list(self):
        return User.objects.filter(is_active=True)


@hooks.register("register_admin_viewset")
def register_person_chooser():
    return PersonChooserViewSet("person_chooser")


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("aanmeldingen/", admin_views.overview, name="events_overview"),
        path("aanmeldingen/opschonen/", admin_views.purge_view, name="events_purge"),
    ]


class RegistrationsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser or request.user.has_perm(
            "wagtailadmin.access_admin"
        )


@hooks.register("register_admin_menu_item")
def register_registrations_menu_item():
    return RegistrationsMenuItem(
        _("Registrations"),
        reverse("events_overview"),
        icon_name="date",
        order=320,
    )


@hooks.register("register_page_header_buttons")
def registrations_button(page, user, view_name, next_url=None):
    page = page.specific_deferred if hasattr(page, "specific_deferred") else page
    if isinstance(page, EventPage) and can_manage(user, page):
        yield Button(
            _("Registrations"),
            reverse("events:organiser", args=[page.pk]),
            icon_name="date",
            priority=12,
        )


@hooks.register("network_data_exporters")
def export_event_part(user):
    from .privacy import export_organising, export_registrations

    return {
        "event_registrations": export_registrations(user),
        **export_organising(user),
    }


@hooks.register("network_account_sections")
def my_registrations_section(request):
    from .account import my_registrations

    return my_registrations(request)
