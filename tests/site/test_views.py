"""Every page type renders in Dutch and English with the accessible base layout."""

import os
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
    queries = len(few.captured_queries)  # read before the next request resets them
    for number in range(3, 12):
        make_news(f"Bericht {number}", tags=["a", "b"])
    client.get("/nieuws/")  # new pages moved the header's cache on; warm it again
    with django_assert_max_num_queries(queries):
        response = client.get("/nieuws/")
    assert response.status_code == 200 and "Bericht 11" in response.text


@pytest.mark.django_db
def test_static_stylesheets_are_served_and_linked(client, home):
    for sheet, holds in [
        ("tokens.css", b"--brand-700"),
        ("base.css", b":focus-visible"),
        ("layout.css", b".with-sidebar"),
        ("components.css", b".avatar--c7"),
        ("site.css", b".hero"),
    ]:
        response = client.get(f"/static/css/{sheet}")
        assert response.status_code == HTTPStatus.OK, sheet
        assert holds in b"".join(response.streaming_content), sheet
        assert f"/static/css/{sheet}" in client.get("/").text


@pytest.mark.django_db
def test_favicon_is_the_svg_icon(client, home):
    response = client.get("/favicon.ico")
    assert response.status_code == HTTPStatus.MOVED_PERMANENTLY
    assert response["Location"].endswith("/img/favicon.svg")
    assert 'rel="icon" href="/static/img/favicon.svg"' in client.get("/").text


@pytest.mark.django_db
def test_the_style_page_exists_only_while_developing(client, settings, home):
    assert client.get("/stijl/").status_code == HTTPStatus.NOT_FOUND
    settings.DEBUG = True
    page = client.get("/stijl/")
    assert page.status_code == HTTPStatus.OK
    for component in (
        "swatch--brand-700",
        "button--secondary",
        "avatar--c",
        "badge--solved",
    ):
        assert component in page.text


def test_make_run_points_links_at_the_port_it_serves():
    import subprocess
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    dry = subprocess.run(
        ["make", "-n", "run", "PORT=8101"],
        cwd=root,
        capture_output=True,
        text=True,
        env={"PATH": os.environ["PATH"]},
        check=True,
    ).stdout
    assert "BASE_URL=http://127.0.0.1:8101 .venv/bin/daphne" in dry
    assert "BASE_URL=http://127.0.0.1:8101 .venv/bin/python manage.py seed_demo" in dry


@pytest.mark.django_db
def test_the_admin_carries_the_sites_name_and_logo(client, home, django_user_model):
    admin = django_user_model.objects.create_superuser(
        username="beheer", email="beheer@lecso.example", password="x"
    )
    client.force_login(admin)
    page = client.get("/admin/").text
    assert "<title>" in page and "- LECSO</title>" in page
    assert "/static/img/favicon.svg" in page
    assert "LECSO: het netwerk van speciale scholen" in page


@pytest.mark.django_db
def test_the_knowledge_base_filters_list_each_article_once(client, make_article):
    make_article("Ondersteunde communicatie", clusters=[2, 3], tags=["communicatie"])
    make_article("Prikkelarme klas", audience="vso", clusters=[4], tags=["gedrag"])
    make_article("Gebarentaal", audience="so", clusters=[2], tags=["communicatie"])
    make_article("Time-outs", clusters=[3, 4], tags=["gedrag", "communicatie"])

    def listed(query: str) -> list[str]:
        """The titles of the article cards, as often as they are listed."""
        html = client.get(f"/kennisbank/{query}").text
        cards = re.findall(r'class="card__title"><a href="[^"]*">([^<]*)</a>', html)
        return sorted(cards)

    assert listed("?cluster=3") == ["Ondersteunde communicatie", "Time-outs"]
    assert listed("?tag=communicatie") == [
        "Gebarentaal",
        "Ondersteunde communicatie",
        "Time-outs",
    ]
    assert listed("?cluster=4&tag=gedrag") == ["Prikkelarme klas", "Time-outs"]
    assert listed("?audience=so&tag=communicatie") == [
        "Gebarentaal",
        "Ondersteunde communicatie",
        "Time-outs",
    ]
