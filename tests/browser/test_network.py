"""The directory in a real Chromium: axe-core and a keyboard-only search."""

import re

import pytest
from playwright.sync_api import expect

from network.demo import seed_network
from network.models import Affiliation, Profile, School, SupportNeed

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def directory_data(home, django_user_model):
    seed_network(people_per_school=2)
    user = django_user_model.objects.create_user(
        username="anna", email="anna@example.org", password="x"
    )
    anna = Profile.objects.create(
        user=user,
        name="Anna Openbaar",
        job_title="Logopedist",
        visibility="public",
        open_for_questions=True,
        bio="Ervaren met *ondersteunde communicatie*.",
    )
    anna.support_needs.set(SupportNeed.objects.filter(slug="communicatie"))
    Affiliation.objects.create(profile=anna, school=School.objects.get(brin="12AB"))
    return anna


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/deskundigen/", "Vind een deskundige"),
        ("/deskundigen/?behoefte=communicatie&soort=so", "Vind een deskundige"),
        ("/deskundigen/anna-openbaar/", "Anna Openbaar"),
        ("/scholen/", "Scholen"),
        ("/scholen/12AB/", "De Burcht"),
    ],
)
def test_network_pages_have_no_serious_accessibility_violations(
    page, directory_data, serious_violations, path, heading
):
    response = page.goto(path)
    assert response.status == 200
    expect(page.locator("h1")).to_have_text(heading)
    assert serious_violations(page) == []


def test_keyboard_user_finds_an_expert_by_support_need(page, directory_data):
    page.goto("/deskundigen/")
    page.get_by_label(
        "Zoek op naam, onderwerp, ondersteuningsbehoefte of school"
    ).focus()
    page.keyboard.type("logopedist")
    page.keyboard.press("Tab")
    expect(page.get_by_label("Ondersteuningsbehoefte", exact=True)).to_be_focused()
    page.keyboard.press("ArrowDown")  # the first need: Communicatie
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")  # submits the whole form from the search field
    expect(page).to_have_url(re.compile(r"q=logopedist&behoefte=communicatie"))
    expect(page.get_by_role("status")).to_contain_text("gevonden")
    link = page.get_by_role("link", name="Anna Openbaar")
    link.focus()
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Anna Openbaar")
    expect(page.locator(".body em")).to_have_text("ondersteunde communicatie")
