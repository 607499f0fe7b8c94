"""Every page type renders in Dutch and English with the accessible base layout."""

import re
from http import HTTPStatus

import pytest

PAGE_URLS = {
    "home": "/",
    "news index": "/nieuws/",
    "news item": "/nieuws/handreiking-ondersteuningsbehoefte/",
    "knowledge base": "/kennisbank/",
    "knowledge article": "/kennisbank/ondersteunde-communicatie/",
    "standard page": "/over-ons/",
}


@pytest.mark.django_db
@pytest.mark.parametrize("name", PAGE_URLS)
def test_page_types_render_in_dutch(client, editorial_site, name):
    response = client.get(PAGE_URLS[name])
    assert response.status_code == HTTPStatus.OK
    html = response.text
    assert '<html lang="nl">' in html
    assert '<a class="skip-link" href="#main-content">Direct naar de inhoud</a>' in html
    assert '<main id="main-content"' in html
    assert html.count("<h1") == 1, "one page title per page"
    assert 'aria-label="Hoofdmenu"' in html
    assert "<footer" in html


@pytest.mark.django_db
@pytest.mark.parametrize("name", PAGE_URLS)
def test_page_types_render_in_english_under_en(client, editorial_site, name):
    response = client.get("/en" + PAGE_URLS[name])
    assert response.status_code == HTTPStatus.OK
    assert '<html lang="en">' in response.text
    assert "Skip to main content" in response.text
    assert 'aria-label="Main menu"' in response.text
    # Links stay in the reader's language.
    assert 'href="/en/nieuws/"' in response.text


@pytest.mark.django_db
def test_language_switch_points_to_the_same_page(client, editorial_site):
    html = client.get("/kennisbank/?cluster=2").text
    assert 'href="/en/kennisbank/?cluster=2" lang="en" hreflang="en"' in html
    html = client.get("/en/kennisbank/").text
    assert 'href="/kennisbank/" lang="nl" hreflang="nl"' in html


@pytest.mark.django_db
def test_breadcrumbs_and_current_menu_item(client, editorial_site):
    html = client.get("/nieuws/handreiking-ondersteuningsbehoefte/").text
    crumbs = re.search(r'<nav class="breadcrumbs.*?</nav>', html, re.S).group(0)
    assert '<a href="/">Home</a>' in crumbs
    assert '<a href="/nieuws/">Nieuws</a>' in crumbs
    assert 'aria-current="page">Handreiking ondersteuningsbehoefte' in crumbs
    assert '<a href="/nieuws/" aria-current="true">Nieuws</a>' in html
    # The home page needs no breadcrumb trail.
    assert 'class="breadcrumbs' not in client.get("/").text


@pytest.mark.django_db
def test_news_item_shows_its_blocks_theme_and_tags(client, editorial_site):
    html = client.get("/nieuws/handreiking-ondersteuningsbehoefte/").text
    assert "<h2>Wat scholen deden</h2>" in html
    assert "<blockquote><p>Kijk naar wat een kind nodig heeft.</p></blockquote>" in html
    assert "Goed onderwijs (SO/VSO)" in html
    assert 'href="/nieuws/?tag=ondersteuningsbehoefte"' in html


@pytest.mark.django_db
def test_knowledge_article_shows_audience_and_clusters(client, editorial_site):
    html = client.get("/kennisbank/ondersteunde-communicatie/").text
    assert "SO en VSO" in html
    assert 'href="/kennisbank/?cluster=2"' in html


@pytest.mark.django_db
def test_drafts_are_not_served(client, make_news):
    make_news("Geheim concept", live=False)
    assert client.get("/nieuws/geheim-concept/").status_code == HTTPStatus.NOT_FOUND


@pytest.mark.django_db
def test_not_found_page_is_helpful_and_dutch(client, home):
    response = client.get("/bestaat-niet/")
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert "Pagina niet gevonden" in response.text
    assert '<html lang="nl">' in response.text


@pytest.mark.django_db
def test_news_index_query_count_does_not_grow_with_items(
    client, make_news, django_assert_max_num_queries
):
    for number in range(3):
        make_news(f"Bericht {number}", tags=["a", "b"])
    client.get("/nieuws/")  # warm the site and content-type caches
    with django_assert_max_num_queries(20) as few:
        response = client.get("/nieuws/")
    assert response.status_code == 200 and "Bericht 2" in response.text
    for number in range(3, 12):
        make_news(f"Bericht {number}", tags=["a", "b"])
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get("/nieuws/")
    assert response.status_code == 200 and "Bericht 11" in response.text


@pytest.mark.django_db
def test_static_stylesheet_is_served(client):
    response = client.get("/static/css/site.css")
    assert response.status_code == HTTPStatus.OK
    assert b":focus-visible" in b"".join(response.streaming_content)
