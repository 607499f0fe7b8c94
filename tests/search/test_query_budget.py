"""What one search costs the database, and that the cheaper ways of asking
still keep out what the reader may not see."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from lecso_site.models import KnowledgeArticle, StandardPage
from search import engine
from search import sources as registry
from search.sources import Filters
from tests.conftest import publish

# The facet counts and the page's hits of every kind are one statement
# (search.ranking); what remains is the request's own work (user, membership,
# forum rights), loading the page's objects (one query per kind shown and what
# each shows) and counting the search for the statistics.
SEARCH_QUERIES = 12


@pytest.mark.django_db
def test_a_search_of_every_kind_stays_within_its_query_budget(
    corpus, client, django_assert_max_num_queries
):
    client.force_login(corpus.member)
    client.get("/zoeken/", {"q": "leerlingen"})
    with django_assert_max_num_queries(SEARCH_QUERIES):
        response = client.get("/zoeken/", {"q": "leerlingen"})
    kinds = [facet.key for facet in response.context["outcome"].facets if facet.count]
    assert len(kinds) >= 3, kinds


@pytest.mark.django_db
def test_the_facet_counts_in_one_statement_match_each_kind_counted_alone(corpus):
    outcome = engine.search(corpus.member, "leerlingen", Filters())
    for facet in outcome.facets:
        alone = engine.search(corpus.member, "leerlingen", Filters(), kind=facet.key)
        assert facet.count == alone.page.paginator.count, facet.key


@pytest.mark.django_db
def test_a_page_in_a_restricted_section_is_not_found(knowledge_index, home):
    private = publish(home, StandardPage(title="Bestuurszaken", slug="bestuur"))
    publish(private, StandardPage(title="Begroting vertrouwelijk", slug="begroting"))
    publish(
        knowledge_index,
        KnowledgeArticle(
            title="Begroting openbaar", slug="begroting-openbaar", intro="Openbaar."
        ),
    )
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.LOGIN
    )
    outcome = engine.search(None, "begroting", Filters())
    titles = [str(result.title) for result in outcome.page.object_list]
    assert len(titles) == 1 and "openbaar" in titles[0]


@pytest.mark.django_db
def test_pages_kept_compiled_still_ask_the_restrictions_of_the_moment(home):
    """The four kinds of page are searched through SQL compiled once per
    process (search.sources.public_pages_of marks the queryset): the private
    sections are asked inside that SQL, so a section restricted after the
    first search is left out of the next; a filtered copy is not marked."""
    from search.sources import public_pages_of

    section = publish(home, StandardPage(title="Werkgroep", slug="werkgroep"))
    publish(section, StandardPage(title="Notulen werkgroep", slug="notulen"))
    neighbour = publish(
        home, StandardPage(title="Notulen bestuur", slug="notulen-bestuur")
    )
    assert engine.search(None, "notulen", Filters()).total == 2
    PageViewRestriction.objects.create(
        page=section, restriction_type=PageViewRestriction.LOGIN
    )
    found = engine.search(None, "notulen", Filters())
    # The section's page below it is left out; the page next to the section,
    # whose path sorts right after the section's own, is not.
    assert [result.url for result in found.page.object_list] == [neighbour.url]

    pages = public_pages_of(StandardPage)
    assert pages.same_for_everyone == "lecso_site.StandardPage"
    assert not hasattr(pages.filter(depth__gt=2), "same_for_everyone")
    # Built once in a search, and handed out marked each time it is asked.
    source = next(s for s in registry.registered() if s.key == "paginas")
    with registry.one_search():
        for _asked in range(2):
            built = source.built(None, Filters())
            assert built.same_for_everyone == "lecso_site.StandardPage"


@pytest.mark.django_db
def test_a_page_past_the_last_shows_the_last_of_one_kind(corpus):
    everything = engine.search(corpus.member, "leerlingen", Filters())
    facet = max(everything.facets, key=lambda facet: facet.count)
    last = engine.search(
        corpus.member, "leerlingen", Filters(), kind=facet.key, page_number=999
    )
    assert last.page.number == last.page.paginator.num_pages
    expected = facet.count - (last.page.number - 1) * engine.PER_PAGE
    assert len(last.page.object_list) == expected > 0


@pytest.mark.django_db
def test_every_hit_is_on_one_page_only(corpus):
    """Pages of the merged list follow one another: together they hold every
    hit once, in the order of relevance."""
    first = engine.search(corpus.member, "leerlingen", Filters())
    seen = []
    for number in range(1, first.page.paginator.num_pages + 1):
        page = engine.search(corpus.member, "leerlingen", Filters(), page_number=number)
        seen += [(r.kind, r.url) for r in page.page.object_list]
    assert len(seen) == len(set(seen)) == first.page.paginator.count


@pytest.mark.django_db
def test_one_kind_beside_counts_of_the_others_from_a_moment_ago(corpus):
    """Opening one kind after the search of all kinds searches only that kind
    and ranks only its page: the counts are the reader's own from the search
    before (the number on the link they followed), the page is the one a
    search from scratch ranks."""
    from django.contrib.auth.models import AnonymousUser

    everything = engine.search(corpus.member, "leerlingen", Filters())
    counted = {facet.key: facet.count for facet in everything.facets}
    people = next(f for f in everything.facets if f.key == "mensen")
    assert people.count
    with CaptureQueriesContext(connection) as asked:
        alone = engine.search(corpus.member, "leerlingen", Filters(), kind="mensen")
    ranked = [q["sql"] for q in asked.captured_queries if "hit_key" in q["sql"]]
    assert len(ranked) == 1 and "kind_1" not in ranked[0]  # one kind searched
    assert "COUNT(" not in ranked[0]  # and not counted again
    assert {f.key: f.count for f in alone.facets} == counted
    assert alone.page.paginator.count == people.count
    cache.clear()
    from_scratch = engine.search(corpus.member, "leerlingen", Filters(), kind="mensen")
    assert [r.url for r in alone.page.object_list] == [
        r.url for r in from_scratch.page.object_list
    ]
    assert {f.key: f.count for f in from_scratch.facets} == counted

    # Someone else (a visitor, who sees fewer people) gets their own counts.
    visitor = engine.search(AnonymousUser(), "leerlingen", Filters(), kind="mensen")
    assert visitor.page.paginator.count < people.count
    assert next(f for f in visitor.facets if f.key == "mensen").count == (
        visitor.page.paginator.count
    )


@pytest.mark.parametrize(
    ("known", "page", "shown", "expected"),
    [
        (3, 1, 4, 4),  # a hit published since: the short list counts it
        (5, 1, 2, 2),  # two gone since: the short list is exact
        (0, 1, 0, 0),  # nothing
        (45, 3, 5, 45),  # the list ends on this page: exact
        (50, 2, 20, 50),  # a full page: the count from a moment ago
        (30, 2, 20, 40),  # ... but at least up to what is shown
        (45, 4, 0, 45),  # past the end: the paginator turns back
        (45, 9, 0, 45),
        (70, 4, 0, 60),  # past the end of a list that shrank
    ],
)
def test_a_chosen_kinds_count_is_exact_where_its_list_ends(
    known, page, shown, expected
):
    window = engine._window(page)
    assert engine._chosen_count(known, window, shown) == expected


@pytest.mark.django_db
def test_a_sources_rule_is_built_once_per_search_and_again_for_the_next(
    corpus, monkeypatch
):
    """Ranking the hits and loading the page ask a source for the same
    queryset; one search builds it once, and the next search builds its own
    (a rule kept longer would outlive a change of the reader's rights)."""
    built = []
    for source in registry.registered():
        original = source.queryset

        def counted(user, filters, source=source, original=original):
            built.append((source.key, filters))
            return original(user, filters)

        monkeypatch.setattr(source, "queryset", counted)
    for _search in range(2):
        built.clear()
        outcome = engine.search(corpus.member, "leerlingen", Filters(), kind="forum")
        assert outcome.page.object_list  # ranked and loaded
        assert built.count(("forum", Filters())) == 1
    # Within one search, another reader gets a rule of their own.
    from django.contrib.auth.models import AnonymousUser

    forum = next(s for s in registry.registered() if s.key == "forum")
    with registry.one_search():
        members = str(forum.built(corpus.member, Filters()).query)
        visitors = str(forum.built(AnonymousUser(), Filters()).query)
    assert members != visitors
