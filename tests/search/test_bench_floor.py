"""The bench's search floor (bench/floors.py), each way it is written, must
find the rows the page counts, or its ratio would compare the page with some
other work."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection

from bench.floors import search_statements
from lecso_site.models import KnowledgeArticle
from search import engine
from search.forms import SearchForm
from search.sources import Filters, registered
from tests.conftest import body, publish


@pytest.mark.django_db
@pytest.mark.parametrize(
    "who, url",
    [
        ("member", "/zoeken/?q=leerlingen"),
        ("visitor", "/zoeken/?q=leerlingen"),
        ("member", "/zoeken/?q=leerlingen&cluster=2"),
        ("member", "/zoeken/?q=leerlingen&type=kennisbank"),
        ("visitor", "/zoeken/?q=gedrag&type=mensen&cluster=4&soort=so"),
        ("member", "/zoeken/?q=time-out+straf"),
    ],
)
def test_the_floor_finds_what_the_page_counts(corpus, who, url):
    user = corpus.member if who == "member" else AnonymousUser()
    found_by_floor = []
    for sql, params in search_statements(user, url):
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            found_by_floor.append(len(cursor.fetchall()))
    query = {key: values[-1] for key, values in parse_qs(urlsplit(url).query).items()}
    outcome = engine.search(
        user, query["q"], SearchForm(query).filters(), kind=query.get("type", "")
    )
    shown = outcome.page.paginator.count
    assert 0 < shown < 20, "the corpus query should fit on one page"
    assert found_by_floor == [shown] * len(found_by_floor)


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["member", "visitor"])
@pytest.mark.parametrize("page", [1, 2])
def test_the_floor_returns_the_pages_hits_in_the_pages_order(
    corpus, people, knowledge_index, who, page
):
    """Ranked as the page ranks (the backend's score, each kind's weight), the
    floor's window holds the page's own hits in the same order: the ratio
    compares the page with the least work that gives the same answer."""
    for number in range(26):
        # Scores that differ: the word more often in some biographies.
        people["person"](
            f"weerbaar{number}",
            f"Deskundige {number}",
            visibility="public",
            bio="Weerbaarheid in de klas. " + "Weerbaarheid. " * (number % 5),
        )
    publish(
        knowledge_index,
        KnowledgeArticle(
            title="Weerbaarheid",
            intro="Over weerbaarheid.",
            body=body("Weerbaarheid oefenen."),
        ),
    )
    user = corpus.member if who == "member" else AnonymousUser()
    outcome = engine.search(user, "weerbaarheid", Filters(), page_number=page)
    shown = [
        (source.key, key)
        for source, key, _score in outcome.page.paginator.object_list.ranking.hits
    ]
    assert len(shown) == (20 if page == 1 else outcome.total - 20) > 0
    kinds = [source.key for source in registered() if source.applies(Filters())]
    url = f"/zoeken/?q=weerbaarheid&page={page}"
    for sql, params in search_statements(user, url):
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            found = [(kinds[number], key) for number, key, _s in cursor.fetchall()]
        assert found == shown
