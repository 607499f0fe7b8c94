"""Schools as a kind of result: by name, place, province, BRIN and
samenwerkingsverband, with a place read as a filter when the query asks for
schools."""

import pytest
from django.utils.html import strip_tags

from search import engine
from search.schools import FIRST
from search.sources import Filters
from tests import factories


@pytest.fixture
def schools(db):
    board = factories.make_board("Stichting Horizon", "41777")
    made = {
        "burcht": factories.make_school(
            "De Burcht", "12AB", board=board, city="Utrecht", province="UT"
        ),
        "berg": factories.make_school(
            "Het Bergpad", "13CD", board=board, city="Amersfoort", province="UT"
        ),
        "zee": factories.make_school(
            "De Zeester", "14EF", board=board, city="Den Haag", province="ZH"
        ),
        "best": factories.make_school(
            "De Kempen", "15GH", board=board, city="Best", province="NB"
        ),
    }
    made["zee"].alliance = "Samenwerkingsverband Haaglanden PO"
    made["zee"].save()
    return made


def _schools(query, **filters) -> list[str]:
    outcome = engine.search(None, query, Filters(**filters), kind="scholen")
    return [strip_tags(result.title) for result in outcome.page.object_list]


@pytest.mark.django_db
def test_scholen_in_a_province_lists_its_schools_first_and_only_them(schools):
    outcome = engine.search(None, "scholen in Utrecht", Filters())
    kinds = [result.kind for result in outcome.page.object_list]
    assert kinds[:2] == ["scholen", "scholen"]
    assert _schools("scholen in Utrecht") == ["De Burcht", "Het Bergpad"]


@pytest.mark.django_db
def test_a_city_of_two_words_is_one_place(schools):
    assert _schools("school Den Haag") == ["De Zeester"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Zeester", "De Zeester"),
        ("13CD", "Het Bergpad"),
        ("Haaglanden", "De Zeester"),
        ("Amersfoort", "Het Bergpad"),
        ("Horizon", "De Burcht"),
    ],
)
def test_a_school_is_found_by_name_brin_alliance_place_and_board(
    schools, query, expected
):
    assert expected in _schools(query)


@pytest.mark.django_db
def test_a_place_that_is_also_a_word_is_no_filter_without_asking_for_schools(
    schools,
):
    """Found for the word, as any text match (when nothing has both words),
    not put first as the answer to a question about a place."""
    found = engine.search(None, "best practice", Filters(), kind="scholen")
    assert [r.relevance < FIRST for r in found.page.object_list] == [True]
    asked = engine.search(None, "scholen Best", Filters(), kind="scholen")
    assert [r.relevance for r in asked.page.object_list] == [FIRST]
    alone = engine.search(None, "Best", Filters(), kind="scholen")
    assert [r.relevance for r in alone.page.object_list] == [FIRST]


@pytest.mark.django_db
def test_school_results_follow_the_so_vso_filter(schools):
    schools["berg"].school_type = "so"
    schools["berg"].save()
    schools["burcht"].school_type = "vso"
    schools["burcht"].save()
    assert _schools("scholen in Utrecht", school_type="so") == ["Het Bergpad"]


@pytest.mark.django_db
def test_the_result_says_where_the_school_is(schools, client):
    html = client.get("/zoeken/", {"q": "scholen in Utrecht"}).text
    assert "Utrecht, Utrecht" in html
    assert 'href="/scholen/12AB/"' in html or "/12AB/" in html
