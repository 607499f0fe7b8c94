"""Site chrome: the main menu, breadcrumbs and the language switch."""

from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Site

register = template.Library()

APP_MENU = [
    ("network:directory", _("Experts")),
    ("network:schools", _("Schools")),
    ("forums:index", _("Forum")),
]


def _site_root(request) -> Page | None:
    # Several tags on every page need the root; look it up once per request.
    if not hasattr(request, "_lecso_site_root"):
        site = Site.find_for_request(request)
        request._lecso_site_root = site.root_page.specific if site else None
    return request._lecso_site_root


@register.simple_tag(takes_context=True)
def home_url(context) -> str:
    root = _site_root(context["request"])
    return root.get_url(context["request"]) if root else "/"


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    request = context["request"]
    current = context.get("page")
    root = _site_root(request)
    items = []
    if root is not None:
        # Title and URL live on the base Page: no need for .specific() here.
        for child in root.get_children().live().public().in_menu():
            is_current = current is not None and current.path.startswith(child.path)
            items.append(
                {
                    "url": child.get_url(request),
                    "title": child.title,
                    "is_current": is_current,
                    "is_page": current is not None and current.pk == child.pk,
                }
            )
    # The network's own pages are not Wagtail pages; they follow the sections.
    path = request.path
    for url_name, label in APP_MENU:
        url = reverse(url_name)
        items.append({"url": url, "title": label, "is_current": path.startswith(url)})
    return {"root": root, "items": items, "current": current, "request": request}


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    request = context["request"]
    root = _site_root(request)
    if page is None or root is None or page.depth <= root.depth:
        return {"ancestors": [], "page": page}
    ancestors = page.get_ancestors().filter(depth__gte=root.depth)
    return {"ancestors": ancestors, "page": page}


@register.inclusion_tag("includes/language_switch.html", takes_context=True)
def language_switch(context):
    request = context["request"]
    current = get_language()
    links = [
        {
            "code": code,
            # Each language is named in itself, so a reader finds their own.
            "name": get_language_info(code)["name_local"],
            "url": translate_url(request.get_full_path(), code),
            "is_current": code == current,
        }
        for code, _name in settings.LANGUAGES
    ]
    return {"links": links}


@register.simple_tag(takes_context=True)
def news_feed_url(context) -> str:
    """The site's news feed, for the <link rel=alternate> in every page's head."""
    from lecso_site.models import NewsIndexPage

    request = context["request"]
    if not hasattr(request, "_lecso_feed_url"):
        root = _site_root(request)
        news_index = (
            NewsIndexPage.objects.descendant_of(root).live().first() if root else None
        )
        request._lecso_feed_url = (
            news_index.get_url(request) + news_index.reverse_subpage("feed")
            if news_index
            else ""
        )
    return request._lecso_feed_url
