"""The permission matrix: who sees which profile, in every place it can appear."""

from http import HTTPStatus

import pytest
from django.contrib.auth.models import AnonymousUser

from network.models import Visibility
from network.permissions import can_view_profile, is_member

VIEWERS = ["anonymous", "member_other_school", "same_school", "editor", "outsider"]
# viewer -> which visibilities appear for them on the site
EXPECTED = {
    "anonymous": {Visibility.PUBLIC},
    "outsider": {Visibility.PUBLIC},  # signed in, but at no member school
    "member_other_school": {Visibility.PUBLIC, Visibility.MEMBERS},
    "same_school": {Visibility.PUBLIC, Visibility.MEMBERS},
    "editor": {Visibility.PUBLIC, Visibility.MEMBERS},
}


@pytest.fixture
def people(
    make_person, school_a, school_b, make_school, other_board, django_user_model
):
    non_member_school = make_school("Niet Lid", "56EF", board=other_board)
    profiles = {
        visibility: make_person(
            f"Expert {visibility}", school=school_a, visibility=visibility
        )
        for visibility in Visibility.values
    }
    viewers = {
        "anonymous": AnonymousUser(),
        "member_other_school": make_person("Collega Groningen", school=school_b).user,
        "same_school": make_person("Collega Utrecht", school=school_a).user,
        "editor": django_user_model.objects.create_user(
            username="redactie", email="redactie@example.org", is_staff=True
        ),
        "outsider": make_person("Buitenstaander", school=non_member_school).user,
    }
    return profiles, viewers


@pytest.mark.django_db
@pytest.mark.parametrize("viewer", VIEWERS)
def test_predicate_matrix(people, viewer):
    profiles, viewers = people
    seen = {
        v
        for v, profile in profiles.items()
        if can_view_profile(viewers[viewer], profile)
    }
    assert seen == EXPECTED[viewer]


@pytest.mark.django_db
@pytest.mark.parametrize("viewer", VIEWERS)
def test_directory_school_and_profile_pages_follow_the_matrix(client, people, viewer):
    profiles, viewers = people
    if viewer != "anonymous":
        client.force_login(viewers[viewer])
    directory = client.get("/deskundigen/").text
    school_page = client.get("/scholen/12AB/").text
    for visibility, profile in profiles.items():
        expected = visibility in EXPECTED[viewer]
        assert (profile.name in directory) is expected, (viewer, visibility)
        assert (profile.name in school_page) is expected, (viewer, visibility)
        status = client.get(profile.get_absolute_url()).status_code
        assert status == (HTTPStatus.OK if expected else HTTPStatus.NOT_FOUND)


@pytest.mark.django_db
def test_owner_sees_own_hidden_profile_with_a_notice(client, make_person, school_a):
    profile = make_person(
        "Verborgen Expert", school=school_a, visibility=Visibility.HIDDEN
    )
    client.force_login(profile.user)
    response = client.get(profile.get_absolute_url())
    assert response.status_code == HTTPStatus.OK
    assert "Dit is uw profiel" in response.text


@pytest.mark.django_db
def test_deactivated_people_disappear_everywhere(client, make_person, school_a):
    profile = make_person(
        "Oud-collega", school=school_a, visibility=Visibility.PUBLIC, active=False
    )
    assert client.get(profile.get_absolute_url()).status_code == HTTPStatus.NOT_FOUND
    assert "Oud-collega" not in client.get("/deskundigen/").text


@pytest.mark.django_db
def test_no_email_address_on_any_page_a_non_owner_sees(client, people):
    profiles, viewers = people
    client.force_login(viewers["member_other_school"])
    pages = ["/deskundigen/", "/scholen/", "/scholen/12AB/"]
    pages += [p.get_absolute_url() for p in profiles.values()]
    for url in pages:
        html = client.get(url).text
        assert "@example.org" not in html, url


@pytest.mark.django_db
def test_membership_comes_from_the_board(people):
    _, viewers = people
    assert is_member(viewers["same_school"])
    assert not is_member(viewers["outsider"])
    assert not is_member(AnonymousUser())


@pytest.mark.django_db
@pytest.mark.parametrize("viewer", VIEWERS)
def test_the_profiles_hidden_from_a_viewer_are_exactly_those_not_visible(
    people, viewer, make_person, school_a
):
    """The site search excludes profiles_hidden_from(user) where the directory
    lists Profile.objects.visible_to(user): the two must split all profiles,
    closed accounts included, the same way for every kind of viewer."""
    from network.models import Profile
    from network.permissions import (
        profiles_hidden_from,
        profiles_of_closed_accounts,
        profiles_seen_by_visibility,
    )

    closed = make_person("Gesloten Account", school=school_a, visibility="public")
    closed.user.is_active = False
    closed.user.save()
    _profiles, viewers = people
    user = viewers[viewer]
    visible = set(Profile.objects.visible_to(user).values_list("pk", flat=True))
    hidden = set()
    for keys in profiles_hidden_from(user):
        hidden |= {row["pk"] for row in keys}
    everyone = set(Profile.objects.values_list("pk", flat=True))
    assert visible | hidden == everyone and not visible & hidden
    assert closed.pk in hidden

    # The other way the search asks it (for visitors): the profiles of a
    # visibility for them, but those of closed accounts.
    seen = {row["pk"] for row in profiles_seen_by_visibility(user)}
    closed_keys = {row["pk"] for row in profiles_of_closed_accounts()}
    assert seen - closed_keys == visible
    assert closed.pk in closed_keys
