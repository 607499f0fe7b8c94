from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views
from .sources import PEOPLE


@hooks.register("search_sources")
def offer_people():
    return PEOPLE


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("zoekopdrachten/", admin_views.report, name="search_report")]


class SearchReportMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.can_see_report(request.user)


@hooks.register("register_reports_menu_item")
def register_search_report_menu_item():
    return SearchReportMenuItem(
        _("Site search"), reverse("search_report"), icon_name="search", order=700
    )
