"""The sector's words: abbreviations and synonyms from the editors' search terms
and from support needs and topics, on queries, suggestions and 'did you mean'.
The seeded list (search/migrations/0005) is in the test database."""

import pytest

from network.models import SupportNeed, Topic
from search import engine, spelling, vocabulary
from search.models import Term
from search.sources import Filters
from tests import factories


def test_lists_that_share_a_name_join_into_one_group():
    groups = vocabulary.build_groups(
        [
            ["taalontwikkelingsstoornis", "TOS"],
            ["Taal en spraak", "TOS"],
            ["autisme", "ASS"],
        ]
    )
    assert groups[("tos",)] == groups[("taal", "spraak")]
    assert ("taalontwikkelingsstoornis",) in groups[("taal", "spraak")]
    assert ("autisme",) not in groups[("tos",)]


@pytest.mark.django_db
def test_a_query_is_read_longest_name_first():
    parts = vocabulary.parts(["voortgezet", "speciaal", "onderwijs", "utrecht"])
    assert [part.typed for part in parts] == [
        ("voortgezet", "speciaal", "onderwijs"),
        ("utrecht",),
    ]
    assert ("vso",) in parts[0].alternatives
    assert not parts[1].alternatives


@pytest.fixture
def language_expert(db):
    school = factories.make_school("De Taalboom", "31TB", city="Zwolle", province="OV")
    user = factories.make_user("taal", email="taal@taalboom.nl", days_old=30)
    return factories.make_person(
        "Tamara Taalkracht",
        user=user,
        school=school,
        visibility="public",
        job_title="Logopedist",
        needs=["taal-en-spraak"],
    )


def _names(outcome) -> list[str]:
    return [str(result.title) for result in outcome.page.object_list]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query", ["TOS", "taalontwikkelingsstoornis", "tos zwolle", "spraak-taalstoornis"]
)
def test_an_abbreviation_or_synonym_finds_the_experts_of_the_support_need(
    language_expert, query
):
    outcome = engine.search(None, query, Filters())
    assert "Tamara Taalkracht" in _names(outcome)


@pytest.mark.django_db
def test_the_words_the_synonym_stands_for_are_marked_in_the_result(
    language_expert,
):
    outcome = engine.search(None, "TOS", Filters())
    result = next(r for r in outcome.page.object_list if "Tamara" in str(r.title))
    assert "<mark>Taal</mark> en <mark>spraak</mark>" in str(result.snippet)


@pytest.mark.django_db
def test_a_term_an_editor_adds_works_at_the_next_search(language_expert):
    assert "Tamara Taalkracht" not in _names(engine.search(None, "praatles", Filters()))
    Term.objects.create(term="logopedie", synonyms="praatles, logopedist")
    assert "Tamara Taalkracht" in _names(engine.search(None, "praatles", Filters()))


@pytest.mark.django_db
def test_a_topic_carries_its_own_abbreviation(language_expert):
    topic = Topic.objects.create(name="Snoezelen", slug="snoezelen")
    language_expert.topics.add(topic)
    topic.also_known_as = "SNZ"
    topic.save()
    assert "Tamara Taalkracht" in _names(engine.search(None, "SNZ", Filters()))


@pytest.mark.django_db
def test_a_renamed_support_need_name_counts_at_once(language_expert):
    need = SupportNeed.objects.get(slug="taal-en-spraak")
    need.also_known_as = "spraakwater"
    need.save()
    assert "Tamara Taalkracht" in _names(engine.search(None, "spraakwater", Filters()))
    assert "Tamara Taalkracht" not in _names(engine.search(None, "TOS", Filters()))


@pytest.mark.django_db
def test_the_search_box_suggests_the_support_need_for_an_abbreviation(client):
    suggestions = client.get("/zoeken/suggesties/", {"q": "TOS"}).json()["suggestions"]
    labels = [s["label"] for s in suggestions if s["kind"] == "Ondersteuningsbehoefte"]
    assert labels == ["Taal en spraak"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        (["autsime"], "autisme"),  # two letters swapped
        (["dyslxie"], "dyslexie"),  # one left out
        (["autisme", "dyslexei"], "autisme dyslexie"),  # per word
        (["taalontwikelingstoornis"], "taalontwikkelingsstoornis"),  # two slips
    ],
)
def test_did_you_mean_forgives_a_slip_or_a_swap(typed, meant):
    assert spelling.did_you_mean(typed, finds=lambda word: True) == meant


@pytest.mark.django_db
def test_did_you_mean_leaves_a_word_too_far_from_any_known_word():
    assert spelling.did_you_mean(["qwertyuiop"], finds=lambda word: True) == ""


@pytest.mark.django_db
def test_an_abbreviation_that_is_also_a_place_searches_for_its_meaning(
    language_expert,
):
    """Both databases index "Assen" by its stem "ass": "ASS" means autism."""
    assen = factories.make_school("Het Palet", "21ST", city="Assen", province="DR")
    factories.make_person("Bas Palet", school=assen, visibility="public")
    autism = factories.make_person(
        "Marloes Hendriks", visibility="public", job_title="Autismespecialist"
    )
    autism.topics.add(Topic.objects.create(name="autisme", slug="autisme"))
    found = _names(engine.search(None, "ASS", Filters()))
    assert "Marloes Hendriks" in found
    assert "Bas Palet" not in found
    assert "Bas Palet" in _names(engine.search(None, "Assen", Filters()))


@pytest.fixture
def editor(db, client):
    from django.contrib.auth.models import Group

    from network.models import SecuritySettings

    SecuritySettings.objects.update(require_two_factor_for_admin=False)
    user = factories.make_user("redacteur", email="redactie@lecso.nl", days_old=30)
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return user


@pytest.mark.django_db
def test_an_editor_adds_a_term_in_the_admin_and_a_duplicate_is_refused_kindly(
    editor, client, language_expert
):
    url = "/admin/snippets/search/term/add/"
    assert client.get("/admin/snippets/search/term/").status_code == 200
    form = {
        "term": "logopedie",
        "abbreviations": "",
        "synonyms": "praatles, logopedist",
    }
    assert client.post(url, form).status_code == 302
    assert "Tamara Taalkracht" in _names(engine.search(None, "praatles", Filters()))

    again = client.post(url, {**form, "synonyms": "spreekles"})
    assert again.status_code == 200
    assert "bestaat al" in again.text  # Dutch: already exists
    assert "spreekles" in again.text  # what was typed is kept
    assert Term.objects.filter(term="logopedie").count() == 1
