"""Support offers for mainstream schools: the catalogue at /aanbod/, an
offer's page, the school's page, and who sees a draft."""

import re
from http import HTTPStatus

import pytest
from django.core.exceptions import ValidationError

from network.models import SupportOffer, Visibility
from network.offers import URL_WORDS, OfferFilterForm, search_offers
from tests.factories import make_offer

pytestmark = pytest.mark.django_db


@pytest.fixture
def offers(school_a, school_b):
    return {
        "advies": make_offer(
            "Advies bij gedrag in de klas",
            school=school_a,
            kind="consultatie",
            needs=["gedragsregulatie"],
            clusters=[4],
            provinces="UT,NH",
            online=True,
        ),
        "ambulant": make_offer(
            "Ambulante begeleiding TOS",
            school=school_b,
            kind="ambulant",
            needs=["taal-en-spraak"],
            clusters=[2],
            provinces="GR",
            school_type="so",
        ),
        "training": make_offer(
            "Training prikkelverwerking",
            school=school_a,
            kind="scholing",
            needs=["prikkelverwerking"],
            provinces="UT",
            school_type="vso",
            at_your_school=False,
            at_our_school=True,
        ),
        "draft": make_offer(
            "Concept: leskisten lenen",
            school=school_a,
            kind="materialen",
            provinces="UT",
            published=False,
        ),
    }


ALL = [
    "Advies bij gedrag in de klas",
    "Ambulante begeleiding TOS",
    "Training prikkelverwerking",
]


def titles(response) -> list[str]:
    return re.findall(r'class="card__title"><a href="[^"]+">([^<]+)</a>', response.text)


def test_the_catalogue_lists_published_offers_only(client, offers):
    response = client.get("/aanbod/")
    assert response.status_code == HTTPStatus.OK
    assert titles(response) == ALL
    assert "leskisten" not in response.text


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("soort=ambulant", ["Ambulante begeleiding TOS"]),
        ("behoefte=taal-en-spraak", ["Ambulante begeleiding TOS"]),
        ("cluster=4", ["Advies bij gedrag in de klas"]),
        ("provincie=NH", ["Advies bij gedrag in de klas"]),
        ("provincie=UT&vorm=bij-ons", ["Training prikkelverwerking"]),
        # An offer that names neither SO nor VSO serves both.
        ("voor=so", ["Advies bij gedrag in de klas", "Ambulante begeleiding TOS"]),
        ("q=groningen", ["Ambulante begeleiding TOS"]),  # the school's place
        ("q=spraak", ["Ambulante begeleiding TOS"]),  # the support need's name
        ("q=gedrag+klas", ["Advies bij gedrag in de klas"]),
        ("q=bestaatniet", []),
        # Values not on offer came from a URL: dropped, not an error.
        ("cluster=9&provincie=XX", ALL),
    ],
)
def test_filters_and_text_narrow_the_catalogue(client, offers, query, expected):
    assert titles(client.get(f"/aanbod/?{query}")) == expected


def test_every_facet_count_is_the_number_of_offers_its_choice_gives(client, offers):
    """Each count, followed as a link with the other filters kept, lists
    exactly that many offers."""
    for active in ({}, {"provincie": "UT"}, {"q": "training"}):
        result = search_offers(OfferFilterForm(active).filters())
        for name, values in result.facets.items():
            for value in values:
                params = {**active, URL_WORDS[name]: value.value}
                response = client.get("/aanbod/", params)
                assert len(titles(response)) == value.count, (active, name, value)


