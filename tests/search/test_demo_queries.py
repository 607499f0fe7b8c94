"""The first searches a newcomer from the sector types, on the demo site: each
finds what a colleague would expect among the first three results, for a
visitor and for a member. CI runs this on SQLite and on PostgreSQL."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.utils.html import strip_tags

from search import engine, spelling
from search.models import Term, split_names
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
    ("ADHD", {"Lotte van Dijk", "ADHD in de klas: korte instructie, veel beweging"}),
    ("TLV", "De toelaatbaarheidsverklaring (TLV): van aanvraag tot plaatsing"),
    (
        "passend onderwijs",
        "Passend onderwijs en zorgplicht: wat een school moet bieden",
    ),
    ("dyscalculie", "Hans Brouwer"),
    ("NAH", "Ingrid Mulder"),
    ("SBO", "Van SBO naar SO: wanneer de overstap helpt"),
    ("cochleair implantaat", "Fenna Postma"),
    ("GGZ", "Karim Bouzid"),
    ("commissie van begeleiding", "Anouk Smits"),
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
    """The expected item among the first three for the first searches; and
    each term editors start with, and each of its abbreviations, finds
    something a visitor may see (one test: seeding the demo takes a while)."""
    empty = []
    for term in Term.objects.order_by("term"):
        for name in [term.term, *split_names(term.abbreviations)]:
            if not engine.search(AnonymousUser(), name, Filters()).total:
                empty.append(name)
    assert empty == [], "sector words that find nothing"
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
