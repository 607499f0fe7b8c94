"""Directory queries by each filter and by text return the right people, and the
facet counts match what choosing that value would show."""

import re

import pytest

from network.directory import search_directory
from network.models import Visibility

pytestmark = pytest.mark.django_db


@pytest.fixture
def experts(make_person, school_a, school_b):
    return {
        "anna": make_person(
            "Anna de Vries",
            school=school_a,
            needs=["communicatie"],
            topics=["ondersteunde communicatie"],
            clusters=[2, 3],
            school_type="so",
            questions=True,
            visibility=Visibility.PUBLIC,
            bio="Twintig jaar ervaring met **picto's** en gebaren.",
        ),
        "bram": make_person(
            "Bram Jansen",
            school=school_b,
            needs=["gedragsregulatie"],
            topics=["de-escalatie"],
            clusters=[4],
            school_type="vso",
            visit=True,
            job_title="Gedragsspecialist",
        ),
        "cato": make_person(
            "Cato Bakker",
            school=school_a,
            needs=["communicatie", "gedragsregulatie"],
            topics=["de-escalatie"],
            clusters=[4],
            school_type="so-vso",
            questions=True,
            talk=True,
        ),
        "hidden": make_person(
            "Dirk Verborgen",
            school=school_a,
            needs=["communicatie"],
            visibility=Visibility.HIDDEN,
        ),
    }


@pytest.fixture
def member(make_person, school_a):
    return make_person("Lezer", school=school_a).user


def names(result) -> list[str]:
    return [p.name for p in result.profiles if p.name != "Lezer"]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, ["Anna de Vries", "Bram Jansen", "Cato Bakker"]),
        ({"support_need": "communicatie"}, ["Anna de Vries", "Cato Bakker"]),
        ({"topic": "de-escalatie"}, ["Bram Jansen", "Cato Bakker"]),
        ({"cluster": 4}, ["Bram Jansen", "Cato Bakker"]),
        ({"school_type": "so"}, ["Anna de Vries", "Cato Bakker"]),
        ({"school_type": "vso"}, ["Bram Jansen", "Cato Bakker"]),
        ({"province": "GR"}, ["Bram Jansen"]),
        ({"availability": "questions"}, ["Anna de Vries", "Cato Bakker"]),
        ({"availability": "talk"}, ["Cato Bakker"]),
        ({"support_need": "communicatie", "cluster": 4}, ["Cato Bakker"]),
        ({"q": "gedragsspecialist"}, ["Bram Jansen"]),
        ({"q": "picto's"}, ["Anna de Vries"]),
        ({"q": "burcht"}, ["Anna de Vries", "Cato Bakker"]),  # the school's name
        ({"q": "groningen de-escalatie"}, ["Bram Jansen"]),  # every word must match
        ({"q": "communicatie", "province": "UT"}, ["Anna de Vries", "Cato Bakker"]),
        ({"q": "niemand-heet-zo"}, []),
    ],
)
def test_filters_and_text(experts, member, filters, expected):
    assert names(search_directory(member, filters)) == expected


def test_text_search_finds_someone_once_even_with_several_matches(experts, member):
    result = search_directory(member, {"q": "communicatie"})
    assert names(result) == ["Anna de Vries", "Cato Bakker"]


@pytest.mark.parametrize(
    "active",
    [
        {"cluster": 4},
        {"school_type": "so"},
        {"availability": "questions", "q": "a"},
        {"school_type": "vso", "availability": "visit"},
        # With a text, every count is asked in one statement.
        {"q": "a", "cluster": 4, "support_need": "gedragsregulatie"},
        {"q": "communicatie", "province": "UT", "topic": "de-escalatie"},
        {"q": "e", "school_type": "so"},
        {"q": "niemand-heet-zo"},
    ],
)
def test_facet_counts_match_the_results_they_lead_to(experts, member, active):
    result = search_directory(member, active)
    assert result.total == len(list(result.profiles))
    for dimension, values in result.facets.items():
        for value in values:
            if value.count == 0 and not value.selected:
                continue
            chosen = {
                **active,
                dimension: int(value.value) if dimension == "cluster" else value.value,
            }
            reached = [
                p
                for p in search_directory(member, chosen).profiles
                if p.name != "Lezer"
            ]
            assert value.count == len(reached), (dimension, value.value)


def test_facets_count_other_filters_but_not_their_own(experts, member):
    result = search_directory(member, {"support_need": "communicatie"})
    needs = {v.value: v for v in result.facets["support_need"]}
    # Choosing another support need would replace this one, so its count ignores it.
    assert needs["gedragsregulatie"].count == 2
    assert needs["communicatie"].count == 2 and needs["communicatie"].selected
    clusters = {v.value: v.count for v in result.facets["cluster"]}
    assert clusters == {"1": 0, "2": 1, "3": 1, "4": 1}


