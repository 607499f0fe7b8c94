"""What one search costs the database, and that the cheaper ways of asking
still keep out what the reader may not see."""

import pytest
from wagtail.models import PageViewRestriction

from lecso_site.models import KnowledgeArticle, StandardPage
from search import engine
from search.sources import Filters
from tests.conftest import publish

# The facet counts are one statement, and a kind without hits is not asked
# for its best hits; what remains is the request's own work (session, user,
# rights), one ranked query per kind with hits and the loading of one page.
SEARCH_QUERIES = 24


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
