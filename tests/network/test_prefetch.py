"""The names beside a page of profiles, read in one hand-written query
(network.prefetch): each list in its own order, each profile's names only."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from network.models import Affiliation
from network.prefetch import names_beside
from tests import factories


@pytest.mark.django_db
def test_each_profile_gets_its_own_names_in_each_lists_order(
    make_school, school_a, school_b
):
    third = make_school("De Vlinder", "56EF")
    anna = factories.make_person(
        "Anna",
        school=school_b,
        # Chosen out of the needs' own order, which the list keeps.
        needs=("zelfredzaamheid", "communicatie", "zien"),
        topics=("zorgplicht", "autisme"),
    )
    Affiliation.objects.create(profile=anna, school=school_a)
    Affiliation.objects.create(profile=anna, school=third)
    bram = factories.make_person("Bram", school=third, needs=("horen",))
    nobody = factories.make_person("Cor")

    with CaptureQueriesContext(connection) as queries:
        schools, needs, topics = names_beside([anna.pk, bram.pk, nobody.pk])

    assert len(queries) == 1
    # Schools in the order the person joined them, not by name.
    assert schools == {
        anna.pk: ["Het Baken", "De Burcht", "De Vlinder"],
        bram.pk: ["De Vlinder"],
    }
    assert needs == {
        anna.pk: ["Communicatie", "Zien", "Zelfredzaamheid"],
        bram.pk: ["Horen"],
    }
    assert topics == {anna.pk: ["autisme", "zorgplicht"]}


@pytest.mark.django_db
def test_without_topics_and_without_profiles(school_a):
    anna = factories.make_person("Anna", school=school_a, topics=("autisme",))

    schools, needs, topics = names_beside([anna.pk], topics=False)
    assert (schools, needs, topics) == ({anna.pk: ["De Burcht"]}, {}, {})

    with CaptureQueriesContext(connection) as queries:
        assert names_beside([]) == ({}, {}, {})
    assert len(queries) == 0
