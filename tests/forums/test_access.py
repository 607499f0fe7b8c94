"""Who sees what: visitor, outsider, member, group member and moderator against
a public category, a members' category and a closed group, on every page."""

import pytest

from forums import services
from forums.models import GroupMembership, MembershipStatus, Thread
from forums.permissions import is_moderator, visible_threads
from network.permissions import is_member

pytestmark = pytest.mark.django_db

# (place, who) -> may read
MATRIX = {
    ("public", "visitor"): True,
    ("public", "outsider"): True,
    ("public", "member"): True,
    ("public", "group_member"): True,
    ("public", "moderator"): True,
    ("members", "visitor"): False,
    ("members", "outsider"): False,
    ("members", "member"): True,
    ("members", "group_member"): True,
    ("members", "moderator"): True,
    ("group", "visitor"): False,
    ("group", "outsider"): False,
    ("group", "member"): False,
    ("group", "group_member"): True,
    ("group", "moderator"): True,
}


@pytest.fixture
def world(public_category, category, group, member, group_member, moderator, outsider):
    threads = {
        "public": services.start_thread(
            member, public_category, title="Openbare vraag over rekenen", body="Open"
        ),
        "members": services.start_thread(
            member, category, title="Ledenvraag over time-outs", body="Leden"
        ),
        "group": services.start_thread(
            group_member, group, title="Geheim groepsoverleg", body="Besloten"
        ),
    }
    people = {
        "visitor": None,
        "outsider": outsider,
        "member": member,
        "group_member": group_member,
        "moderator": moderator,
    }
    return threads, people


@pytest.mark.parametrize(("place", "who"), list(MATRIX))
def test_thread_pages_lists_and_counts(client, world, place, who):
    threads, people = world
    thread = threads[place]
    if people[who] is not None:
        client.force_login(people[who])
    allowed = MATRIX[(place, who)]

    response = client.get(thread.get_absolute_url())
    if allowed:
        assert response.status_code == 200
    else:
        assert response.status_code in (302, 403)
        assert thread.title not in response.text

    listing = client.get(thread.place.get_absolute_url())
    assert (thread.title in listing.text) == allowed
    index = client.get("/forum/")
    assert ("Geheim groepsoverleg" in index.text) is False, "titles never on the index"
    if place == "group":
        # The group's name is listed to signed-in people (to ask to join), but
        # its thread count only to those who may read it.
        assert ("Werkgroep IB Noord" in index.text) == (
            who in ("outsider", "member", "group_member", "moderator")
        )
    assert (thread in visible_threads(people[who] or _anonymous())) == allowed
    feed = client.get(thread.place.get_absolute_url() + "feed/")
    if place == "public":
        assert feed.status_code == 200 and thread.title in feed.text
    else:
        assert feed.status_code == 404, "no feed where a reader could be anyone"


def _anonymous():
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser()


@pytest.mark.parametrize(("place", "who"), list(MATRIX))
def test_writing_needs_membership_too(client, world, place, who):
    threads, people = world
    thread = threads[place]
    if people[who] is not None:
        client.force_login(people[who])
    before = thread.post_count
    response = client.post(f"/forum/draad/{thread.pk}/reageren/", {"body": "Reactie"})
    may_write = MATRIX[(place, who)] and who not in ("visitor", "outsider")
    thread.refresh_from_db()
    assert (thread.post_count == before + 1) == may_write
    if not may_write:
        assert response.status_code in (302, 403)


def test_joining_a_closed_group_needs_a_managers_yes(
    client, world, group, member, group_member
):
    threads, _ = world
    client.force_login(member)
    client.post(f"/forum/groepen/{group.slug}/lid-worden/")
    membership = GroupMembership.objects.get(group=group, user=member)
    assert membership.status == MembershipStatus.REQUESTED
    assert client.get(threads["group"].get_absolute_url()).status_code == 403

    client.force_login(group_member)
    assert client.get(f"/forum/groepen/{group.slug}/leden/").status_code == 200
    client.post(
        f"/forum/groepen/{group.slug}/leden/{membership.pk}/", {"action": "approve"}
    )
    client.force_login(member)
    assert client.get(threads["group"].get_absolute_url()).status_code == 200

    client.force_login(member)
    assert client.get(f"/forum/groepen/{group.slug}/leden/").status_code == 403


def test_new_thread_form_only_where_one_may_write(
    client, world, category, group, outsider, member
):
    client.force_login(outsider)
    assert client.get(f"/forum/nieuw/c/{category.slug}/").status_code == 403
    client.force_login(member)
    assert client.get(f"/forum/nieuw/c/{category.slug}/").status_code == 200
    assert client.get(f"/forum/nieuw/g/{group.slug}/").status_code == 403
    assert Thread.objects.count() == 3


