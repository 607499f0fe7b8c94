"""Site chrome: the main menu, breadcrumbs and the language switch."""

from django import template
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse, translate_url
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _
from wagtail.admin.templatetags.wagtailuserbar import wagtailuserbar
from wagtail.models import Page, Site

from lecso_site import chrome

register = template.Library()

APP_MENU = [
    ("network:directory", _("Experts")),
    ("network:schools", _("Schools")),
    ("network:offers", _("Support offer")),
    ("forums:index", _("Forum")),
]


def _site_root(request) -> Page | None:
    # Several tags on every page need the root; look it up once per request.
    if not hasattr(request, "_lecso_site_root"):
        site = Site.find_for_request(request)
        request._lecso_site_root = site.root_page.specific if site else None
    return request._lecso_site_root


def _chrome(request) -> dict:
    """What every page's header and footer show of the page tree: the home
    page, the menu's sections and the news feed. The same for everyone (live,
    public pages only), so it is kept in the cache until a page is published,
    moved or restricted (site.chrome) instead of costing five queries a page."""
    if not hasattr(request, "_lecso_chrome"):
        version, _admin_version = chrome.versions(request)
        key = chrome.cache_key(request.get_host(), get_language(), version)
        request._lecso_chrome = chrome.read(key, version)
        if request._lecso_chrome is None:
            request._lecso_chrome = _read_chrome(request)
            chrome.write(key, request._lecso_chrome, version)
    return request._lecso_chrome


def _read_chrome(request) -> dict:
    from lecso_site.models import NewsIndexPage, NewsletterIndexPage

    root = _site_root(request)
    if root is None:
        return {"root": None, "sections": [], "feed_url": "", "newsletter_url": ""}
    # Title and URL live on the base Page: no need for .specific() here. The
    # newsletter's archive is one of the home page's children too, in the
    # menu or not: one query finds both.
    children = list(root.get_children().live().public())
    sections = [
        {
            "pk": child.pk,
            "path": child.path,
            "url": child.get_url(request),
            "title": child.title,
        }
        for child in children
        if child.show_in_menus
    ]
    archive_type = ContentType.objects.get_for_model(NewsletterIndexPage).pk
    newsletter = next(
        (child for child in children if child.content_type_id == archive_type), None
    )
    news_index = NewsIndexPage.objects.descendant_of(root).live().first()
    feed_url = (
        news_index.get_url(request) + news_index.reverse_subpage("feed")
        if news_index
        else ""
    )
    return {
        "root": {"pk": root.pk, "url": root.get_url(request)},
        "sections": sections,
        "feed_url": feed_url,
        "newsletter_url": newsletter.get_url(request) if newsletter else "",
    }


@register.simple_tag(takes_context=True)
def home_url(context) -> str:
    root = _chrome(context["request"])["root"]
    return root["url"] if root else "/"


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    request = context["request"]
    current = context.get("page")
    known = _chrome(request)
    root = known["root"]
    items = []
    for section in known["sections"]:
        items.append(
            {
                "url": section["url"],
                "title": section["title"],
                "is_current": current is not None
                and current.path.startswith(section["path"]),
                "is_page": current is not None and current.pk == section["pk"],
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
            # Only the other languages are linked; translating an address (a
            # resolve and a reverse) is a fifth of a millisecond a language.
            "url": ""
            if code == current
            else translate_url(request.get_full_path(), code),
            "is_current": code == current,
        }
        for code, _name in settings.LANGUAGES
    ]
    return {"links": links}


@register.simple_tag(takes_context=True)
def news_feed_url(context) -> str:
    """The site's news feed, for the <link rel=alternate> in every page's head."""
    return _chrome(context["request"])["feed_url"]


@register.simple_tag(takes_context=True)
def newsletter_url(context) -> str:
    """The newsletter's archive and subscribe form, for the footer."""
    return _chrome(context["request"])["newsletter_url"]


# Rendered footers of this process, by all that can differ between them.
# Kept in the process, not the shared cache: a new release starts new
# processes, so a changed footer template or translation is never served
# from before.
_FOOTERS: dict[tuple, str] = {}
_FOOTERS_KEPT = 32


@register.simple_tag(takes_context=True)
def site_footer(context) -> str:
    """includes/footer.html, rendered once for each language, signed in or
    not, and news feed and newsletter address (from the site's chrome), and
    shown from memory after: the same on every page (0.35 ms a page)."""
    request = context["request"]
    known = _chrome(request)
    # From the context, not the request: an error page answered before the
    # request met the authentication middleware has no request.user.
    user = context.get("user")
    signed_in = bool(getattr(user, "is_authenticated", False))
    key = (get_language(), signed_in, known["feed_url"], known["newsletter_url"])
    html = _FOOTERS.get(key)
    if html is None:
        if len(_FOOTERS) >= _FOOTERS_KEPT:
            _FOOTERS.clear()
        template = context.template.engine.get_template("includes/footer.html")
        values = {"request": request, "user": user}
        html = _FOOTERS[key] = template.render(context.new(values))
    return html


@register.simple_tag(takes_context=True)
def editor_userbar(context, position="bottom-right"):
    """Wagtail's user bar (edit this page, the accessibility checker) for
    those who may use the admin; nothing, and no query, for everyone else."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not chrome.may_use_admin(user, request):
        return ""
    return wagtailuserbar(context, position)
