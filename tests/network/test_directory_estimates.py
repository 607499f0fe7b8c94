"""A text search that matches very many people on a large network counts them
in a sample (network.directory_text_counts): its numbers say they are
estimates, its list is still complete and paged to the end, and a rare word
is still counted exactly. Sampling needs PostgreSQL's TABLESAMPLE; the tests
make the network "large" by making the sample cover all of it, so the
estimates are known."""

import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection

from network import directory_text_counts
from network.directory import search_directory
from network.models import Profile, Visibility
from network.pagination import LookingAhead

pytestmark = pytest.mark.django_db
postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite cannot take a sample"
)


def select(html: str, param: str) -> str:
    return html.split(f'id="facet-{param}"')[1].split("</select>")[0]


@pytest.mark.parametrize(
    "count, scale, shown",
    [(0, 10, 0), (1, 10, 10), (3, 10, 30), (44, 10, 440), (4387, 1, 4400),
     (91_234, 1, 91_000), (4, 1, 10), (12, 1, 10), (15, 1, 20), (25, 1, 30),
     (95, 1, 100), (150, 1, 150), (155, 1, 160), (999, 1, 1000)],
)  # fmt: skip
def test_an_estimate_says_no_more_than_a_sample_can(count, scale, shown):
    assert directory_text_counts.estimate(count, scale) == shown


@pytest.fixture
def many(make_person, school_a):
    """25 public experts in communication, 3 of them in cluster 4."""
    people = []
    for number in range(25):
        people.append(
            make_person(
                f"Expert {number:02d}",
                school=school_a,
                needs=["communicatie"],
                clusters=[4] if number < 3 else [2],
                visibility=Visibility.PUBLIC,
                bio="Werkt met gebaren en picto's.",
            )
        )
    return people


@pytest.fixture
def whole_network_sampled(monkeypatch):
    monkeypatch.setattr(directory_text_counts, "sample_percent", lambda _a: 100.0)
    monkeypatch.setattr(directory_text_counts, "ENOUGH", 1)


def test_a_list_paged_without_a_total_links_one_page_on_and_none_past_the_end(many):
    rows = Profile.objects.filter(name__startswith="Expert").order_by("name")
    names = [p.name for p in rows]
    first = LookingAhead(rows, 1, 20)
    assert first.count() == 21 and [p.name for p in first[0:20]] == names[:20]
    last = LookingAhead(rows, 2, 20)
    assert last.count() == 25 and [p.name for p in last[20:40]] == names[20:]
    past = LookingAhead(rows, 9, 20)
    assert past.count() == 25  # counted, once, to find the last page
    assert [p.name for p in past[20:40]] == names[20:]
    assert LookingAhead(rows, None, 20).start == 0
    huge = LookingAhead(rows, 10**30, 20)  # kept to an offset a database holds
    assert huge.count() == 25 and [p.name for p in huge[20:40]] == names[20:]


@postgresql_only
def test_a_common_word_is_counted_in_a_sample_and_says_so(
    client, many, whole_network_sampled
):
    result = search_directory(AnonymousUser(), {"q": "gebaren"})
    assert result.approximate and result.total == 30  # 25, as a sample says it
    clusters = {v.value: v for v in result.facets["cluster"]}
    assert clusters["4"].approximate and clusters["4"].count == 10  # 3
    assert clusters["2"].count == 20  # 22
    assert clusters["1"].count == 0

    html = client.get("/deskundigen/", {"q": "gebaren"}).text
    assert "Ongeveer 30 deskundigen gevonden." in html
    assert "de aantallen geschat; de lijst zelf is volledig" in html
    options = dict(
        re.findall(r'<option value="(\d)">([^<]*)</option>', select(html, "cluster"))
    )
    assert options["4"].endswith(" (ca. 10)") and options["2"].endswith(" (ca. 20)")
    # A value the sample found none of shows no number: none found is not none.
    assert not options["1"].endswith(")")


@postgresql_only
def test_an_estimated_list_is_complete_and_paged_to_its_end(
    client, many, whole_network_sampled
):
    first = client.get("/deskundigen/", {"q": "gebaren"})
    names = [p.name for p in first.context["profiles"].object_list]
    assert names == [f"Expert {n:02d}" for n in range(20)]
    assert 'rel="next"' in first.text

    second = client.get("/deskundigen/", {"q": "gebaren", "page": 2})
    names = [p.name for p in second.context["profiles"].object_list]
    assert names == [f"Expert {n:02d}" for n in range(20, 25)]
    assert 'rel="next"' not in second.text

    for number in ("7", "9" * 30, "²", "-3", "abc"):
        past = client.get("/deskundigen/", {"q": "gebaren", "page": number})
        assert past.status_code == 200
        # Past the end, or below 1, the paginator shows the last page.
        shown = 2 if number in ("7", "9" * 30, "-3") else 1
        assert past.context["profiles"].number == shown, number


@postgresql_only
def test_a_rare_word_is_counted_exactly_on_a_large_network(
    client, many, whole_network_sampled, monkeypatch
):
    monkeypatch.setattr(directory_text_counts, "ENOUGH", 26)
    result = search_directory(AnonymousUser(), {"q": "gebaren", "cluster": 4})
    assert not result.approximate and result.total == 3
    html = client.get("/deskundigen/", {"q": "gebaren"}).text
    assert "25 deskundigen gevonden." in html and "Ongeveer" not in html


def test_the_network_is_sampled_only_when_larger_than_a_sample(many, monkeypatch):
    assert directory_text_counts.sample_percent("public") is None
    monkeypatch.setattr(directory_text_counts, "SAMPLE_SIZE", 5)
    percent = directory_text_counts.sample_percent("public")
    if connection.vendor == "postgresql":
        assert percent == 20.0  # 5 of the 25 public profiles
    else:
        assert percent is None
