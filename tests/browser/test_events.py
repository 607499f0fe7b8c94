"""The agenda, an event page and its registration form in a real Chromium:
axe-core on each, and a member who registers and cancels by keyboard."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from events.models import (
    EventIndexPage,
    EventOrganiser,
    EventPage,
    EventQuestion,
    EventSession,
)
from events.services import register
from network.models import Affiliation, Board, Profile, School
from tests.browser.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def agenda(home):
    index = EventIndexPage(title="Agenda", slug="agenda", intro="Bijeenkomsten.")
    home.add_child(instance=index)
    start = timezone.now().replace(hour=13, minute=30) + datetime.timedelta(days=21)
    conference = EventPage(
        title="Landelijk congres",
        slug="congres",
        start=start,
        end=start + datetime.timedelta(hours=4),
        intro="Een middag over passend onderwijs.",
        audience="open",
        capacity=2,
        venue_name="Jaarbeurs",
        venue_city="Utrecht",
        province="UT",
    )
    conference.questions.add(
        EventQuestion(label="Dieetwensen", kind="text", sort_order=0)
    )
    conference.questions.add(
        EventQuestion(
            label="Hoe komt u?",
            kind="choice",
            choices="Met de trein\nMet de auto",
            required=True,
            sort_order=1,
        )
    )
    conference.sessions.add(
        EventSession(round=1, title="Autisme in de klas", capacity=10, sort_order=0)
    )
    conference.sessions.add(
        EventSession(round=1, title="Rouw en verlies", sort_order=1)
    )
    index.add_child(instance=conference)
    regional = EventPage(
        title="Regiobijeenkomst cluster 4",
        slug="regio",
        start=start + datetime.timedelta(days=7),
        end=start + datetime.timedelta(days=7, hours=3),
        audience="members",
        capacity=30,
        venue_name="De Burcht",
        venue_city="Utrecht",
    )
    index.add_child(instance=regional)
    register(conference, name="Anna", email="anna@school.nl")
    return index, conference, regional


@pytest.fixture
def member(agenda, django_user_model):
    from allauth.account.models import EmailAddress

    board = Board.objects.create(name="Stichting Kans", number="41001", is_member=True)
    school = School.objects.create(name="De Burcht", brin="12AB", board=board)
    user = django_user_model.objects.create_user(
        username="marieke", email="marieke@deburcht.nl", password=PASSWORD
    )
    EmailAddress.objects.create(
        user=user, email=user.email, verified=True, primary=True
    )
    profile = Profile.objects.create(user=user, name="Marieke de Vries")
    Affiliation.objects.create(profile=profile, school=school)
    return user


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/agenda/", "Agenda"),
        ("/agenda/?cluster=4&vorm=online", "Agenda"),
        ("/agenda/?wanneer=eerder", "Agenda"),
        ("/agenda/congres/", "Landelijk congres"),
        ("/agenda/regio/", "Regiobijeenkomst cluster 4"),
    ],
)
def test_agenda_and_event_pages_pass_axe(
    page, agenda, serious_violations, path, heading
):
    response = page.goto(path)
    assert response.status == 200
    expect(page.locator("h1")).to_have_text(heading)
    assert serious_violations(page) == []


def test_registration_form_errors_are_announced_and_input_kept(
    page, agenda, serious_violations
):
    page.goto("/agenda/congres/")
    expect(page.get_by_text("Plaatsen vrij")).to_be_visible()
    page.get_by_label("Uw naam").fill("Piet Jansen")
    page.get_by_label("Uw e-mailadres").fill("piet@regulier.nl")
    page.get_by_label("Dieetwensen").fill("Vegetarisch")
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.get_by_role("alert")).to_contain_text("Enkele velden")
    expect(page.get_by_label("Dieetwensen")).to_have_value("Vegetarisch")
    assert serious_violations(page) == [], "the form with its errors is accessible"

    page.get_by_label("Met de trein").check()
    page.get_by_label("Rouw en verlies").check()
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.locator("h1")).to_have_text("Kijk in uw mailbox", timeout=15000)
    assert serious_violations(page) == []


def test_member_registers_and_cancels_by_keyboard(
    page, agenda, member, serious_violations, log_in
):
    log_in(page, member.email)
    page.goto("/agenda/regio/")
    button = page.get_by_role("button", name="Aanmelden")
    button.focus()
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Uw aanmelding")
    expect(page.get_by_role("status")).to_contain_text("U bent aangemeld")
    expect(page.locator(".facts")).to_contain_text("Bevestigd")
    assert serious_violations(page) == []

    page.get_by_role("button", name="Afmelden").focus()
    page.keyboard.press("Enter")
    # A second step asks whether the seat may go; focus is on the question.
    expect(page.locator("h2:focus")).to_have_text("Afmelden voor deze bijeenkomst?")
    assert serious_violations(page) == []
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Ja, afmelden")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator(".facts")).to_contain_text("Geannuleerd")
    page.goto("/agenda/regio/")
    expect(page.get_by_role("button", name="Aanmelden")).to_be_visible()


def test_organiser_pages_pass_axe(page, agenda, member, serious_violations, log_in):
    _, conference, _ = agenda
    EventOrganiser.objects.create(event=conference, user=member)
    log_in(page, member.email)
    for path, heading in [
        (f"/agenda/beheer/{conference.pk}/", "Aanmeldingen voor Landelijk congres"),
        (f"/agenda/beheer/{conference.pk}/inchecken/", "Inchecken: Landelijk congres"),
    ]:
        assert page.goto(path).status == 200
        expect(page.locator("h1")).to_have_text(heading)
        assert serious_violations(page) == [], path
    page.get_by_role("button", name="Inchecken Anna").click()
    expect(page.get_by_role("status").first).to_contain_text("Anna is ingecheckt")
    expect(page.locator("p.lead")).to_contain_text("1 van de 1 ingecheckt")
    expect(page.locator(f"#r{conference.registrations.get().pk}")).to_contain_text(
        "aanwezig"
    )
