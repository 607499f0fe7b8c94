"""The first searches a newcomer from the sector types, on the demo site: each
finds what a colleague would expect among the first three results, for a
visitor and for a member. CI runs this on SQLite and on PostgreSQL."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.utils.html import strip_tags

from search import engine, spelling
from search.sources import Filters

CLUSTER_3_SCHOOLS = {
    "De Regenboog",
    "De Kade",
    "Het Mozaïek",
    "Het Palet",
    "De Schakel",
}
EMB = {
    "Sietske de Haan",
    "Leren bij leerlingen met EMB: kleine stappen, vaste momenten",
}
# (query, a title, or one of a set of titles, expected among the first three)
QUERIES = [
    ("TOS", "Jeroen Kuipers"),
    ("taalontwikkelingsstoornis", "Jeroen Kuipers"),
    ("autisme", "Autisme in de klas: voorspelbaarheid geeft rust"),
    ("ASS", "Marloes Hendriks"),
    ("dyslexie", "Annelies Verbeek"),
    ("EMB", EMB),
    ("ernstig meervoudig beperkt", EMB),
    ("gedrag", "Gedrag begrijpen en de-escaleren"),
    (
        "thuiszitters",
        {"Petra Wolters", "Thuiszitters: samen een weg terug naar school"},
    ),
    ("scholen in Utrecht", "De Burcht"),
    ("ZML", CLUSTER_3_SCHOOLS),
    ("visuele beperking", "Rik Oosterhuis"),
]


@pytest.fixture
def demo(db, settings, django_capture_on_commit_callbacks):
    settings.DEBUG = True  # seed_demo refuses to run otherwise
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", verbosity=0)
    call_command("update_index", verbosity=0)
    return get_user_model().objects.get(username="demo-12ab-0")


def _top_three(user, query) -> list[str]:
    outcome = engine.search(user, query, Filters())
    return [strip_tags(result.title) for result in outcome.page.object_list[:3]]


@pytest.mark.django_db
def test_the_sectors_first_searches_find_the_expected_item(demo):
    misses = []
    for reader in (AnonymousUser(), demo):
        for query, expected in QUERIES:
            top = _top_three(reader, query)
            wanted = expected if isinstance(expected, set) else {expected}
            if not wanted & set(top):
                misses.append((type(reader).__name__, query, expected, top))
    assert misses == [], "\n".join(map(str, misses))


@pytest.mark.django_db
def test_a_misspelt_core_word_gets_a_suggestion(demo):
    def finds(word):
        return engine.finds_any(AnonymousUser(), word, Filters())

    assert spelling.did_you_mean(["autsime"], finds) == "autisme"
    assert spelling.did_you_mean(["dyslxie", "gedarg"], finds) == "dyslexie gedrag"
