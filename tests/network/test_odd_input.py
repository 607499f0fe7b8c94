"""The profile form refuses what its fields cannot hold at the field, with the
rest of the form kept: too many or too long topics (PostgreSQL refuses a topic
over the column's 100 characters), a choice that cannot be a database id."""

from http import HTTPStatus

import pytest

from network.models import Topic

ODD_IDS = ["9" * 40, "-1", "bestaat-niet", "1\x00"]


def _post_profile(client, **fields):
    return client.post(
        "/account/profiel/",
        {
            "name": "Eva de Wit",
            "job_title": "Logopedist",
            "visibility": "members",
            **fields,
        },
    )


@pytest.fixture
def eva(client, make_person, school_a):
    person = make_person("Eva", school=school_a)
    client.force_login(person.user)
    return person


@pytest.mark.parametrize("value", ODD_IDS)
@pytest.mark.parametrize("field", ["support_needs", "clusters"])
def test_a_choice_that_is_no_id_is_refused_at_the_field(client, eva, field, value):
    response = _post_profile(client, **{field: [value]})
    assert response.status_code == HTTPStatus.OK
    assert 'aria-invalid="true"' in response.text
    assert 'value="Logopedist"' in response.text


@pytest.mark.parametrize(
    "topics",
    ["a" * 101, ", ".join(f"onderwerp {n}" for n in range(30)), "x" * 2000],
    ids=["a topic too long", "too many topics", "too long altogether"],
)
def test_topics_that_do_not_fit_are_refused_at_the_field(client, eva, topics):
    response = _post_profile(client, topics=topics)
    assert response.status_code == HTTPStatus.OK
    assert 'aria-invalid="true"' in response.text
    assert 'value="Logopedist"' in response.text
    assert not Topic.objects.exists()


def test_topics_within_the_limits_are_saved(client, eva):
    topics = ", ".join(["a" * 100, *(f"onderwerp {n}" for n in range(19))])
    response = _post_profile(client, topics=topics)
    assert response.status_code == HTTPStatus.FOUND
    assert eva.topics.count() == 20
