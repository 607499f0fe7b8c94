"""Finding the site's forms the way a person does: by following links.

`crawl()` walks from a few start pages with Django's test client, reads every
`<a href>` and `<form>` in the HTML with Python's html.parser, and returns the
forms it met, one per kind (the same form on two hundred thread pages is one
form). It follows only the site's own pages: views in our packages and
allauth's, and Wagtail's page routes; Wagtail's and Django's admin screens are
not followed (their forms are Wagtail's, not ours).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urljoin, urlsplit

from django.test import RequestFactory
from django.urls import Resolver404, resolve

OUR_PACKAGES = (
    "lecso_site",
    "network",
    "events",
    "forums",
    "search",
    "association",
    "allauth",
)
NOT_FOLLOWED = ("/en/", "/static/", "/media/", "/django-admin/", "/documenten/")


@dataclass
class Field:
    name: str
    # the input's type, "textarea" or "select", or "query" for a parameter
    # of a link
    kind: str
    value: str = ""
    options: list[str] = field(default_factory=list)
    checked: bool = False

    @property
    def is_text(self) -> bool:
        return self.kind in TEXT_KINDS


TEXT_KINDS = {
    "text",
    "textarea",
    "search",
    "email",
    "password",
    "url",
    "tel",
    "number",
    "date",
    "datetime-local",
    "time",
    "month",
    "week",
}


@dataclass
class FoundForm:
    page: str  # the URL of the page that showed it
    action: str
    method: str
    fields: list[Field]
    submit: tuple[str, str] | None  # the named button pressed, if any
    key: tuple = ()

    def describe(self) -> str:
        button = f" [{self.submit[0]}={self.submit[1]}]" if self.submit else ""
        return f"{self.method.upper()} {self.action}{button} (on {self.page})"


class _PageParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.forms: list[dict] = []
        self._form: dict | None = None
        self._textarea: Field | None = None
        self._select: Field | None = None

    def handle_starttag(self, tag, attrs):
        attrs = {name: value or "" for name, value in attrs}
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        elif tag == "form":
            self._form = {
                "action": attrs.get("action", ""),
                "method": (attrs.get("method") or "get").lower(),
                "fields": [],
                "buttons": [],
            }
            self.forms.append(self._form)
        elif self._form is None:
            return
        elif tag == "input" and attrs.get("name"):
            kind = attrs.get("type", "text").lower()
            if kind in ("submit", "image"):
                self._form["buttons"].append((attrs["name"], attrs.get("value", "")))
            elif kind not in ("reset", "button"):
                self._form["fields"].append(
                    Field(
                        attrs["name"],
                        kind,
                        attrs.get("value", "on" if kind == "checkbox" else ""),
                        checked="checked" in attrs,
                    )
                )
        elif tag == "button" and attrs.get("name"):
            if attrs.get("type", "submit") == "submit":
                self._form["buttons"].append((attrs["name"], attrs.get("value", "")))
        elif tag == "textarea" and attrs.get("name"):
            self._textarea = Field(attrs["name"], "textarea")
            self._form["fields"].append(self._textarea)
        elif tag == "select" and attrs.get("name"):
            self._select = Field(attrs["name"], "select")
            self._form["fields"].append(self._select)
        elif tag == "option" and self._select is not None:
            self._select.options.append(attrs.get("value", ""))
            if "selected" in attrs:
                self._select.value = attrs.get("value", "")

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea.value += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "textarea":
            self._textarea = None
        elif tag == "select":
            if self._select is not None and not self._select.value:
                self._select.value = next(iter(self._select.options), "")
            self._select = None


def parse(html: str) -> _PageParser:
    parser = _PageParser()
    parser.feed(html)
    parser.close()
    return parser


def forms_on(page_url: str, html: str) -> list[FoundForm]:
    """Every (form, submit button) on the page. Radio buttons of one name
    become one field whose value is the first choice."""
    found = []
    for form in parse(html).forms:
        fields: dict[str, Field] = {}
        for item in form["fields"]:
            if item.kind == "radio":
                merged = fields.setdefault(item.name, Field(item.name, "radio"))
                merged.options.append(item.value)
                if item.checked or not merged.value:
                    merged.value = item.value
            elif item.kind == "checkbox" and item.name in fields:
                fields[item.name].options.append(item.value)
            else:
                if item.kind == "checkbox":
                    item.options = [item.value]
                fields[item.name] = item
        action = urljoin(page_url, form["action"] or page_url)
        for button in form["buttons"] or [None]:
            found.append(
                FoundForm(
                    page=page_url,
                    action=action,
                    method=form["method"],
                    fields=list(fields.values()),
                    submit=button,
                )
            )
    return found


def local_path(base: str, href: str) -> str | None:
    """The site path (with query) `href` leads to from `base`, or None for
    another site, a fragment, a mail link or a script."""
    url = urlsplit(urljoin(base, href))
    if url.scheme not in ("http", "https", "") or url.netloc not in (
        "",
        "testserver",
        "localhost",
        "127.0.0.1",
        "127.0.0.1:8000",
    ):
        return None
    return url.path + (f"?{url.query}" if url.query else "")


def pattern_of(path: str) -> tuple | None:
    """What kind of page `path` is, so that a crawl opens a few of each kind
    rather than every profile and thread: the URL pattern, and for Wagtail's
    page route the page type and routable sub-page. None for a page the crawl
    does not follow."""
    bare = path.split("?", 1)[0]
    if bare.startswith(NOT_FOLLOWED):
        return None
    try:
        match = resolve(bare)
    except Resolver404:
        return None
    module = getattr(match.func, "__module__", "") or ""
    if module == "wagtail.views" and match.url_name == "wagtail_serve":
        from wagtail.models import Page

        route = Page.route_for_request(RequestFactory().get(bare), bare)
        if route is None:
            return None
        page, args, _kwargs = route
        subpage = getattr(args[0], "__name__", "") if args else ""
        return ("page", type(page.specific).__name__, subpage)
    if not module.startswith(OUR_PACKAGES):
        return None
    if "logout" in (match.url_name or ""):
        return None
    return (match.route, match.url_name)


def _query_links(page_url: str, html: str) -> list[FoundForm]:
    """Links with a query string (filters, paging) read like a GET form whose
    fields are the link's parameters."""
    found = []
    for href in parse(html).links:
        target = local_path(page_url, href)
        if not target or "?" not in target:
            continue
        path, query = target.split("?", 1)
        fields = [
            Field(name, "query", value)
            for name, value in parse_qsl(query, keep_blank_values=True)
        ]
        found.append(FoundForm(page_url, path, "get", fields, None))
    return found


