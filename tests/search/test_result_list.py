"""The search page's list of results (search_tags.result_list): what each
result shows, escaped, and nothing for what a result lacks."""

from datetime import UTC, datetime

from django.core.paginator import Paginator
from django.utils import translation
from django.utils.safestring import SafeString

from search.sources import Result
from search.templatetags.search_tags import result_list


def _page(results, number=1, per_page=20):
    return Paginator(results, per_page).page(number)


def _result(**fields):
    values = {
        "kind": "forum",
        "kind_label": "Forumdraad",
        "title": SafeString("Een <mark>koptelefoon</mark>"),
        "url": "/forum/draad/1-koptelefoon/",
        "snippet": SafeString("Wie heeft tips voor een <mark>koptelefoon</mark>?"),
    }
    return Result(**(values | fields))


def test_a_result_shows_its_kind_title_link_date_facts_and_snippet():
    result = _result(
        meta=["Gedrag", "Cluster 4"],
        when=datetime(2026, 3, 31, 23, 30, tzinfo=UTC),
        badge="Opgelost",
    )
    with translation.override("nl"):
        html = str(result_list(_page([result])))
    assert html.startswith('<ol class="search-results" start="1"><li>')
    assert '<article class="search-result search-result--forum">' in html
    assert (
        '<p class="search-result__kind">Forumdraad '
        '<span class="badge">Opgelost</span></p>' in html
    )
    assert (
        '<h2 class="search-result__title"><a href="/forum/draad/1-koptelefoon/">'
        "Een <mark>koptelefoon</mark></a></h2>" in html
    )
    # The date on a Dutch clock, then the facts.
    assert (
        '<p class="search-result__meta"><time datetime="2026-04-01T01:30:00+02:00">'
        "1 april 2026</time> · Gedrag · Cluster 4</p>" in html
    )
    assert "tips voor een <mark>koptelefoon</mark>?</p>" in html


def test_what_a_result_lacks_leaves_no_empty_markup():
    html = str(result_list(_page([_result(snippet="", meta=[], when=None)])))
    assert "badge" not in html
    assert "search-result__meta" not in html
    assert "search-result__snippet" not in html
    only_facts = str(result_list(_page([_result(meta=["Zwolle"])])))
    assert '<p class="search-result__meta">Zwolle</p>' in only_facts


def test_text_that_is_not_marked_safe_is_escaped_everywhere():
    sneaky = '<script>"x"</script>'
    result = _result(
        kind_label=sneaky,
        badge=sneaky,
        url='/a"onmouseover="x',
        meta=[sneaky],
        title=sneaky,
        snippet=sneaky,
    )
    html = str(result_list(_page([result])))
    assert "<script>" not in html
    assert html.count("&lt;script&gt;&quot;x&quot;&lt;/script&gt;") == 5
    assert 'href="/a&quot;onmouseover=&quot;x"' in html


def test_a_later_page_is_numbered_from_its_first_result():
    results = [_result(url=f"/r/{n}/") for n in range(45)]
    html = str(result_list(_page(results, number=3)))
    assert html.startswith('<ol class="search-results" start="41">')
    assert html.count("<li>") == 5