def test_an_invitation_is_accepted_from_the_forum_index(
    client, world, group, group_member, member
):
    threads, _ = world
    client.force_login(group_member)
    client.post(f"/forum/groepen/{group.slug}/uitnodigen/", {"email": member.email})
    client.force_login(member)
    index = client.get("/forum/").text
    assert "Uitnodiging aannemen" in index
    client.post(f"/forum/groepen/{group.slug}/lid-worden/")
    assert client.get(threads["group"].get_absolute_url()).status_code == 200


def test_join_requests_never_show_an_email_address(
    client, group, group_member, outsider
):
    from network.models import Notification

    client.force_login(outsider)  # an account without a profile or name
    client.post(f"/forum/groepen/{group.slug}/lid-worden/")
    note = Notification.objects.get(recipient=group_member)
    assert outsider.email not in note.title
    client.force_login(group_member)
    members = client.get(f"/forum/groepen/{group.slug}/leden/").text
    assert outsider.email not in members and "Een lid van het netwerk" in members


@pytest.mark.parametrize("who", ["visitor", "outsider", "member"])
def test_a_merged_closed_thread_does_not_name_its_target(client, world, moderator, who):
    """The old address of a thread merged into another closed-group thread
    answers like any closed thread: no redirect that carries the target's id
    or title (regression: the redirect came before the read check)."""
    from forums import moderation_services

    threads, people = world
    source = services.start_thread(
        moderator,
        threads["group"].group,
        title="Eerste versie",
        body="Dubbel",
    )
    moderation_services.merge_threads(
        moderator, source, threads["group"], reason="Dubbel"
    )
    if people[who] is not None:
        client.force_login(people[who])
    response = client.get(f"/forum/draad/{source.pk}/")
    location = response.get("Location", "")
    assert response.status_code in (302, 403)
    assert f"/draad/{threads['group'].pk}" not in location
    assert "geheim-groepsoverleg" not in location

    client.force_login(people["group_member"])
    allowed = client.get(f"/forum/draad/{source.pk}/")
    assert allowed.status_code == 302
    assert allowed["Location"] == threads["group"].get_absolute_url()


@pytest.mark.parametrize("action", ["nuttig", "antwoord"])
def test_marking_a_post_of_a_closed_thread_names_nothing(client, world, action):
    """Regression (found by the leak sweep): 'helpful' and 'accept' redirected
    anyone to the post's thread, slug included, before asking who may read it."""
    threads, people = world
    post = threads["group"].posts.get(position=1)
    client.force_login(people["member"])
    response = client.post(f"/forum/bericht/{post.pk}/{action}/")
    assert response.status_code == 404
    assert "geheim" not in response.get("Location", "")


def test_a_hidden_post_cannot_be_reported_or_its_text_read(client, world, moderator):
    """Regression (found by the leak sweep): the report form quoted a hidden
    post to any member."""
    from forums import moderation_services

    threads, people = world
    post = services.reply(people["member"], threads["members"], body="Weggehaald")
    moderation_services.hide_post(moderator, post, reason="Privé")
    client.force_login(people["group_member"])
    response = client.get(f"/forum/moderatie/melden/{post.pk}/")
    assert response.status_code == 403
    assert "Weggehaald" not in response.text


def test_a_merged_thread_takes_no_replies(world, moderator):
    from forums import moderation_services
    from forums.errors import ForumError

    threads, people = world
    source = services.start_thread(
        people["member"], threads["members"].category, title="Dubbel", body="x"
    )
    moderation_services.merge_threads(
        moderator, source, threads["members"], reason="Dubbel"
    )
    with pytest.raises(ForumError) as error:
        services.reply(people["member"], source, body="Nog iets")
    assert error.value.code == "merged"


@pytest.mark.parametrize("who", ["outsider", "member", "group_member", "moderator"])
def test_the_threads_rule_asks_membership_and_moderation_in_one_query(
    world, who, django_assert_num_queries
):
    """Both standings in one round trip, each the same as asked apart."""

    _threads, people = world
    person = people[who]
    fresh = person.__class__.objects.get(pk=person.pk)
    with django_assert_num_queries(1):
        visible_threads(fresh)
        standing = (is_member(fresh), is_moderator(fresh))
    apart = person.__class__.objects.get(pk=person.pk)
    assert standing == (is_member(apart), is_moderator(apart))
    assert standing == (who != "outsider", who == "moderator")
