"""Support offers as a kind of search result: published ones only, found by
their words, their support needs' names and abbreviations, and their school."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils.html import strip_tags

from search import engine
from search.sources import Filters
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def offers():
    school = factories.make_school("Het Anker", "15GH", city="Nijmegen", province="GE")
    tos = factories.make_offer(
        "Ambulante begeleiding in groep 1-2",
        school=school,
        kind="ambulant",
        needs=["taal-en-spraak"],
        provinces="GE",
        school_type="so",
    )
    draft = factories.make_offer(
        "Leskisten geheimzinnig", school=school, provinces="GE", published=False
    )
    return tos, draft


def _offers(user, query, **filters) -> list[str]:
    outcome = engine.search(user, query, Filters(**filters), kind="aanbod")
    return [strip_tags(result.title) for result in outcome.page.object_list]


@pytest.mark.parametrize(
    "query", ["ambulante begeleiding", "taal en spraak", "TOS", "Nijmegen", "groep"]
)
def test_a_published_offer_is_found_by_its_words_needs_and_school(offers, query):
    assert _offers(AnonymousUser(), query) == ["Ambulante begeleiding in groep 1-2"]


def test_needs_added_after_saving_reach_the_index(offers):
    tos, _draft = offers
    tos.support_needs.add(*factories.SupportNeed.objects.filter(slug="motoriek"))
    assert _offers(AnonymousUser(), "motoriek") == [tos.title]


def test_a_draft_is_never_a_search_result(offers, django_user_model):
    _tos, draft = offers
    coordinator = factories.make_person(
        "Coördinator", school=draft.school, coordinator=True
    )
    for user in (AnonymousUser(), coordinator.user):
        assert _offers(user, "geheimzinnig") == []
        everything = engine.search(user, "geheimzinnig", Filters())
        assert not [r for r in everything.page.object_list if r.kind == "aanbod"]


def test_filters_apply_to_offers(offers):
    assert _offers(AnonymousUser(), "ambulante", school_type="so")
    assert _offers(AnonymousUser(), "ambulante", school_type="vso") == []
    assert _offers(AnonymousUser(), "ambulante", support_need="taal-en-spraak")
    assert _offers(AnonymousUser(), "ambulante", support_need="zien") == []
