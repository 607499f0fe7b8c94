"""The bench's search floor (bench/floors.py), each way it is written, must
find the rows the page counts, or its ratio would compare the page with some
other work."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection

from bench.floors import search_statements
from search import engine
from search.forms import SearchForm


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
