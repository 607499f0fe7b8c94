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


def test_three_long_texts_are_refused_at_their_fields_and_kept(
    client, make_person, school_a
):
    """Three 1 MB fields (over Django's old 2.5 MB limit for a whole post)
    reach the form, which names each field that is too long and shows back
    everything typed."""
    from network.models import ContactRequest, Visibility
    from tests.bad_values import ONE_MB

    expert = make_person(
        "Anna Expert", school=school_a, visibility=Visibility.PUBLIC, questions=True
    )
    long_subject, long_message, long_name = "s" * ONE_MB, "m" * ONE_MB, "n" * ONE_MB
    response = client.post(
        f"/deskundigen/{expert.slug}/vraag/",
        {
            "name": long_name,
            "email": "vrager@elders.nl",
            "organisation": "De Regenboog",
            "subject": long_subject,
            "message": long_message,
        },
    )
    assert response.status_code == HTTPStatus.OK
    html = response.text
    assert html.count('aria-invalid="true"') == 3
    assert "niet meer dan 150 tekens" in html and "niet meer dan 4000 tekens" in html
    for typed in (long_subject, long_message, long_name, "De Regenboog"):
        assert typed in html
    assert not ContactRequest.objects.exists()
