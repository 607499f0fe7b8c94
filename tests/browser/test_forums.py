"""The forum in a real Chromium: a reply appears live on another member's open
thread and index, and axe-core finds nothing serious on the forum's pages.

Forum labels are selected by id and CSS, not by their text, so the test holds
whether or not a translation exists yet."""

import re

import pytest
from playwright.sync_api import expect

from forums import services
from forums.models import Category
from network.models import Affiliation, Board, Profile, School
from tests.browser.conftest import PASSWORD, off_the_event_loop

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def forum(home, django_user_model):
    """Two members of one member school, a members-only category and a thread
    that the first of them started."""
    from allauth.account.models import EmailAddress

    board = Board.objects.create(name="Stichting Kans", number="41001", is_member=True)
    school = School.objects.create(name="De Burcht", brin="12AB", board=board)
    members = []
    for username, name in [("anna", "Anna de Vries"), ("bram", "Bram Jansen")]:
        user = django_user_model.objects.create_user(
            username=username, email=f"{username}@deburcht.nl", password=PASSWORD
        )
        EmailAddress.objects.create(
            user=user, email=user.email, verified=True, primary=True
        )
        profile = Profile.objects.create(user=user, name=name)
        Affiliation.objects.create(profile=profile, school=school)
        members.append(user)
    category = Category.objects.create(
        name="Gedrag en welbevinden", slug="gedrag", description="Cluster 4"
    )
    thread = off_the_event_loop(
        services.start_thread,
        members[0],
        category,
        title="Hoe gaan jullie om met time-outs?",
        body="Wij zoeken ervaringen.",
    )
    return {
        "anna": members[0],
        "bram": members[1],
        "category": category,
        "thread": thread,
    }


def bram_replies(browser, live_server_url, log_in, forum, text: str, position: int):
    """Bram, in a browser of his own, replies through the thread's form: the
    server's channel layer is the one that reaches the pages' sockets."""
    other = browser.new_context(base_url=live_server_url, locale="nl-NL")
    replying = other.new_page()
    log_in(replying, forum["bram"].email)
    replying.goto(forum["thread"].get_absolute_url())
    replying.locator("#antwoord textarea").fill(text)
    replying.locator('#antwoord button[name="post"]').click()
    expect(replying.locator(f"#bericht-{position}")).to_be_visible()
    other.close()


def test_a_reply_appears_live_for_another_reader(
    page, browser, live_server_url, forum, serious_violations, log_in
):
    """Anna has the thread and the forum index open; Bram replies. Without a
    reload Anna sees the reply, a screen reader hears who wrote it, and the
    index counts one unread message."""
    thread, category = forum["thread"], forum["category"]
    log_in(page, forum["anna"].email)
    page.goto(thread.get_absolute_url())
    expect(page.locator("#berichten")).to_have_attribute("data-live", "connected")
    page.evaluate("window.__sameDocument = true")

    index = page.context.new_page()
    index.goto("/forum/")
    expect(index.locator("[data-forum-index]")).to_have_attribute(
        "data-live", "connected"
    )
    unread = index.locator(f'.forum-place[data-place="c.{category.pk}"] .unread-count')
    expect(unread).to_have_attribute("data-unread", "0")

    bram_replies(
        browser, live_server_url, log_in, forum, "Wij gebruiken een **rustplek**.", 2
    )

    reply = page.locator("#bericht-2")
    expect(reply.locator(".post__body strong")).to_have_text("rustplek")
    expect(reply.locator("h3")).to_contain_text("Bram Jansen")
    expect(page.locator("#live-announcer")).to_contain_text("Bram Jansen")
    assert page.evaluate("window.__sameDocument") is True, "the page did not reload"
    expect(page.locator(":focus")).to_have_count(0)  # focus was not moved

    expect(unread).to_have_attribute("data-unread", "1")
    expect(unread.locator("strong")).to_contain_text("1")
    expect(unread).to_have_text("1 ongelezen")  # the dot before it is the style's
    expect(index.locator("#live-announcer")).to_contain_text(category.name)
    assert serious_violations(page) == []
    assert serious_violations(index) == []


@pytest.mark.parametrize("where", ["index", "thread", "new_thread"])
def test_forum_pages_have_no_serious_accessibility_violations(
    page, forum, serious_violations, where, log_in
):
    log_in(page, forum["anna"].email)
    path = {
        "index": "/forum/",
        "thread": forum["thread"].get_absolute_url(),
        "new_thread": f"/forum/nieuw/c/{forum['category'].slug}/",
    }[where]
    response = page.goto(path)
    assert response.status == 200
    expect(page.locator("h1")).to_be_visible()
    if where != "new_thread":  # the live pages, once their script is listening
        expect(page.locator("[data-live]")).to_have_attribute("data-live", "connected")
    assert serious_violations(page) == []


