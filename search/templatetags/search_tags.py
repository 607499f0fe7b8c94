"""The search page's list of results, written out."""

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

register = template.Library()

META_SEPARATOR = " · "


@register.simple_tag
def result_list(page):
    """A page of search results (search.sources.Result) as the page's ordered
    list, numbered from the page's first result.

    Written out here rather than in the template's loop: twenty results took
    1.6 milliseconds of template work there, and 0.9 written with a
    format_html for each part, of a page whose ranking statement takes eight
    (7 December 2026). Every value goes through conditional_escape, as the
    template's variables did: titles and snippets come marked and escaped
    (search.snippets), everything else is escaped here."""
    items = "".join(_item(result) for result in page.object_list)
    start = conditional_escape(page.start_index())
    return mark_safe(f'<ol class="search-results" start="{start}">{items}</ol>')


def _item(result) -> str:
    """One result as escaped markup."""
    kind, label = conditional_escape(result.kind), conditional_escape(result.kind_label)
    badge = ""
    if result.badge:
        badge = f' <span class="badge">{conditional_escape(result.badge)}</span>'
    url, title = conditional_escape(result.url), conditional_escape(result.title)
    snippet = ""
    if result.snippet:
        text = conditional_escape(result.snippet)
        snippet = f'<p class="search-result__snippet">{text}</p>'
    return (
        f'<li><article class="search-result search-result--{kind}">'
        f'<p class="search-result__kind">{label}{badge}</p>'
        f'<h2 class="search-result__title"><a href="{url}">{title}</a></h2>'
        f"{_meta(result)}{snippet}</article></li>"
    )


def _meta(result) -> str:
    """The result's date and its other facts (role, school, place), if any,
    as escaped markup."""
    if not (result.meta or result.when):
        return ""
    when = ""
    if result.when:
        iso, text = (
            conditional_escape(result.when_iso),
            conditional_escape(result.when_text),
        )
        separator = META_SEPARATOR if result.meta else ""
        when = f'<time datetime="{iso}">{text}</time>{separator}'
    # Each fact escaped unless marked safe, as the join filter does.
    facts = META_SEPARATOR.join(conditional_escape(fact) for fact in result.meta)
    return f'<p class="search-result__meta">{when}{facts}</p>'
