"""The network in Wagtail's admin: boards, schools, people and the vocabulary."""

from django import forms
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import admin_views, task_report
from .models import Board, Profile, School, SupportNeed, SupportOffer, Topic
from .widgets import ProvinceChecklist


class BoardViewSet(SnippetViewSet):
    model = Board
    icon = "group"
    menu_label = _("Boards")
    list_display = ["name", "number", "is_member", "member_since"]
    list_filter = ["is_member"]
    search_fields = ["name", "number"]


class SchoolViewSet(SnippetViewSet):
    model = School
    icon = "home"
    menu_label = _("Schools")
    list_display = ["name", "brin", "city", "province", "board", "to_complete"]
    list_filter = ["to_complete", "province", "school_type", "clusters"]
    search_fields = ["name", "brin", "city"]
    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("brin")]),
        FieldPanel("board"),
        MultiFieldPanel(
            [
                FieldPanel("school_type"),
                FieldPanel("clusters", widget=forms.CheckboxSelectMultiple),
                FieldPanel("offers_vervolgonderwijs"),
                FieldPanel("offers_arbeidsmarkt"),
                FieldPanel("offers_dagbesteding"),
            ],
            heading=_("Education"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("street"), FieldPanel("postcode")]),
                FieldRowPanel([FieldPanel("city"), FieldPanel("municipality")]),
                FieldPanel("province"),
                FieldPanel("alliance"),
            ],
            heading=_("Address and region"),
        ),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("denomination")]),
        FieldPanel("website"),
        FieldPanel("email_domains"),
        FieldPanel("description"),
        InlinePanel("locations", heading=_("Locations"), label=_("Location")),
        FieldPanel("to_complete"),
    ]


class ProfileViewSet(SnippetViewSet):
    model = Profile
    icon = "user"
    menu_label = _("Experts")
    list_display = ["name", "job_title", "visibility", "updated_at"]
    list_filter = ["visibility", "support_needs", "clusters"]
    # The listing searches the columns themselves (icontains), not the search
    # index: Profile is indexed, and Wagtail then hands these fields to the
    # backend, whose SQLite full-text table has no column per model field ("no
    # such column: name", wagtail/django-modelsearch#47). A substring match on
    # name and role is also what an editor looking for one person expects, and it
    # behaves the same on SQLite and PostgreSQL.
    search_backend_name = None
    search_fields = ["name", "job_title"]


class SupportNeedViewSet(SnippetViewSet):
    model = SupportNeed
    icon = "list-ul"
    menu_label = _("Support needs")
    list_display = ["name", "also_known_as", "sort_order"]
    sort_order_field = "sort_order"


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    list_display = ["name", "also_known_as", "slug"]
    search_fields = ["name", "also_known_as"]


class SupportOfferViewSet(SnippetViewSet):
    model = SupportOffer
    icon = "help"
    menu_label = _("Support offers")
    list_display = ["title", "school", "kind", "is_published", "updated_at"]
    list_filter = ["is_published", "kind"]
    search_fields = ["title"]
    search_backend_name = None
    panels = [
        FieldPanel("school"),
        FieldPanel("title"),
        FieldPanel("kind"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("support_needs", widget=forms.CheckboxSelectMultiple),
                FieldPanel("clusters", widget=forms.CheckboxSelectMultiple),
                FieldPanel("school_type"),
            ],
            heading=_("For whom"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("provinces", widget=ProvinceChecklist),
                FieldPanel("alliances"),
            ],
            heading=_("Region served"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("at_our_school"),
                FieldPanel("at_your_school"),
                FieldPanel("online"),
            ],
            heading=_("Where"),
        ),
        FieldRowPanel([FieldPanel("cost"), FieldPanel("cost_note")]),
        FieldPanel("contact"),
        FieldPanel("is_published"),
    ]


class NetworkGroup(SnippetViewSetGroup):
    menu_label = _("Network")
    menu_icon = "site"
    menu_order = 250
    items = (
        BoardViewSet,
        SchoolViewSet,
        SupportOfferViewSet,
        ProfileViewSet,
        SupportNeedViewSet,
        TopicViewSet,
    )


register_snippet(NetworkGroup)


@hooks.register("register_admin_urls")
def network_admin_urls():
    return [
        path(
            "netwerk/import/",
            admin_views.import_schools_view,
            name="network_import_schools",
        ),
        path(
            "netwerk/onderwerpen-samenvoegen/",
            admin_views.merge_topics_view,
            name="network_merge_topics",
        ),
        path("taken/mislukt/", task_report.failed_tasks, name="failed_tasks"),
        path(
            "taken/mislukt/<uuid:result_id>/opnieuw/",
            task_report.retry_task,
            name="retry_failed_task",
        ),
    ]


class AdminsMenuItem(MenuItem):
    def is_shown(self, request):
        return task_report.can_see_failed_tasks(request.user)


@hooks.register("register_reports_menu_item")
def failed_tasks_menu_item():
    return AdminsMenuItem(
        _("Failed background tasks"),
        reverse("failed_tasks"),
        icon_name="warning",
        order=900,
    )


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, perms, **kwargs):
        super().__init__(*args, **kwargs)
        self.perms = perms

    def is_shown(self, request):
        return request.user.has_perms(self.perms)


@hooks.register("register_settings_menu_item")
def import_schools_menu_item():
    return PermissionMenuItem(
        _("Import schools"),
        reverse("network_import_schools"),
        icon_name="upload",
        perms=["network.add_school", "network.change_school"],
    )


@hooks.register("register_settings_menu_item")
def merge_topics_menu_item():
    return PermissionMenuItem(
        _("Merge topics"),
        reverse("network_merge_topics"),
        icon_name="tag",
        perms=["network.change_topic", "network.delete_topic"],
    )


@hooks.register("network_data_exporters")
def export_network_part(user):
    from .privacy import export_network_data

    return export_network_data(user)