def test_a_draft_is_seen_only_by_its_schools_coordinators_and_editors(
    client, offers, make_person, school_a, school_b, admin_user
):
    draft = offers["draft"]
    assert client.get(draft.get_absolute_url()).status_code == HTTPStatus.NOT_FOUND

    colleague = make_person("Collega", school=school_a)
    client.force_login(colleague.user)
    assert client.get(draft.get_absolute_url()).status_code == HTTPStatus.NOT_FOUND

    elsewhere = make_person("Coördinator elders", school=school_b)
    elsewhere.affiliations.update(is_coordinator=True)
    client.force_login(elsewhere.user)
    assert client.get(draft.get_absolute_url()).status_code == HTTPStatus.NOT_FOUND

    coordinator = make_person("Coördinator", school=school_a)
    coordinator.affiliations.update(is_coordinator=True)
    client.force_login(coordinator.user)
    response = client.get(draft.get_absolute_url())
    assert response.status_code == HTTPStatus.OK and "is een concept" in response.text
    assert "leskisten" not in client.get("/aanbod/").text

    client.force_login(admin_user)
    assert client.get(draft.get_absolute_url()).status_code == HTTPStatus.OK


def test_an_offers_page_names_a_contact_only_to_those_who_may_see_them(
    client, offers, make_person, school_a
):
    offer = offers["advies"]
    contact = make_person(
        "Ineke Ambulant", school=school_a, visibility=Visibility.MEMBERS
    )
    offer.contact = contact
    offer.save()

    visitor = client.get(offer.get_absolute_url())
    assert visitor.status_code == HTTPStatus.OK
    assert "Ineke Ambulant" not in visitor.text
    assert f"/aanbod/{offer.pk}-{offer.slug}/vragen/" in visitor.text
    assert contact.user.email not in visitor.text

    client.force_login(make_person("Lid", school=school_a).user)
    member = client.get(offer.get_absolute_url())
    assert "Ineke Ambulant" in member.text and contact.user.email not in member.text


def test_an_old_address_leads_to_the_offer(client, offers):
    offer = offers["advies"]
    response = client.get(f"/aanbod/{offer.pk}-oude-titel/")
    assert response.status_code == HTTPStatus.MOVED_PERMANENTLY
    assert response["Location"] == offer.get_absolute_url()


def test_the_schools_page_shows_its_published_offers(client, offers, school_a):
    response = client.get(school_a.get_absolute_url())
    assert "Advies bij gedrag in de klas" in response.text
    assert "Training prikkelverwerking" in response.text
    assert "leskisten" not in response.text
    assert "Ambulante begeleiding TOS" not in response.text


def test_an_offer_needs_a_place_and_a_contact_who_works_at_the_school(
    school_a, school_b, make_person
):
    offer = make_offer("Observatie", school=school_a)
    offer.at_your_school = False
    with pytest.raises(ValidationError, match="waar de ondersteuning plaatsvindt"):
        offer.full_clean()
    offer.online = True
    offer.contact = make_person("Elders", school=school_b)
    with pytest.raises(ValidationError) as error:
        offer.full_clean()
    assert "contact" in error.value.message_dict


def test_editors_publish_offers_in_the_admin(admin_client, school_a, make_person):
    contact = make_person("Ineke", school=school_a)
    response = admin_client.post(
        "/admin/snippets/network/supportoffer/add/",
        {
            "school": school_a.pk,
            "title": "Meekijken in de klas",
            "kind": "observatie",
            "description": "Een ambulant begeleider kijkt een ochtend mee.",
            "provinces": ["UT", "GE"],
            "alliances": "SWV Utrecht",
            "at_your_school": "on",
            "cost": "arrangement",
            "contact": contact.pk,
            "is_published": "on",
        },
    )
    assert response.status_code == HTTPStatus.FOUND, response.context["form"].errors
    offer = SupportOffer.objects.get(title="Meekijken in de klas")
    assert offer.provinces == "GE,UT"
    assert offer.province_names() == ["Gelderland", "Utrecht"]
    edit = admin_client.get(f"/admin/snippets/network/supportoffer/edit/{offer.pk}/")
    assert re.search(r'value="GE"[^>]*checked', edit.text)


@pytest.fixture
def coordinator(make_person, school_a):
    person = make_person("Carla Coördinator", school=school_a, coordinator=True)
    person.affiliations.update(is_coordinator=True)
    return person


