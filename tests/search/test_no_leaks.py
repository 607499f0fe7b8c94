"""The leak matrix: who finds what. Every kind of content with every visibility,
for every kind of viewer, through results, counts, snippets, the page itself,
the header's suggestions and 'did you mean'."""

import pytest
from django.contrib.auth.models import AnonymousUser

from search import engine, spelling
from search.sources import Filters
from search.suggest import suggestions

VIEWERS = ["visitor", "outsider", "member", "group_member", "moderator"]

# word only that item holds -> (title shown when found, viewers who may find it)
MATRIX = {
    "gedragsproblemen": ("Anna de Vries", set(VIEWERS)),  # public profile
    "ledenwoord": ("Lotte Ledenprofiel", {"member", "group_member", "moderator"}),
    "zeldzaamwoord": ("Vera Verborgen", set()),  # hidden profile
    "slaapwoord": ("Sam Slaper", set()),  # public profile of a closed account
    "koptelefoon": ("Ervaringen met een koptelefoon", set(VIEWERS)),  # open category
    "ledenthreadwoord": (
        "Leerlingenvervoer regelen voor het VSO",
        {"member", "group_member", "moderator"},
    ),
    "groepswoord": ("Vertrouwelijk overleg", {"group_member", "moderator"}),
    "verborgenwoord": ("Verborgen draad", {"moderator"}),  # hidden by a moderator
    "geheimwoord": ("Conceptartikel", set()),  # draft page
}


def viewer(corpus, name):
    return AnonymousUser() if name == "visitor" else getattr(corpus, name)


@pytest.mark.django_db
def test_results_counts_and_snippets_show_only_what_each_viewer_may_see(corpus):
    wrong = []
    for name in VIEWERS:
        user = viewer(corpus, name)
        for word, (title, allowed) in MATRIX.items():
            outcome = engine.search(user, word, Filters())
            shown = " ".join(f"{r.title} {r.snippet}" for r in outcome.page.object_list)
            counted = sum(facet.count for facet in outcome.facets)
            found = title in shown.replace("<mark>", "").replace("</mark>", "")
            if found != (name in allowed) or counted != outcome.total:
                wrong.append((name, word, found, counted))
            if name not in allowed and (outcome.total or word in shown):
                wrong.append((name, word, "counted or shown", outcome.total))
    assert wrong == []


@pytest.mark.django_db
@pytest.mark.parametrize("name", VIEWERS)
def test_the_search_page_never_names_what_the_viewer_may_not_see(corpus, client, name):
    if name != "visitor":
        client.force_login(viewer(corpus, name))
    for word, (title, allowed) in MATRIX.items():
        html = client.get("/zoeken/", {"q": word}).content.decode()
        html = html.replace("<mark>", "").replace("</mark>", "")
        assert (title in html) == (name in allowed), (name, word)
        if name not in allowed:
            assert "0 resultaten" in html


@pytest.mark.django_db
@pytest.mark.parametrize("name", VIEWERS)
def test_suggestions_name_only_people_and_topics_the_viewer_may_see(corpus, name):
    user = viewer(corpus, name)
    labels = lambda typed: {s["label"] for s in suggestions(user, typed)}  # noqa: E731
    is_member = name in {"member", "group_member", "moderator"}
    assert ("Anna de Vries" in labels("Ann")) is True
    assert ("Lotte Ledenprofiel" in labels("Lott")) is is_member
    assert ("ledentopic" in labels("ledent")) is is_member
    assert "Vera Verborgen" not in labels("Vera")
    assert not any("Conceptartikel" in label for label in labels("Conceptart"))


@pytest.mark.django_db
def test_did_you_mean_knows_only_public_words(corpus):
    known = set(spelling.known_words())
    assert {"gebarentaal", "koptelefoon", "gedragsspecialist"} <= known
    secret = {"ledenwoord", "zeldzaamwoord", "ledenthreadwoord", "groepswoord"}
    secret |= {"verborgenwoord", "geheimwoord", "geheimschrijver", "ledentopic"}
    assert known & secret == set()
    assert spelling.did_you_mean(["ledenwoordd"], finds=lambda word: True) == ""


@pytest.mark.django_db
def test_did_you_mean_offers_no_word_of_content_hidden_since_it_learnt_it(
    corpus, client
):
    """The vocabulary is cached; a thread hidden after it learnt its words must
    not lend them to a suggestion, not even beside a word that finds something."""
    thread = corpus.verborgen_draad
    thread.is_hidden = False
    thread.save()
    typed = {"q": "verborgenwoordd koptelefoonn"}
    assert ">verborgenwoord koptelefoon</a>" in client.get("/zoeken/", typed).text

    thread.is_hidden = True
    thread.save()
    assert "verborgenwoord" in spelling.known_words(), "still cached"
    html = client.get("/zoeken/", typed).text
    assert ">verborgenwoordd koptelefoon</a>" in html
    assert "verborgenwoord " not in html


@pytest.mark.django_db
def test_the_suggestions_endpoint_is_never_cached_for_others(corpus, client):
    response = client.get("/zoeken/suggesties/", {"q": "Ann"})
    assert response["Cache-Control"] == "private, no-store"
    assert response.json()["suggestions"][0]["label"] == "Anna de Vries"


@pytest.mark.django_db
def test_filters_never_let_a_hidden_or_closed_profile_through(corpus):
    """With filters chosen, a member's search asks the keys the filters leave
    and leaves out those the member may not see (search.sources.PeopleSource):
    a hidden profile and a closed account that match every filter stay out."""
    from network.models import Cluster, Profile

    cluster = Cluster.objects.get(number=4)
    for name in ("Vera Verborgen", "Sam Slaper", "Lotte Ledenprofiel"):
        profile = Profile.objects.get(name=name)
        profile.school_type = "so"
        profile.save()
        profile.clusters.add(cluster)
    filters = Filters(cluster=4, school_type="so")
    for name in VIEWERS:
        user = viewer(corpus, name)
        for word in ("zeldzaamwoord", "slaapwoord", "ledenwoord"):
            title, allowed = MATRIX[word]
            outcome = engine.search(user, word, filters)
            shown = " ".join(r.title for r in outcome.page.object_list)
            assert (title in shown) == (name in allowed), (name, word)
            assert bool(outcome.total) == (name in allowed), (name, word)


@pytest.mark.django_db
def test_a_page_of_hits_is_loaded_only_among_what_the_reader_may_see(corpus):
    """The ranking statement chose the hits among what the reader may see; the
    page's objects are read once more by key through the same rule
    (Source.loadable), so a hit the reader may not see (hidden a moment after
    it was ranked, say) is never shown."""
    from network.models import Profile
    from search.sources import PEOPLE

    words = ("gedragsproblemen", "ledenwoord", "zeldzaamwoord")
    profiles = {MATRIX[word][0]: MATRIX[word][1] for word in words}
    hits = [
        (PEOPLE, str(Profile.objects.get(name=title).pk), 1.0) for title in profiles
    ]
    for name in VIEWERS:
        loaded = engine._load(hits, viewer(corpus, name))
        shown = {obj.name for _source, obj, _score in loaded}
        assert shown == {t for t, allowed in profiles.items() if name in allowed}, name
