"""The directory in a real Chromium: axe-core and a keyboard-only search."""

import re

import pytest
from playwright.sync_api import expect

from demo.network import seed_network
from network.models import Affiliation, Profile, School, SupportNeed
from tests.browser.conftest import PASSWORD

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
    # The search button, the filter panel's heading, then the first filter.
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Zoeken", exact=True).last).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.locator("summary", has_text="Filters")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_label("Ondersteuningsbehoefte", exact=True)).to_be_focused()
    page.keyboard.press("ArrowDown")  # the first need: Communicatie
    for _ in range(3):
        page.keyboard.press("Shift+Tab")
    search = page.get_by_label(
        "Zoek op naam, onderwerp, ondersteuningsbehoefte of school"
    )
    expect(search).to_be_focused()
    page.keyboard.press("Enter")  # submits the whole form from the search field
    expect(page).to_have_url(re.compile(r"q=logopedist&behoefte=communicatie"))
    expect(page.get_by_role("status")).to_contain_text("gevonden")
    link = page.get_by_role("link", name="Anna Openbaar")
    link.focus()
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Anna Openbaar")
    expect(page.locator(".body em")).to_have_text("ondersteunde communicatie")


@pytest.fixture
def signed_in_member(page, directory_data, live_server_url, django_user_model, log_in):
    """A member of De Burcht, signed in through the real login form."""
    from allauth.account.models import EmailAddress

    user = django_user_model.objects.create_user(
        username="bram", email="bram@12ab.example.nl", password=PASSWORD
    )
    EmailAddress.objects.create(
        user=user, email=user.email, verified=True, primary=True
    )
    profile = Profile.objects.create(user=user, name="Bram Lid")
    Affiliation.objects.create(profile=profile, school=School.objects.get(brin="12AB"))
    log_in(page, user.email)
    return profile


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/deskundigen/anna-openbaar/vraag/", "Stel Anna Openbaar een vraag"),
        ("/account/", "Mijn account"),
        ("/account/profiel/", "Mijn profiel bewerken"),
        ("/meldingen/", "Meldingen"),
        ("/account/verwijderen/", "Mijn account verwijderen"),
    ],
)
def test_member_pages_have_no_serious_accessibility_violations(
    page, signed_in_member, serious_violations, path, heading
):
    response = page.goto(path)
    assert response.status == 200
    expect(page.locator("h1")).to_have_text(heading)
    assert serious_violations(page) == []


def test_visitor_asks_a_public_expert_by_keyboard_and_errors_are_announced(
    page, directory_data, serious_violations
):
    page.goto("/deskundigen/anna-openbaar/")
    link = page.get_by_role("link", name="Stel Anna Openbaar een vraag")
    link.focus()
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Stel Anna Openbaar een vraag")

    page.get_by_label("Uw naam").focus()
    page.keyboard.type("Ouder Van Dijk")
    page.keyboard.press("Tab")
    page.keyboard.type("geen-adres")  # a mistake
    page.get_by_label("Onderwerp").fill("Picto's")
    page.get_by_label("Uw vraag").fill("Hoe beginnen jullie?")
    page.get_by_role("button", name="Mijn vraag versturen").press("Enter")

    email = page.get_by_label("Uw e-mailadres")
    expect(email).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_role("alert")).to_be_visible()
    expect(page.get_by_label("Uw vraag")).to_have_value("Hoe beginnen jullie?")
    assert serious_violations(page) == []

    email.fill("ouder@regulier.nl")
    email.press("Enter")
    expect(page.locator("h1")).to_have_text("Kijk in uw e-mail")


def test_a_question_appears_live_in_the_experts_header(
    page, browser, live_server_url, signed_in_member, django_user_model, log_in
):
    """One member asks; the expert, with a page open, sees the count change and
    a screen reader hears it, without reloading."""
    from allauth.account.models import EmailAddress

    Profile.objects.filter(pk=signed_in_member.pk).update(open_for_questions=True)
    asker = django_user_model.objects.create_user(
        username="cato", email="cato@13cd.example.nl", password=PASSWORD
    )
    EmailAddress.objects.create(
        user=asker, email=asker.email, verified=True, primary=True
    )
    profile = Profile.objects.create(user=asker, name="Cato Vraagt")
    Affiliation.objects.create(profile=profile, school=School.objects.get(brin="13CD"))

    page.goto("/deskundigen/")
    badge = page.locator("[data-unread-count]")
    expect(badge).to_be_hidden()

    other = browser.new_context(base_url=live_server_url, locale="nl-NL")
    asking = other.new_page()
    log_in(asking, asker.email)
    asking.goto(f"/deskundigen/{signed_in_member.slug}/vraag/")
    asking.get_by_label("Onderwerp").fill("Rustige klas")
    asking.get_by_label("Uw vraag").fill("Hoe richten jullie een prikkelarme hoek in?")
    asking.get_by_role("button", name="Mijn vraag versturen").click()
    expect(asking.locator("h1")).to_have_text("Vraag verstuurd")
    other.close()

    expect(badge).to_have_text("1")
    expect(badge).to_be_visible()
    expect(page.locator("#notification-announcer")).to_have_text(
        "U heeft 1 ongelezen meldingen"
    )


def test_filters_update_results_in_place_and_keep_focus(page, directory_data):
    """With JavaScript, choosing a filter refreshes the list and counts without a
    page load; focus stays on the control and the address stays shareable."""
    page.goto("/deskundigen/")
    status = page.locator("#directory-status")
    before = status.inner_text()
    page.evaluate("window.__sameDocument = true")

    need = page.get_by_label("Ondersteuningsbehoefte", exact=True)
    need.focus()
    page.keyboard.press("ArrowDown")  # Communicatie
    expect(page).to_have_url(re.compile(r"behoefte=communicatie"))
    expect(status).not_to_have_text(before)
    expect(page.get_by_role("link", name="Anna Openbaar")).to_be_visible()
    expect(need).to_be_focused()
    assert page.evaluate("window.__sameDocument") is True, "no page load happened"
    selected = need.locator("option:checked")
    expect(selected).to_have_text(re.compile(r"^Communicatie \(\d+\)$"))