GOOD_FORM = {
    "title": "Meekijken bij gedrag",
    "kind": "observatie",
    "description": "Een gedragsspecialist kijkt een ochtend mee in de klas.",
    "provinces": ["UT"],
    "at_your_school": "on",
    "cost": "gratis",
}


def test_a_coordinator_publishes_an_offer_on_the_site(client, coordinator, school_a):
    client.force_login(coordinator.user)
    assert client.get("/account/aanbod/").status_code == HTTPStatus.OK
    response = client.post(
        "/account/aanbod/nieuw/",
        {**GOOD_FORM, "school": school_a.pk, "contact": coordinator.pk},
    )
    offer = SupportOffer.objects.get(title="Meekijken bij gedrag")
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == offer.get_absolute_url()
    assert not offer.is_published and offer.contact == coordinator
    assert "Meekijken bij gedrag" in client.get("/account/aanbod/").text
    assert "Meekijken bij gedrag" not in client.get("/aanbod/").text

    client.post(
        f"/account/aanbod/{offer.pk}/",
        {**GOOD_FORM, "school": school_a.pk, "is_published": "on"},
    )
    client.logout()
    assert "Meekijken bij gedrag" in client.get("/aanbod/").text


def test_a_bad_offer_form_says_what_is_wrong_and_keeps_what_was_typed(
    client, coordinator, school_a
):
    client.force_login(coordinator.user)
    data = {**GOOD_FORM, "school": school_a.pk, "provinces": [], "at_your_school": ""}
    response = client.post("/account/aanbod/nieuw/", data)
    assert response.status_code == HTTPStatus.OK
    form = response.context["form"]
    assert "provinces" in form.errors
    assert "waar de ondersteuning plaatsvindt" in response.text
    assert "Een gedragsspecialist kijkt een ochtend mee" in response.text
    assert not SupportOffer.objects.exists()


def test_the_contact_must_be_someone_at_the_school(
    client, coordinator, school_a, school_b, make_person
):
    elsewhere = make_person("Elders", school=school_b)
    client.force_login(coordinator.user)
    response = client.post(
        "/account/aanbod/nieuw/",
        {**GOOD_FORM, "school": school_a.pk, "contact": elsewhere.pk},
    )
    assert "contact" in response.context["form"].errors
    assert not SupportOffer.objects.exists()


def test_only_coordinators_manage_offers_and_only_their_schools(
    client, offers, make_person, school_a, school_b
):
    colleague = make_person("Collega", school=school_a)
    client.force_login(colleague.user)
    assert client.get("/account/aanbod/").status_code == HTTPStatus.FORBIDDEN
    assert client.get("/account/aanbod/nieuw/").status_code == HTTPStatus.FORBIDDEN

    other = make_person("Coördinator elders", school=school_b, coordinator=True)
    client.force_login(other.user)
    mine = offers["ambulant"]
    theirs = offers["advies"]
    assert client.get(f"/account/aanbod/{mine.pk}/").status_code == HTTPStatus.OK
    for url in (
        f"/account/aanbod/{theirs.pk}/",
        f"/account/aanbod/{theirs.pk}/verwijderen/",
    ):
        assert client.get(url).status_code == HTTPStatus.NOT_FOUND
    # Posting another school as the offer's school is refused as a choice.
    response = client.post(
        f"/account/aanbod/{mine.pk}/", {**GOOD_FORM, "school": school_a.pk}
    )
    assert "school" in response.context["form"].errors
    assert SupportOffer.objects.get(pk=mine.pk).school == school_b


def test_a_coordinator_deletes_an_offer_after_confirming(client, offers, coordinator):
    offer = offers["draft"]
    client.force_login(coordinator.user)
    url = f"/account/aanbod/{offer.pk}/verwijderen/"
    assert client.get(url).status_code == HTTPStatus.OK
    assert SupportOffer.objects.filter(pk=offer.pk).exists()
    response = client.post(url)
    assert response["Location"] == "/account/aanbod/"
    assert not SupportOffer.objects.filter(pk=offer.pk).exists()
