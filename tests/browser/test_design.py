"""Every page type as a visitor and as a member, in Chromium at a phone's and
a desktop's width: axe-core finds no violation of any impact (not only the
serious ones), nothing scrolls sideways at 320 px, and on a 390 x 844 phone
the page's title starts within the first 30% of the screen.

Each page is also saved as a screenshot at 320, 390 and 1280 px, in
SCREENSHOT_DIR (default test-artifacts/screenshots/, which CI keeps), to look
at side by side."""

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import Error, expect

from events.links import registration_path
from events.services import register

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The site says "u"; allauth's own Dutch said "je" (site/allauth_locale/).
INFORMAL = re.compile(r"\b(je|jij|jouw|jezelf)\b", re.IGNORECASE)
SCREENSHOTS = Path(os.environ.get("SCREENSHOT_DIR", "test-artifacts/screenshots"))
WIDTHS = [(320, 720), (1280, 900)]
PHONE = (390, 844)


def visitor_pages(kinds) -> list[tuple[str, str, int]]:
    expert = kinds["expert"]
    return [
        ("home", "/", 200),
        ("home-en", "/en/", 200),
        ("news-index", "/nieuws/", 200),
        ("news-item", kinds["news"].url, 200),
        ("knowledge-index", "/kennisbank/", 200),
        ("knowledge-article", kinds["article"].url, 200),
        ("standard-page", kinds["standard_page"].url, 200),
        ("agenda", "/agenda/", 200),
        ("event", kinds["event"].url, 200),
        ("directory", "/deskundigen/", 200),
        ("profile", f"/deskundigen/{expert.slug}/", 200),
        ("ask-an-expert", f"/deskundigen/{expert.slug}/vraag/", 200),
        ("schools", "/scholen/", 200),
        ("school", "/scholen/12AB/", 200),
        ("search", "/zoeken/?q=communicatie", 200),
        ("search-nothing", "/zoeken/?q=ondersteuningsbehoefe", 200),
        ("search-start", "/zoeken/", 200),
        ("forum", "/forum/", 200),
        ("login", "/account/login/", 200),
        ("signup", "/account/signup/", 200),
        ("password-reset", "/account/password/reset/", 200),
        ("not-found", "/bestaat-niet/", 404),
    ]


def member_pages(kinds, registration) -> list[tuple[str, str, int]]:
    category, thread = kinds["category"], kinds["thread"]
    return [
        ("member-home", "/", 200),
        ("member-forum", "/forum/", 200),
        ("forum-category", f"/forum/{category.slug}/", 200),
        ("forum-thread", thread.get_absolute_url(), 200),
        ("forum-new-thread", f"/forum/nieuw/c/{category.slug}/", 200),
        ("forum-group", "/forum/groepen/ib-noord/", 200),
        ("notifications", "/meldingen/", 200),
        ("account", "/account/", 200),
        ("account-profile", "/account/profiel/", 200),
        ("account-questions", "/account/vragen/", 200),
        ("account-email", "/account/email/", 200),
        ("account-password", "/account/password/change/", 200),
        ("account-two-factor", "/account/2fa/", 200),
        ("account-delete", "/account/verwijderen/", 200),
        ("registration", registration, 200),
        ("organiser", f"/agenda/beheer/{kinds['event'].pk}/", 200),
        ("check-in", f"/agenda/beheer/{kinds['event'].pk}/inchecken/", 200),
    ]


def keep_picture(page, path: Path) -> None:
    """A full-page screenshot, tried up to three times: on a busy machine
    Chromium now and then has no frame ready and answers "Unable to capture
    screenshot" (CI, 7 December); the next try, a moment later, gets one."""
    for attempt in range(3):
        try:
            page.screenshot(path=path, full_page=True)
            return
        except Error as problem:
            if "Unable to capture screenshot" not in str(problem) or attempt == 2:
                raise
            page.wait_for_timeout(500)


def every_violation(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at "
        + ", ".join(str(node["target"][0]) for node in v["nodes"][:3])
        for v in results.response["violations"]
    ]