def test_a_reply_beyond_this_page_is_offered_as_a_link(
    page, browser, live_server_url, forum, log_in
):
    """Reading an earlier page, the reader is not pulled along: a notice links
    to the new reply on its own page."""
    thread = forum["thread"]

    def fill_a_page():
        for number in range(2, 22):
            services._add_post(thread, forum["anna"], f"Reactie {number}")

    off_the_event_loop(fill_a_page)
    log_in(page, forum["anna"].email)
    page.goto(thread.get_absolute_url())
    posts = page.locator("#berichten")
    expect(posts).to_have_attribute("data-last-page", "0")
    expect(posts).to_have_attribute("data-live", "connected")

    bram_replies(browser, live_server_url, log_in, forum, "Nog een idee.", 22)

    link = page.locator("#live-newer a")
    expect(link).to_have_attribute("href", "?pagina=2#bericht-22")
    expect(page.locator("#bericht-22")).to_have_count(0)
    expect(page.locator("#live-announcer")).not_to_be_empty()
    link.click()
    expect(page.locator("#bericht-22 .post__body")).to_have_text("Nog een idee.")


def test_a_reply_whose_message_was_lost_is_fetched_with_its_buttons(
    page, browser, live_server_url, forum, log_in, monkeypatch
):
    """Bram's first reply is written while its live message is lost (as a
    full channel or a Redis restart would lose it). When his second arrives,
    Anna's page sees the version skip one, fetches what it missed, and shows
    both replies in order, rendered for her: she can quote and mark them."""
    thread = forum["thread"]
    log_in(page, forum["anna"].email)
    page.goto(thread.get_absolute_url())
    posts = page.locator("#berichten")
    expect(posts).to_have_attribute("data-live", "connected")
    expect(posts).to_have_attribute("data-version", "1")

    from forums import live

    monkeypatch.setattr(live, "_send", lambda group, message: None)
    off_the_event_loop(services.reply, forum["bram"], thread, body="Een stil bericht.")
    monkeypatch.undo()
    expect(page.locator("#bericht-2")).to_have_count(0)

    bram_replies(browser, live_server_url, log_in, forum, "En nog een.", 3)

    missed = page.locator("#bericht-2")
    expect(missed.locator(".post__body")).to_have_text("Een stil bericht.")
    expect(page.locator("#bericht-3 .post__body")).to_have_text("En nog een.")
    expect(page.locator("#berichten > article")).to_have_count(3)
    expect(missed.locator('a[href="?citeer=2#antwoord"]')).to_be_visible()
    expect(missed.locator('button[aria-pressed="false"]')).to_be_visible()
    expect(page.locator("#live-announcer")).to_contain_text("2")
    expect(page.locator(":focus")).to_have_count(0)


def test_a_live_reply_has_its_buttons_and_can_be_accepted_without_a_reload(
    page, browser, live_server_url, forum, log_in
):
    """Anna asked; Bram's reply arrives live. Within a moment it is rendered
    for her, with the buttons the page gives every post, the message count
    says two, and she accepts it as the answer from the same page."""
    thread = forum["thread"]
    log_in(page, forum["anna"].email)
    page.goto(thread.get_absolute_url())
    expect(page.locator("#berichten")).to_have_attribute("data-live", "connected")
    expect(page.locator("#post-count")).to_have_text("1 bericht")

    bram_replies(browser, live_server_url, log_in, forum, "Probeer een rustplek.", 2)

    reply = page.locator("#bericht-2")
    accept = reply.get_by_role("button", name="Dit is het antwoord")
    expect(accept).to_be_visible()
    expect(reply.locator('a[href="?citeer=2#antwoord"]')).to_be_visible()
    expect(reply.get_by_role("button", name=re.compile("Nuttig"))).to_be_visible()
    expect(page.locator("#post-count")).to_have_text("2 berichten")
    accept.click()
    expect(page.locator("#bericht-2 .badge--solved")).to_have_text(
        "Geaccepteerd antwoord"
    )


def test_the_formatting_buttons_write_markdown_around_the_selection(
    page, forum, log_in
):
    log_in(page, forum["anna"].email)
    page.goto(forum["thread"].get_absolute_url())
    box = page.locator("#antwoord textarea")
    box.fill("Een rustplek helpt.")
    # "rustplek " as a double click selects it: the space stays outside.
    box.evaluate("el => el.setSelectionRange(4, 13)")
    page.get_by_role("group", name="Opmaak").get_by_role("button", name="Vet").click()
    expect(box).to_have_value("Een **rustplek** helpt.")
    expect(box).to_be_focused()
    page.get_by_role("button", name="Lijst").click()
    expect(box).to_have_value("- Een **rustplek** helpt.")
