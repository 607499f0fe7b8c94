"""The news feed and the sitemap parse and list only what is published."""

import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime
from http import HTTPStatus

import pytest


@pytest.mark.django_db
def test_news_feed_is_valid_rss_with_published_items(client, make_news):
    make_news("Nieuwste bericht", days_ago=1, tags=["jeugdhulp"])
    make_news("Ouder bericht", days_ago=10)
    make_news("Nog een concept", live=False)

    response = client.get("/nieuws/feed/")
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("language") == "nl"
    assert channel.findtext("link") == "http://testserver/nieuws/"
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == [
        "Nieuwste bericht",
        "Ouder bericht",
    ]
    first = items[0]
    assert first.findtext("link") == "http://testserver/nieuws/nieuwste-bericht/"
    assert first.findtext("description") == "Samenvatting van Nieuwste bericht."
    assert [c.text for c in first.findall("category")] == ["jeugdhulp"]
    assert first.findtext("guid").startswith("urn:uuid:")
    assert parsedate_to_datetime(first.findtext("pubDate")).tzinfo is not None


@pytest.mark.django_db
def test_feed_guid_survives_a_rename(client, make_news):
    page = make_news("Eerste titel")
    guid = ET.fromstring(client.get("/nieuws/feed/").content).findtext(
        "channel/item/guid"
    )
    page.title, page.slug = "Nieuwe titel", "nieuwe-titel"
    page.save_revision().publish()
    after = ET.fromstring(client.get("/nieuws/feed/").content)
    assert after.findtext("channel/item/title") == "Nieuwe titel"
    assert after.findtext("channel/item/guid") == guid


@pytest.mark.django_db
def test_every_page_links_the_feed(client, editorial_site):
    html = client.get("/kennisbank/").text
    assert (
        '<link rel="alternate" type="application/rss+xml" title="Nieuws" '
        'href="/nieuws/feed/">' in html
    )


@pytest.mark.django_db
def test_sitemap_lists_live_pages_only(client, editorial_site, make_news):
    make_news("Verborgen concept", live=False)
    response = client.get("/sitemap.xml")
    assert response.status_code == HTTPStatus.OK
    namespace = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = {
        loc.text
        for loc in ET.fromstring(response.content).findall("sm:url/sm:loc", namespace)
    }
    assert "http://localhost/nieuws/handreiking-ondersteuningsbehoefte/" in locations
    assert "http://localhost/kennisbank/ondersteunde-communicatie/" in locations
    assert "http://localhost/over-ons/" in locations
    assert not any("verborgen-concept" in location for location in locations)


@pytest.mark.django_db
def test_the_sitemap_is_kept_until_a_page_changes(
    client, editorial_site, make_news, django_assert_max_num_queries
):
    """It lists every page, so it is built once and kept; publishing or
    unpublishing a page shows in the next one."""
    first = client.get("/sitemap.xml")
    assert first.status_code == HTTPStatus.OK
    assert first["Content-Type"].startswith("application/xml")
    with django_assert_max_num_queries(0):
        again = client.get("/sitemap.xml")
    assert again.content == first.content

    news = make_news("Nieuw in de kaart")
    assert "nieuw-in-de-kaart" in client.get("/sitemap.xml").text
    news.unpublish()
    assert "nieuw-in-de-kaart" not in client.get("/sitemap.xml").text
