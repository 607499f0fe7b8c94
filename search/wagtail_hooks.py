from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_views
from .models import Term
from .offers import OFFERS
from .schools import SCHOOLS
from .sources import PEOPLE


@hooks.register("search_sources")
def offer_people_schools_and_offers():
    return [PEOPLE, SCHOOLS, OFFERS]


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


class TermViewSet(SnippetViewSet):
    """The sector's words in the admin, beside the search report: editors who
    see a query that found nothing can add the word it should have found."""

    model = Term
    icon = "search"
    menu_label = _("Search terms")
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["term", "abbreviations", "synonyms"]
    search_fields = ["term", "abbreviations", "synonyms"]


register_snippet(TermViewSet)
