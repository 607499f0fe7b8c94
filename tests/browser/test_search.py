"""The search in a real Chromium: suggestions under the header's box, chosen by
keyboard alone, and the results page and its empty state, each checked by
axe-core."""

import re

import pytest
from playwright.sync_api import expect
from wagtail.rich_text import RichText

from lecso_site.models import KnowledgeArticle, KnowledgeIndexPage
from network.models import Profile

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def searchable(home, django_user_model):
    index = KnowledgeIndexPage(title="Kennisbank", slug="kennisbank")
    home.add_child(instance=index)
    for title, text in [
        (
            "Gebarentaal in de klas",
            "Met Nederlandse Gebarentaal volgen dove leerlingen de les.",
        ),
        (
            "Prikkelverwerking in de klas",
            "Leerlingen met autisme raken snel overprikkeld.",
        ),
    ]:
        index.add_child(
            instance=KnowledgeArticle(
                title=title,
                intro=text,
                body=[("paragraph", RichText(f"<p>{text}</p>"))],
            )
        )
    user = django_user_model.objects.create_user(
        username="anna", email="anna@deburcht.nl", password=None
    )
    return Profile.objects.create(
        user=user,
        name="Anna de Vries",
        job_title="Gedragsspecialist",
        visibility="public",
    )


def test_a_suggestion_is_chosen_with_the_keyboard_alone(
    page, searchable, serious_violations
):
    page.goto("/")
    box = page.get_by_role("combobox", name="Zoeken op de site")
    box.focus()
    box.press_sequentially("Ann", delay=50)
    expect(page.get_by_role("listbox")).to_be_visible(timeout=15000)
    option = page.get_by_role("option", name="Anna de Vries")
    expect(option).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    assert serious_violations(page) == []

    announced = page.locator(".site-search [aria-live=polite]")
    expect(announced).to_have_text("Eén suggestie. Kies die met de pijltjestoetsen.")
    box.press("ArrowDown")
    expect(option).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", option.get_attribute("id"))

    # Typing on gives a new list in which nothing is chosen yet.
    box.press_sequentially("a", delay=50)
    expect(box).not_to_have_attribute("aria-activedescendant", re.compile(".*"))
    expect(option).to_have_attribute("aria-selected", "false")
    box.press("ArrowDown")
    expect(option).to_have_attribute("aria-selected", "true")
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/deskundigen/anna-de-vries/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Anna de Vries")


def test_escape_closes_the_suggestions_and_enter_searches(page, searchable):
    page.goto("/")
    box = page.get_by_role("combobox", name="Zoeken op de site")
    box.focus()
    box.press_sequentially("gebarentaal", delay=30)
    # The first request to a fresh server process may take a few seconds.
    expect(page.get_by_role("listbox")).to_be_visible(timeout=15000)
    box.press("Escape")
    expect(page.get_by_role("listbox")).to_be_hidden()
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/zoeken/\?q=gebarentaal$"))
    expect(page.get_by_role("status").first).to_contain_text("1 resultaat")


def test_results_and_the_empty_state_pass_axe(page, searchable, serious_violations):
    page.goto("/zoeken/?q=leerlingen")
    expect(page.locator(".search-result")).to_have_count(2)
    expect(page.locator(".search-result mark").first).to_be_visible()
    assert serious_violations(page) == []

    # Keyboard: from the facets to one kind of result.
    facet = page.get_by_role("navigation", name="Soort resultaat").get_by_role(
        "link", name="Kennisbank"
    )
    facet.focus()
    facet.press("Enter")
    expect(page).to_have_url(re.compile(r"type=kennisbank"))

    page.goto("/zoeken/?q=gebarentaall")
    expect(page.get_by_text("Bedoelde u:")).to_be_visible()
    assert serious_violations(page) == []

    page.goto("/zoeken/")
    assert serious_violations(page) == []
