"""A thread page's posts come from the cache whole, buttons and all, for every
reader with the same buttons. What differs per reader must never cross: their
own buttons and marks, and above all their CSRF token."""

import re

import pytest
from django.middleware.csrf import _unmask_cipher_token
from django.test import Client

from forums import services
from forums.moderation_services import suspend_member

pytestmark = pytest.mark.django_db


def _article(html: str, position: int) -> str:
    start = html.index(f'id="bericht-{position}"')
    return html[start : html.index("</article>", start)]


def _tokens(html: str) -> set[str]:
    return set(re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', html))


@pytest.fixture
def thread(public_category, member, other_member):
    thread = services.start_thread(member, public_category, title="Vraag", body="Hoe?")
    services.reply(other_member, thread, body="Zo.")
    return thread


def test_each_reader_keeps_their_own_buttons(
    client, thread, member, other_member, moderator, make_member
):
    url = thread.get_absolute_url()
    third = make_member("Sanne Bakker")
    fourth = make_member("Ayse Yilmaz")
    reply = thread.posts.get(position=2)
    services.toggle_helpful(third, reply)

    pages = {}
    # The fourth reader has the third's buttons but for "helpful", and comes
    # first; the thread's author may also accept an answer.
    for user in (other_member, member, fourth, third, moderator):
        reader = Client()
        reader.force_login(user)
        # Twice: the second page is the one read from the cache.
        reader.get(url)
        pages[user.pk] = _article(reader.get(url).text, 2)

    edit = f"/forum/bericht/{reply.pk}/bewerken/"
    assert edit in pages[other_member.pk]  # the reply's author
    assert edit not in pages[member.pk] and edit not in pages[third.pk]
    assert edit in pages[moderator.pk]
    assert 'aria-pressed="true"' in pages[third.pk]
    assert 'aria-pressed="true"' not in pages[fourth.pk]
    assert f"/forum/moderatie/bericht/{reply.pk}/" in pages[moderator.pk]
    assert f"/forum/moderatie/bericht/{reply.pk}/" not in pages[member.pk]

    client.logout()
    visitor = _article(client.get(url).text, 2)
    assert "<form" not in visitor and edit not in visitor


def test_every_form_on_the_page_carries_this_readers_token(thread, member, make_member):
    """After another reader filled the cache, a reader's forms hold a token of
    their own CSRF secret, and posting one of them works."""
    url = thread.get_absolute_url()
    first = Client(enforce_csrf_checks=True)
    first.force_login(make_member("Sanne Bakker"))
    first.get(url)
    second = Client(enforce_csrf_checks=True)
    second_member = make_member("Ayse Yilmaz")
    second.force_login(second_member)
    page = second.get(url).text
    tokens = _tokens(page)
    secret = second.cookies["csrftoken"].value
    assert tokens and all(_unmask_cipher_token(t) == secret for t in tokens)
    assert all(
        _unmask_cipher_token(t) != first.cookies["csrftoken"].value for t in tokens
    )

    reply = thread.posts.get(position=2)
    answer = second.post(
        f"/forum/bericht/{reply.pk}/nuttig/",
        {"csrfmiddlewaretoken": tokens.pop()},
    )
    assert answer.status_code == 302
    assert reply.reactions.filter(user=second_member).exists()


def test_a_quote_and_a_suspension_are_not_taken_from_the_cache(
    client, thread, member, moderator
):
    url = thread.get_absolute_url()
    client.force_login(member)
    assert "&gt; Zo." not in client.get(url).text
    assert "&gt; Zo." in client.get(url + "?citeer=2").text

    suspend_member(moderator, member, days=2, reason="Even pauze")
    page = client.get(url).text
    assert "Even pauze" in page
    assert 'id="antwoord"' not in page
    assert "?citeer=" not in page