def look_at(page, name: str, path: str, status: int) -> list[str]:
    """Open `path` at both widths; the problems found, one line each."""
    problems = []
    for width, height in WIDTHS:
        page.set_viewport_size({"width": width, "height": height})
        response = page.goto(path)
        assert response.status == status, path
        expect(page.locator("h1").first).to_be_visible()
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        keep_picture(page, SCREENSHOTS / f"{name}-{width}.png")
        problems += [f"{path} at {width}px: {v}" for v in every_violation(page)]
        if path.startswith("/account/") and width == 320:
            informal = INFORMAL.findall(page.locator("main").inner_text())
            if informal:
                problems.append(f"{path} speaks informally: {informal}")
        if width == 320:
            scroll = page.evaluate("document.documentElement.scrollWidth")
            if scroll > width:
                problems.append(f"{path} at 320px scrolls sideways ({scroll}px wide)")
    page.set_viewport_size({"width": PHONE[0], "height": PHONE[1]})
    page.goto(path)
    top = page.locator("h1").first.bounding_box()["y"]
    keep_picture(page, SCREENSHOTS / f"{name}-{PHONE[0]}.png")
    if top > PHONE[1] * 0.3:
        problems.append(f"{path}: the title starts {top:.0f}px down on a phone")
    return problems


def test_visitor_pages_are_clean_at_both_widths(page, every_kind):
    problems = []
    for name, path, status in visitor_pages(every_kind):
        problems += look_at(page, name, path, status)
    assert problems == [], "\n".join(problems)


def test_member_pages_are_clean_at_both_widths(page, every_kind, log_in):
    registration = register(
        every_kind["event"],
        name="Anna de Vries",
        email=every_kind["anna"].email,
        user=every_kind["anna"],
    )
    log_in(page, every_kind["anna"].email)
    problems = []
    for name, path, status in member_pages(every_kind, registration_path(registration)):
        problems += look_at(page, name, path, status)
    assert problems == [], "\n".join(problems)


def test_the_phone_menu_opens_without_javascript(browser, live_server_url):
    """The menu is a <details>: with scripts off it still opens, and shows
    search, the menu and sign-in; from 64rem it is laid out in the header."""
    context = browser.new_context(
        base_url=live_server_url,
        java_script_enabled=False,
        viewport={"width": PHONE[0], "height": PHONE[1]},
        locale="nl-NL",
    )
    page = context.new_page()
    page.goto("/")
    menu_button = page.locator("summary", has_text="Menu")
    search = page.get_by_role("searchbox", name="Zoeken op de site")
    expect(search).to_be_hidden()
    menu_button.click()
    expect(search).to_be_visible()
    expect(page.get_by_role("link", name="Inloggen")).to_be_visible()
    expect(page.get_by_role("navigation", name="Hoofdmenu")).to_be_visible()

    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/")
    expect(menu_button).to_be_hidden()
    expect(search).to_be_visible()
    context.close()


def test_long_dutch_words_break_at_syllables(page, every_kind):
    """A compound longer than a phone is wide is hyphenated by the page's
    language: it wraps inside its box, with a hyphen, instead of running off
    the screen."""
    page.set_viewport_size({"width": 320, "height": 720})
    page.goto("/")
    assert page.evaluate("document.documentElement.lang") == "nl"
    box = page.evaluate(
        """() => {
            const heading = document.createElement("h1");
            heading.textContent = "Ondersteuningsbehoeftenprofielenoverleg";
            heading.style.width = "12rem";
            document.querySelector("main").prepend(heading);
            const lines = Math.round(heading.getBoundingClientRect().height
                / parseFloat(getComputedStyle(heading).lineHeight));
            return {lines, overflow: heading.scrollWidth > heading.clientWidth,
                    hyphens: getComputedStyle(heading).hyphens};
        }"""
    )
    assert box == {"lines": box["lines"], "overflow": False, "hyphens": "auto"}
    assert box["lines"] > 1
