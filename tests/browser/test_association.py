"""Signals in a real Chromium: axe-core on the form, the member's list and a
signal, and the whole journey of reporting one by keyboard."""

import pytest
from playwright.sync_api import expect

from association.models import Signal
from network.models import Affiliation, Profile
from tests import factories
from tests.browser.conftest import verified_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def reporter(home, django_user_model):
    school = factories.make_school("De Burcht", "12AB", clusters=(4,))
    user = verified_user(django_user_model, "rianne", "rianne@burcht.example.nl")
    Affiliation.objects.create(
        profile=Profile.objects.create(user=user, name="Rianne Melder"), school=school
    )
    return user


def test_a_member_reports_a_signal_by_keyboard(
    page, reporter, log_in, serious_violations
):
    log_in(page, reporter.email)
    page.goto("/account/")
    page.get_by_role("link", name="Een signaal melden").focus()
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Een signaal melden")
    assert serious_violations(page) == []

    # The first theme, then the text fields and choices in order.
    page.get_by_label("Leerlingenvervoer").focus()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.type("De busjes komen structureel een half uur te laat.")
    page.keyboard.press("Tab")
    expect(page.get_by_label("Korter dan drie maanden")).to_be_focused()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.type("Leerlingen missen het begin van de dag.")
    page.get_by_role("button", name="Verstuur mijn signaal").focus()
    page.keyboard.press("Enter")

    expect(page.locator("h1")).to_have_text("Signaal: Leerlingenvervoer")
    assert serious_violations(page) == []
    signal = Signal.objects.get()
    assert signal.reporter == reporter and signal.since == "recent"

    page.get_by_role("link", name="Mijn signalen").first.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("link", name="De busjes komen")).to_be_visible()
    assert serious_violations(page) == []


def test_an_empty_signal_form_says_what_is_missing(
    page, reporter, log_in, serious_violations
):
    log_in(page, reporter.email)
    page.goto("/signalen/nieuw/")
    page.get_by_role("button", name="Verstuur mijn signaal").click()
    expect(page.locator(".error-summary")).to_be_visible()
    assert serious_violations(page) == []


def test_a_consultation_and_its_results_pass_axe_and_take_answers_by_keyboard(
    page, reporter, log_in, serious_violations
):
    from association.models import Consultation, Response
    from demo.association import seed_consultations

    seed_consultations()
    open_one = Consultation.objects.get(slug="standpunt-thuiszitters-tlv")
    log_in(page, reporter.email)
    for path in ("/raadplegingen/", "/raadplegingen/jaarthema-2027/resultaten/"):
        assert page.goto(path).status == 200, path
        assert serious_violations(page) == [], path

    page.goto(open_one.get_absolute_url())
    assert serious_violations(page) == []
    page.get_by_label("Ja, met aanvullingen").focus()
    page.keyboard.press("Space")
    page.get_by_label("Doorlooptijd").focus()
    page.keyboard.press("Space")
    page.get_by_label("4", exact=True).focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Verstuur mijn antwoorden").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("U hebt deze raadpleging")).to_be_visible()
    assert serious_violations(page) == []
    answers = Response.objects.get(user=reporter).answers
    assert sorted(answers.values_list("value", flat=True)) == [
        "4",
        "Doorlooptijd",
        "Ja, met aanvullingen",
    ]