def test_closed_accounts_and_hidden_profiles_are_not_counted(experts, member):
    """Facets leave out by key whom the reader may not see; a closed account
    and a hidden profile count nowhere, with or without a text."""
    user = experts["bram"].user
    user.is_active = False
    user.save()
    for filters in ({}, {"q": "a"}):
        result = search_directory(member, filters)
        needs = {v.value: v.count for v in result.facets["support_need"]}
        assert needs == {**needs, "gedragsregulatie": 1, "communicatie": 2}, filters
        clusters = {v.value: v.count for v in result.facets["cluster"]}
        assert clusters["4"] == 1, filters
        topics = {v.value: v.count for v in result.facets["topic"]}
        assert topics["de-escalatie"] == 1, filters


def test_anonymous_visitors_get_public_profiles_and_counts_only(experts):
    from django.contrib.auth.models import AnonymousUser

    result = search_directory(AnonymousUser(), {})
    assert names(result) == ["Anna de Vries"]
    counts = {v.value: v.count for v in result.facets["support_need"]}
    assert counts["communicatie"] == 1
    assert counts["gedragsregulatie"] == 0


def test_sorting_by_recently_updated(experts, member):
    experts["anna"].job_title = "Logopedist"
    experts["anna"].save()
    result = search_directory(member, {"sort": "recent"})
    assert names(result)[0] == "Anna de Vries"


def test_directory_page_keeps_filters_in_a_shareable_url(client, experts, member):
    client.force_login(member)
    response = client.get("/deskundigen/?behoefte=communicatie&cluster=4")
    html = response.text
    # Communicatie within cluster 4 is Cato only; the count says so before choosing.
    assert '<option value="communicatie" selected>Communicatie (1)</option>' in html
    assert '<option value="4" selected>' in html
    assert "1 deskundige gevonden." in html
    assert "Cato Bakker" in html and "Anna de Vries" not in html


def test_bad_filter_values_are_ignored_not_fatal(client, experts):
    response = client.get("/deskundigen/?cluster=99&provincie=XX&sorteer=drop")
    assert response.status_code == 200
    assert "Anna de Vries" in response.text


@pytest.mark.parametrize("text", ["", "communicatie"])
def test_a_need_or_topic_that_no_longer_exists_finds_nobody_and_fails_nothing(
    client, experts, member, text
):
    """A shared link can name a support need or topic that was renamed since:
    nobody has it, with or without words, and the page still answers."""
    client.force_login(member)
    for name in ("behoefte", "onderwerp"):
        response = client.get("/deskundigen/", {"q": text, name: "hernoemd"})
        assert response.status_code == 200
        assert "Niemand voldoet aan alles." in response.text
        assert "Anna de Vries" not in response.text


def test_directory_query_count_is_constant(
    client, experts, member, make_person, school_a, django_assert_max_num_queries
):
    client.force_login(member)
    client.get("/deskundigen/")
    with django_assert_max_num_queries(40) as few:
        response = client.get("/deskundigen/?behoefte=communicatie")
    assert response.status_code == 200
    assert "Anna de Vries" in response.text
    queries_for_one = len(few.captured_queries)
    for number in range(15):
        make_person(
            f"Extra {number}",
            school=school_a,
            needs=["communicatie"],
            topics=[f"t{number}"],
        )
    # New accounts empty what is cached per user (who may use the admin).
    client.get("/deskundigen/?behoefte=communicatie")
    with django_assert_max_num_queries(queries_for_one):
        response = client.get("/deskundigen/?behoefte=communicatie")
    assert response.status_code == 200
    assert "Extra 14" in response.text


def test_bio_markdown_is_rendered_and_cleaned(client, make_person, school_a):
    profile = make_person(
        "Eva Veilig",
        school=school_a,
        visibility=Visibility.PUBLIC,
        bio="**Sterk** in OC.\n\n<script>alert(1)</script> [klik](javascript:alert(1))",
    )
    html = client.get(profile.get_absolute_url()).text
    assert "<strong>Sterk</strong>" in html
    assert "<script>alert(1)</script>" not in html
    assert "javascript:" not in html


def test_cached_counts_follow_every_change(
    client, experts, member, make_person, school_b
):
    """Facet counts and the total are cached, but a new profile, a changed
    visibility or a new support need shows at once, in both."""
    client.force_login(member)
    count = '<option value="communicatie">Communicatie ({})</option>'
    chosen = "/deskundigen/?behoefte=communicatie"

    def total(url):
        found = re.search(r"(\d+) deskundigen? gevonden", client.get(url).text)
        return int(found.group(1))

    assert count.format(2) in client.get("/deskundigen/").text
    assert total(chosen) == 2
    make_person("Nieuwe Collega", school=school_b, needs=["communicatie"])
    assert count.format(3) in client.get("/deskundigen/").text
    assert total(chosen) == 3
    experts["anna"].visibility = Visibility.HIDDEN
    experts["anna"].save()
    assert count.format(2) in client.get("/deskundigen/").text
    assert total(chosen) == 2
    experts["bram"].support_needs.add(
        *experts["anna"].support_needs.filter(slug="communicatie")
    )
    assert count.format(3) in client.get("/deskundigen/").text
    assert total(chosen) == 3
