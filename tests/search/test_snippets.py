"""The words a snippet marks (search.snippets): found by their Dutch stem, as
the search matched them. Only words that begin as a stem does are stemmed;
this must find exactly the words that stemming every word finds."""

import re

import pytest

from search.snippets import WordMatcher, _stem, mark

TEXT = (
    "Één leerling in de klassen van De Maan kreeg een ééndagsschool-aanbod. "
    "Leerlingen met TOS en EMB; IB'ers, OPP's en SWV-overleg. Naam, namen, "
    "naam-loos. Überhaupt ïs het zo: ijsberen, Yoga, yoghurt, ZIEN, zien, "
    "gezien, zienswijze, autisme, autistische, dyslectische, dyslexie. "
    "Maan, manen, man; aap, apen; school, scholen, schooltje, klas, klassen. "
    "Thuiszitters zitten thuis. 2025 klas_3 ÄÖÜ äöü"
)
QUERIES = [
    "leerling",
    "klas",
    "naam",
    "een",
    "maan",
    "aap",
    "scholen",
    "tos emb",
    "ib'er opp swv",
    "überhaupt is ijsbeer yoga",
    "zien autisme dyslexie",
    "thuiszitter",
    "2025 äöü",
]


def every_word_stemmed(matcher, text):
    return [
        (match.start(), match.group(0))
        for match in re.finditer(r"\w+", text)
        if _stem(match.group(0)) in matcher.stems
    ]


@pytest.mark.parametrize("query", QUERIES)
def test_the_words_found_are_those_every_word_stemmed_finds(query):
    matcher = WordMatcher(query)
    found = [(match.start(), match.group(0)) for match in matcher.finditer(TEXT)]
    assert found == every_word_stemmed(matcher, TEXT)
    assert found, f"the text holds a word for {query!r}"


def test_a_word_is_marked_with_its_own_accents_and_capitals():
    assert mark("Één klas, éen Leerlingen", WordMatcher("een leerling")) == (
        "<mark>Één</mark> klas, <mark>éen</mark> <mark>Leerlingen</mark>"
    )
