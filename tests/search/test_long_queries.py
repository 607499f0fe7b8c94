"""A search term longer than anyone types is cut to MAX_LENGTH characters, so
the page, its links and the search itself stay small."""

import pytest

from search.text import MAX_LENGTH, MAX_WORDS, clean_query, search_words


def test_the_query_is_cut_to_max_length():
    typed = "prikkelverwerking " * 100_000  # 1.8 MB
    query = clean_query(typed)
    assert len(query) == MAX_LENGTH
    assert typed.startswith(query)
    assert len(search_words(query)) <= MAX_WORDS


def test_control_characters_count_as_spaces_before_the_cut():
    assert clean_query("\x00" * 10_000 + "autisme") == "autisme"


@pytest.mark.django_db
def test_a_long_query_is_redirected_to_what_is_searched(corpus, client):
    typed = "leerlingen " * 600  # 6.6 KB: within the URL limit, far over the cap
    response = client.get("/zoeken/", {"q": typed, "type": "kennisbank"})
    assert response.status_code == 302
    location = response.headers["Location"]
    assert location.startswith("/zoeken/?")
    assert "type=kennisbank" in location
    assert len(location) < 3 * MAX_LENGTH + 50

    page = client.get(location)
    assert page.status_code == 200
    assert page.context["query"] == clean_query(typed)
    html = page.content.decode()
    # No link on the page repeats more of the query than was searched.
    assert "leerlingen+" * 20 not in html
    assert "Prikkelverwerking in de klas" in html


@pytest.mark.django_db
def test_a_query_within_the_cap_is_answered_directly(corpus, client):
    response = client.get("/zoeken/", {"q": "leerlingen " * 10})
    assert response.status_code == 200
