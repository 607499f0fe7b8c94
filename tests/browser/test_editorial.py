"""Editorial pages in a real Chromium: following links, keyboard use, axe-core."""

import pytest
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    # Daphne's child process reads the database through its own connection, so
    # test data must be committed.
    pytest.mark.django_db(transaction=True),
]

# name: (path, expected status, expected page title)
PAGE_TYPES = {
    "home": ("/", 200, "Samen sterk"),
    "news index": ("/nieuws/", 200, "Nieuws"),
    "news item": (
        "/nieuws/handreiking-ondersteuningsbehoefte/",
        200,
        "Handreiking ondersteuningsbehoefte",
    ),
    "knowledge base": ("/kennisbank/", 200, "Kennisbank"),
    "knowledge article": (
        "/kennisbank/ondersteunde-communicatie/",
        200,
        "Ondersteunde communicatie",
    ),
    "standard page": ("/over-ons/", 200, "Over ons"),
    "English home": ("/en/", 200, "Samen sterk"),
    "not found": ("/bestaat-niet/", 404, "Pagina niet gevonden"),
    "agenda": ("/agenda/", 200, "Agenda"),
    "event": ("/agenda/regiobijeenkomst-cluster-4/", 200, "Regiobijeenkomst cluster 4"),
}


@pytest.fixture
def agenda(home):
    import datetime

    from django.utils import timezone

    from events.models import EventIndexPage, EventPage

    index = EventIndexPage(title="Agenda", slug="agenda")
    home.add_child(instance=index)
    start = timezone.now() + datetime.timedelta(days=10)
    index.add_child(
        instance=EventPage(
            title="Regiobijeenkomst cluster 4",
            slug="regiobijeenkomst-cluster-4",
            start=start,
            end=start + datetime.timedelta(hours=2),
            capacity=30,
            venue_name="De Burcht",
            venue_city="Utrecht",
        )
    )
    return index


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_page_type_has_no_serious_accessibility_violations(
    page, editorial_site, agenda, serious_violations, name
):
    path, status, heading = PAGE_TYPES[name]
    response = page.goto(path)
    assert response.status == status
    expect(page.locator("h1")).to_have_text(heading)
    assert serious_violations(page) == []


def test_reader_follows_links_from_home_to_a_news_item(page, editorial_site):
    page.goto("/")
    expect(page).to_have_title("Samen sterk | LECSO")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Nieuws"
    ).click()
    expect(page).to_have_url(page.url.split("/nieuws/")[0] + "/nieuws/")
    page.get_by_role("link", name="Handreiking ondersteuningsbehoefte").click()
    expect(page.locator("h1")).to_have_text("Handreiking ondersteuningsbehoefte")
    page.get_by_role("link", name="ondersteuningsbehoefte", exact=True).click()
    expect(page.get_by_role("status")).to_contain_text("ondersteuningsbehoefte")


def test_keyboard_user_skips_to_content_and_filters_knowledge(
    page, editorial_site, make_article
):
    make_article("Stage in het VSO", audience="vso", clusters=[4])
    page.goto("/kennisbank/")
    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Direct naar de inhoud")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_visible()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()

    # Reach the filter form by keyboard alone and submit it.
    page.get_by_label("Schoolsoort").focus()
    page.keyboard.press("ArrowDown")  # SO
    page.keyboard.press("ArrowDown")  # VSO
    page.keyboard.press("Tab")
    expect(page.get_by_label("Cluster")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Toon artikelen")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("2 artikelen gevonden")
    assert "audience=vso" in page.url


def test_language_switch_keeps_the_reader_on_the_page(page, editorial_site):
    page.goto("/kennisbank/ondersteunde-communicatie/")
    page.get_by_role("link", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_have_text("Ondersteunde communicatie")
    expect(page.get_by_role("link", name="Skip to main content")).to_be_attached()


def test_layout_fits_a_phone_screen(browser, live_server_url, editorial_site):
    context = browser.new_context(
        base_url=live_server_url, viewport={"width": 360, "height": 740}
    )
    phone = context.new_page()
    for path in ("/", "/kennisbank/", "/nieuws/handreiking-ondersteuningsbehoefte/"):
        phone.goto(path)
        overflow = phone.evaluate(
            "document.documentElement.scrollWidth"
            " - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px"
    context.close()
