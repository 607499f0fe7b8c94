"""No reply lost on the way: every change to a thread takes its next version,
and an open page that missed a live message fetches what changed after the
version it knows, from a view that asks the thread page's permission
question and renders posts as the page does for that reader."""

from http import HTTPStatus

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from forums import moderation_services, services
from forums.models import Post, Thread

pytestmark = pytest.mark.django_db


def catch_up(client, thread, since):
    return client.get(reverse("forums:catch_up", args=[thread.pk]), {"versie": since})


def version_of(thread) -> int:
    return Thread.objects.values_list("version", flat=True).get(pk=thread.pk)


def test_every_change_an_open_page_shows_takes_the_next_version(
    make_thread, category, member, other_member, moderator
):
    thread = make_thread(category)
    assert version_of(thread) == 1 == thread.posts.get().version

    reply = services.reply(other_member, thread, body="Wij werken met een rustplek.")
    assert reply.version == version_of(thread) == 2

    services.edit_post(other_member, reply, body="Wij werken met twee rustplekken.")
    assert Post.objects.get(pk=reply.pk).version == version_of(thread) == 3

    moderation_services.hide_post(moderator, reply, reason="Dubbel")
    assert Post.objects.get(pk=reply.pk).version == version_of(thread) == 4

    moderation_services.restore_post(moderator, reply, reason="Toch niet")
    assert Post.objects.get(pk=reply.pk).version == version_of(thread) == 5

    # Marking a post helpful changes nothing a live page shows: no version.
    services.toggle_helpful(member, reply)
    assert version_of(thread) == 5


def test_posts_merged_in_carry_one_new_version_of_their_new_thread(
    make_thread, category, moderator
):
    target = make_thread(category, title="Time-outs", replies=2)
    source = make_thread(category, title="Time-out ruimte", replies=1)
    before = version_of(target)

    moderation_services.merge_threads(moderator, source, target, reason="Dubbel")

    moved = Post.objects.filter(thread=target, position__gt=3)
    assert moved.count() == 2
    assert set(moved.values_list("version", flat=True)) == {before + 1}
    assert version_of(target) == before + 1


def test_what_changed_after_a_version_comes_in_version_order(
    client, make_thread, category, member, other_member
):
    thread = make_thread(category)
    first = services.reply(other_member, thread, body="Eerste reactie.")
    second = services.reply(member, thread, body="Tweede reactie.")
    services.edit_post(other_member, first, body="Eerste reactie, aangevuld.")
    client.force_login(member)

    response = catch_up(client, thread, 1)

    assert response.status_code == HTTPStatus.OK
    assert response["Cache-Control"].startswith("max-age=0")
    data = response.json()
    assert data["version"] == 4 and data["post_count"] == 3 and not data["more"]
    # The edited reply comes once, at the version of its last change.
    assert [(p["position"], p["version"]) for p in data["posts"]] == [(3, 3), (2, 4)]
    assert "aangevuld" in data["posts"][1]["html"]
    assert second.body in data["posts"][0]["html"]
    # Nothing newer than the newest version: an empty answer.
    assert catch_up(client, thread, 4).json()["posts"] == []


def test_posts_are_rendered_for_the_reader_with_their_own_buttons(
    client, make_thread, public_category, member, other_member
):
    """A live message is one rendering for every reader, without buttons; what
    a page fetches is rendered for its reader, so a caught-up reply can be
    quoted, reported and marked helpful like the rest of the page."""
    thread = make_thread(public_category)
    services.reply(other_member, thread, body="Een antwoord van Bram.")

    client.force_login(member)
    html = catch_up(client, thread, 1).json()["posts"][0]["html"]
    assert 'href="?citeer=2#antwoord"' in html
    assert reverse("forums:report", args=[thread.posts.get(position=2).pk]) in html
    assert 'aria-pressed="false"' in html  # the helpful button

    client.logout()
    html = catch_up(client, thread, 1).json()["posts"][0]["html"]
    assert "Een antwoord van Bram." in html
    assert "citeer" not in html and "aria-pressed" not in html


