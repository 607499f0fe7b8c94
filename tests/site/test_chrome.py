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
def test_an_emptied_cache_is_never_answered_from_a_process_memory(client, news_index):
    """A process keeps the chrome by version; emptying the shared cache starts
    a new version, so a change made behind the signals' back (a bulk update)
    shows once the cache is emptied, as it did when only the cache held it."""
    from django.core.cache import cache

    cache.clear()  # no version yet, as on a fresh cache
    assert "Nieuws" in _menu(client)
    type(news_index).objects.filter(pk=news_index.pk).update(title="Actueel")
    assert "Nieuws" in _menu(client)  # kept, as the signals were not told
    cache.clear()
    assert "Actueel" in _menu(client)


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


USERBAR = "data-wagtail-userbar"


@pytest.mark.django_db
def test_the_user_bar_is_for_editors_and_costs_others_no_query(
    client, news_index, django_user_model, django_assert_max_num_queries
):
    from django.contrib.auth.models import Group

    person = django_user_model.objects.create_user(
        username="lid", email="lid@lecso.nl", password=None
    )
    client.force_login(person)
    assert USERBAR not in client.get(news_index.url).text
    with django_assert_max_num_queries(30) as remembered:
        client.get(news_index.url)
    asked = [
        q["sql"] for q in remembered.captured_queries if "auth_permission" in q["sql"]
    ]
    assert asked == []

    # Made an editor: the user bar is on the next page, not once the cache expires.
    person.groups.add(Group.objects.get(name="Editors"))
    assert USERBAR in client.get(news_index.url).text
    person.groups.clear()
    assert USERBAR not in client.get(news_index.url).text


def _footer(client, path="/deskundigen/") -> str:
    html = client.get(path).text
    return html[html.index('<footer class="site-footer">') : html.index("</footer>")]


@pytest.mark.django_db
def test_the_footer_follows_language_sign_in_and_the_news_feed(
    client, news_index, django_user_model
):
    """The footer is rendered once and kept in memory; whatever differs
    between footers still shows on the next page."""
    assert "Nieuwsfeed (RSS)" in _footer(client)
    assert "/meldingen/" not in _footer(client)
    assert "News feed (RSS)" in _footer(client, "/en/deskundigen/")

    client.force_login(django_user_model.objects.create_user(username="lezer"))
    assert "/meldingen/" in _footer(client)
    client.logout()

    news_index.unpublish()
    assert "Nieuwsfeed" not in _footer(client)
    # The same addresses in both languages now: the language still tells.
    assert "Het netwerk" in _footer(client)
    assert "The network" in _footer(client, "/en/deskundigen/")
    news_index.save_revision().publish()
    assert "Nieuwsfeed (RSS)" in _footer(client)
