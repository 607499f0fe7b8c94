"""The support offers in a real Chromium: axe-core on the catalogue and an
offer, and finding an offer by keyboard alone."""

import re

import pytest
from playwright.sync_api import expect

from demo.network import seed_network
from demo.offers import seed_offers
from network.models import SupportOffer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def offers(home):
    seed_network(people_per_school=2)
    seed_offers()
    return SupportOffer.objects.get(title="Ambulante begeleiding bij TOS")


@pytest.mark.parametrize(
    "path",
    ["/aanbod/", "/aanbod/?soort=ambulant&provincie=GR", "offer"],
)
def test_offer_pages_have_no_serious_accessibility_violations(
    page, offers, serious_violations, path
):
    response = page.goto(offers.get_absolute_url() if path == "offer" else path)
    assert response.status == 200
    assert serious_violations(page) == []


def test_keyboard_user_finds_support_for_a_pupil_with_tos(page, offers):
    page.goto("/aanbod/")
    search = page.get_by_label("Zoek op onderwerp, ondersteuningsbehoefte")
    search.focus()
    page.keyboard.type("TOS")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(page.locator("summary", has_text="Filters")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_label("Soort ondersteuning")).to_be_focused()
    page.keyboard.press("ArrowDown")  # the first kind: Consultatie en advies
    page.keyboard.press("ArrowDown")  # Ambulante begeleiding
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    expect(search).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"q=TOS&soort=ambulant"))
    expect(page.get_by_role("status")).to_have_text(re.compile("1 resultaat"))
    link = page.get_by_role("link", name="Ambulante begeleiding bij TOS")
    link.focus()
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Ambulante begeleiding bij TOS")


@pytest.fixture
def coordinator(offers, django_user_model):
    """De Burcht's coordinator with a request from a member elsewhere."""
    from network.models import Affiliation, Profile, School
    from network.support_requests import send_request
    from tests.browser.conftest import verified_user

    user = verified_user(django_user_model, "carla", "carla@12ab.example.nl")
    profile = Profile.objects.create(user=user, name="Carla Coördinator")
    Affiliation.objects.create(
        profile=profile, school=School.objects.get(brin="12AB"), is_coordinator=True
    )
    asker = verified_user(django_user_model, "bram", "bram@13cd.example.nl")
    Affiliation.objects.create(
        profile=Profile.objects.create(user=asker, name="Bram Vrager"),
        school=School.objects.get(brin="13CD"),
    )
    sent = send_request(
        SupportOffer.objects.get(school__brin="12AB", kind="consultatie"),
        user=asker,
        sender_school="Het Baken, Groningen",
        question="Kunnen jullie meedenken?",
        pupil_need="Een leerling die vastloopt bij overgangen.",
    )
    return user, sent


def test_request_and_coordinator_pages_have_no_serious_accessibility_violations(
    page, offers, coordinator, serious_violations, log_in
):
    page.goto(offers.get_absolute_url() + "vragen/")
    assert serious_violations(page) == []
    page.get_by_role("button", name="Verstuur mijn vraag").click()  # all empty
    expect(page.locator(".error-summary")).to_be_visible()
    assert serious_violations(page) == []

    user, sent = coordinator
    log_in(page, user.email)
    for path in (
        "/account/aanbod/",
        "/account/aanbod/nieuw/",
        "/account/ondersteuningsvragen/",
        sent.get_absolute_url(),
        f"/account/aanbod/{sent.offer_id}/",
        f"/account/aanbod/{sent.offer_id}/verwijderen/",
    ):
        assert page.goto(path).status == 200, path
        assert serious_violations(page) == [], path


def test_a_coordinator_accepts_a_request_by_keyboard(page, coordinator, log_in):
    user, sent = coordinator
    log_in(page, user.email)
    page.goto(sent.get_absolute_url())
    page.get_by_label("Aannemen: we kunnen helpen").focus()
    page.keyboard.press("Space")
    # Tab leaves the group of choices for the message, then the colleague.
    page.keyboard.press("Tab")
    expect(page.get_by_label("Bericht")).to_be_focused()
    page.keyboard.type("Ik bel u maandag.")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Versturen")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_text("Ik bel u maandag.")).to_be_visible()
    sent.refresh_from_db()
    assert sent.status == "accepted"


def test_a_visitor_asks_for_support_by_keyboard(page, offers, serious_violations):
    page.goto(offers.get_absolute_url())
    ask = page.get_by_role("link", name="Vraag om deze ondersteuning")
    ask.focus()
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_contain_text("Ambulante begeleiding bij TOS")
    page.get_by_label("Uw naam").focus()
    for text in (
        "Vera Bezoeker",
        "vera@linde.example.nl",
        "Basisschool De Linde, Zeist",
        "Kunnen jullie de leerkracht begeleiden?",
        "Een kleuter met een taalontwikkelingsstoornis.",
    ):
        page.keyboard.type(text)
        page.keyboard.press("Tab")
    # Past the BSN box to the button.
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Verstuur mijn vraag")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Kijk in uw e-mail")
    assert serious_violations(page) == []
    sent = offers.requests.get()
    assert sent.status == "unconfirmed"
    page.goto(f"/aanbod/vraag/bevestigen/{sent.confirmation_token}/")
    assert serious_violations(page) == []
    page.get_by_role("button", name="Verstuur mijn vraag").focus()
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Vraag verstuurd")
    sent.refresh_from_db()
    assert sent.status == "open"