@dataclass
class Crawl:
    forms: list[FoundForm]
    pages: list[str]


def crawl(
    client,
    seeds: Iterable[str],
    *,
    per_pattern: int = 2,
    max_pages: int = 250,
) -> Crawl:
    """Open pages breadth-first from `seeds` by following links and
    redirects, at most `per_pattern` of each kind and `max_pages` in all, and
    collect one form of each kind: its action's kind of page, its method, its
    field names and the button pressed."""
    queue = list(seeds)
    seen_paths: set[str] = set()
    per_kind: Counter = Counter()
    pages: list[str] = []
    forms: dict[tuple, FoundForm] = {}
    while queue and len(pages) < max_pages:
        path = queue.pop(0)
        if path in seen_paths:
            continue
        seen_paths.add(path)
        kind = pattern_of(path)
        if kind is None or per_kind[kind] >= per_pattern:
            continue
        per_kind[kind] += 1
        response = client.get(path)
        pages.append(path)
        if response.status_code in (301, 302, 303, 307, 308):
            target = local_path(path, response.headers["Location"])
            if target:
                queue.append(target)
            continue
        if not response.headers.get("Content-Type", "").startswith("text/html"):
            continue
        html = response.content.decode(errors="replace")
        for href in parse(html).links:
            target = local_path(path, href)
            if target and target not in seen_paths:
                queue.append(target)
        for form in [*forms_on(path, html), *_query_links(path, html)]:
            action_path = local_path(path, form.action)
            action_kind = action_path and pattern_of(action_path)
            if not action_kind:
                continue
            form.action = action_path
            form.key = (
                action_kind,
                form.method,
                tuple(sorted(f.name for f in form.fields)),
                form.submit,
            )
            forms.setdefault(form.key, form)
    return Crawl(forms=list(forms.values()), pages=pages)
