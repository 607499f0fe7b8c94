"""The forums in Wagtail's admin: editors manage categories and closed groups
under "Forum"; moderation itself happens on the site, next to the posts."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Category, Group


class CategoryViewSet(SnippetViewSet):
    model = Category
    icon = "list-ul"
    menu_label = _("Categories")
    list_display = ["name", "cluster", "is_helpdesk", "visible_to_visitors", "position"]
    list_filter = ["is_helpdesk", "visible_to_visitors"]
    search_fields = ["name"]
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("cluster"),
        FieldPanel("is_helpdesk"),
        FieldPanel("visible_to_visitors"),
        FieldPanel("position"),
    ]


class GroupViewSet(SnippetViewSet):
    model = Group
    icon = "group"
    menu_label = _("Closed groups")
    list_display = ["name", "slug", "created_at"]
    search_fields = ["name"]
    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]


class ForumViewSetGroup(SnippetViewSetGroup):
    items = (CategoryViewSet, GroupViewSet)
    menu_icon = "comment"
    menu_label = _("Forum")
    menu_name = "forum"
    menu_order = 330


register_snippet(ForumViewSetGroup)


@hooks.register("network_data_exporters")
def export_forum_part(user):
    from .privacy import export_forum_data

    return {"forums": export_forum_data(user)}
