"""The header's page tree (home, menu sections, news feed) comes from the cache
and follows every change to what everyone may see in it."""

import pytest
from wagtail.models import PageViewRestriction

from lecso_site.models import StandardPage
from tests.conftest import publish


def _menu(client) -> str:
    html = client.get("/deskundigen/").text
    return html[
        html.index('class="main-menu"') : html.index(
            "</nav>", html.index('class="main-menu"')
        )
    ]


@pytest.mark.django_db
def test_the_menu_costs_no_query_once_cached(
    client, news_index, django_assert_max_num_queries
):
    client.get("/deskundigen/")
    with django_assert_max_num_queries(50) as first:
        client.get("/deskundigen/")
    from django.core.cache import cache

    cache.clear()
    with django_assert_max_num_queries(60) as cold:
        client.get("/deskundigen/")
    assert len(cold) - len(first) >= 3


@pytest.mark.django_db
def test_a_published_section_enters_the_menu_at_once(client, home, news_index):
    assert "Nieuws" in _menu(client)
    assert "Over ons" not in _menu(client)
    about = publish(
        home, StandardPage(title="Over ons", slug="over-ons", show_in_menus=True)
    )
    assert "Over ons" in _menu(client)
    about.unpublish()
    assert "Over ons" not in _menu(client)


@pytest.mark.django_db
def test_a_restricted_section_leaves_the_menu_at_once(client, home, news_index):
    assert "Nieuws" in _menu(client)
    PageViewRestriction.objects.create(
        page=news_index, restriction_type=PageViewRestriction.LOGIN
    )
    assert "Nieuws" not in _menu(client)


@pytest.mark.django_db
def test_a_renamed_section_is_renamed_in_the_menu(client, news_index):
    news_index.title = "Actueel"
    news_index.save_revision().publish()
    assert "Actueel" in _menu(client)