def test_a_hidden_post_is_caught_up_as_hidden_except_for_moderators(
    client, make_thread, category, member, other_member, moderator
):
    thread = make_thread(category)
    reply = services.reply(other_member, thread, body="Iets wat weg moet.")
    moderation_services.hide_post(moderator, reply, reason="Privé")

    client.force_login(member)
    [post] = catch_up(client, thread, 2).json()["posts"]
    assert "Iets wat weg moet." not in post["html"]
    assert "post--hidden" in post["html"]

    client.force_login(moderator)
    [post] = catch_up(client, thread, 2).json()["posts"]
    assert "Iets wat weg moet." in post["html"]


@pytest.mark.parametrize(
    "who, expected",
    [
        ("visitor", HTTPStatus.FORBIDDEN),
        ("outsider", HTTPStatus.FORBIDDEN),
        ("member", HTTPStatus.FORBIDDEN),
        ("group_member", HTTPStatus.OK),
        ("moderator", HTTPStatus.OK),
    ],
)
def test_the_thread_pages_permission_question_decides(
    request, client, make_thread, group, group_member, who, expected
):
    thread = make_thread(group, author=group_member, body="Alleen voor de groep.")
    if who != "visitor":
        client.force_login(request.getfixturevalue(who))

    response = catch_up(client, thread, 0)

    assert response.status_code == expected
    assert ("Alleen voor de groep." in response.content.decode()) == (
        expected == HTTPStatus.OK
    )


def test_a_merged_thread_answers_nothing(client, make_thread, category, moderator):
    source = make_thread(category, title="Oud")
    target = make_thread(category, title="Nieuw")
    moderation_services.merge_threads(moderator, source, target, reason="Dubbel")
    client.force_login(moderator)

    assert catch_up(client, source, 0).status_code == HTTPStatus.NOT_FOUND


@pytest.mark.parametrize("value", ["", "twaalf", "-1", "²", "9" * 40])
def test_a_version_that_is_not_a_whole_number_is_refused(
    client, make_thread, category, member, value
):
    thread = make_thread(category)
    client.force_login(member)

    assert catch_up(client, thread, value).status_code == HTTPStatus.BAD_REQUEST


def test_a_page_far_behind_is_told_to_reload(
    client, settings, make_thread, category, member
):
    settings.FORUMS_CATCH_UP_LIMIT = 3
    thread = make_thread(category, replies=4)
    client.force_login(member)

    data = catch_up(client, thread, 0).json()
    assert data["more"] is True and data["posts"] == []
    assert data["post_count"] == 5 and data["version"] == 5

    data = catch_up(client, thread, 2).json()
    assert data["more"] is False and len(data["posts"]) == 3


def test_the_query_count_does_not_grow_with_the_posts(
    client, make_thread, category, member
):
    thread = make_thread(category, replies=2)
    client.force_login(member)
    with CaptureQueriesContext(connection) as few:
        assert catch_up(client, thread, 0).status_code == HTTPStatus.OK
    for n in range(20):
        services._add_post(thread, member, f"Nog een reactie {n}")
    with CaptureQueriesContext(connection) as many:
        response = catch_up(client, thread, 0)
    assert response.status_code == HTTPStatus.OK
    assert len(response.json()["posts"]) == 23
    assert len(many) == len(few)


def test_the_thread_page_tells_its_script_the_version_it_shows(
    client, make_thread, category, member
):
    thread = make_thread(category, replies=2)
    client.force_login(member)

    page = client.get(thread.get_absolute_url()).content.decode()

    assert f'data-version="{version_of(thread)}"' in page
    assert 'data-post-count="3"' in page
    assert f'data-catch-up-url="{reverse("forums:catch_up", args=[thread.pk])}"' in page
