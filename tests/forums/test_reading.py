"""Reading: unread markers, jumping to the first unread post, following, and
pages of a long thread that cost the same at post 4,990 as at post 1."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from forums import services
from forums.models import Post, Thread
from network.models import Notification
from network.privacy import delete_account, export_user_data

pytestmark = pytest.mark.django_db


def test_unread_counts_and_jump_to_first_unread(client, category, member, other_member):
    thread = services.start_thread(member, category, title="Vraag", body="Begin")
    for n in range(24):
        services._add_post(thread, member, f"Reactie {n}")
    client.force_login(other_member)
    listing = client.get(f"/forum/{category.slug}/")
    assert "25 ongelezen" in listing.text
    client.get(thread.get_absolute_url())  # reads page 1: posts 1-20
    assert "5 ongelezen" in client.get(f"/forum/{category.slug}/").text
    assert "5 ongelezen" in client.get("/forum/").text
    jump = client.get(thread.get_absolute_url() + "?ongelezen")
    assert jump.status_code == 302 and jump.url.endswith("?pagina=2#bericht-21")
    page_two = client.get(jump.url)
    assert 'id="ongelezen"' in page_two.text
    assert (
        "ongelezen"
        not in client.get(f"/forum/{category.slug}/").text.split("thread-list")[1]
    )


def test_following_a_category_brings_new_threads_to_the_inbox(
    client, category, member, other_member, django_capture_on_commit_callbacks
):
    client.force_login(other_member)
    client.post("/forum/volgen/", {"soort": "categorie", "id": category.pk})
    with django_capture_on_commit_callbacks(execute=True):
        services.start_thread(member, category, title="Nieuwe vraag", body="Wie?")
    note = Notification.objects.get(recipient=other_member)
    assert note.title == "Nieuwe draad: Nieuwe vraag"
    client.post("/forum/volgen/", {"soort": "categorie", "id": category.pk})
    with django_capture_on_commit_callbacks(execute=True):
        services.start_thread(member, category, title="Nog een", body="Wie?")
    assert Notification.objects.filter(recipient=other_member).count() == 1


@pytest.fixture
def long_thread(category, member):
    thread = services.start_thread(member, category, title="Lange draad", body="Start")
    now = timezone.now()
    Post.objects.bulk_create(
        Post(
            thread=thread,
            author=member,
            position=n,
            body=f"Bericht {n}",
            body_html=f"<p>Bericht {n}</p>",
            created_at=now,
        )
        for n in range(2, 5001)
    )
    Thread.objects.filter(pk=thread.pk).update(post_count=5000)
    thread.refresh_from_db()
    return thread


def test_pages_of_a_5000_post_thread_cost_the_same(client, long_thread, other_member):
    client.force_login(other_member)
    url = long_thread.get_absolute_url()
    counts = {}
    for page in (1, 125, 250):
        # A page whose posts are all rendered afresh stays within the budget
        # too: nothing a post shows is loaded post by post. (Another page
        # first, so the session and the header are cached as on a live site.)
        cache.clear()
        client.get(f"{url}?pagina=2")
        with CaptureQueriesContext(connection) as rendered:
            client.get(f"{url}?pagina={page}")
        assert len(rendered) <= 12, "\n".join(q["sql"][:150] for q in rendered)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(f"{url}?pagina={page}")
        assert response.status_code == 200
        counts[page] = len(captured)
    assert counts[1] == counts[125] == counts[250]
    assert counts[1] <= 12, counts  # issue 15: the thread page at most 12 queries
    last = client.get(f"{url}?pagina=250").text
    # Above and below the posts, the same page links (first, nearby, last).
    above, below = last.split('class="pagination"')[1:3]
    for links in (above, below):
        assert "?pagina=1" in links and "?pagina=249" in links
    assert "Bericht 5000" in last and "Bericht 4980" not in last
    assert "Bericht 4981" in last
    assert client.get(f"{url}?pagina=9999").status_code == 200, "too high: last page"


def test_a_solved_thread_links_its_answer_without_asking_for_it_again(
    client, category, member, other_member
):
    """The accepted answer and its thread come with the thread itself."""
    from forums.models import ThreadKind

    thread = services.start_thread(
        member, category, title="Vraag", body="Wie weet het?", kind=ThreadKind.QUESTION
    )
    answer = services.reply(other_member, thread, body="Zo doen wij het.")
    services.accept_answer(member, answer)
    client.force_login(other_member)
    url = thread.get_absolute_url()
    client.get(url)
    with CaptureQueriesContext(connection) as solved:
        html = client.get(url).text
    assert f'href="{answer.get_absolute_url()}"' in html
    assert not [
        q for q in solved if 'FROM "forums_post" WHERE "forums_post"."id"' in q["sql"]
    ]
    assert len(solved) <= 12, len(solved)


def test_export_and_account_deletion_keep_posts_readable(
    client, category, member, other_member
):
    thread = services.start_thread(member, category, title="Vraag", body="Mijn vraag")
    exported = export_user_data(member)["forums"]
    assert exported["posts"][0]["body"] == "Mijn vraag"
    delete_account(member)
    client.force_login(other_member)
    page = client.get(thread.get_absolute_url()).text
    assert "Mijn vraag" in page and "Voormalig lid" in page
    assert "Marieke" not in page


def test_category_feed_costs_the_same_for_more_threads_and_skips_hidden_openings(
    client, public_category, member, other_member, moderator
):
    """The feed loads every item's opening post in one query; an opening post a
    moderator hid gives its item no description."""
    from forums.moderation_services import hide_post

    feed_url = public_category.get_absolute_url() + "feed/"

    def feed_queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(feed_url)
        assert response.status_code == 200
        return len(captured)

    def start(numbers):
        # Two authors, to stay under the limit of new threads per hour.
        for n in numbers:
            services.start_thread(
                (member, other_member)[n % 2],
                public_category,
                title=f"Vraag {n}",
                body=f"Opening {n}",
            )

    start(range(3))
    with_three = feed_queries()
    start(range(3, 9))
    assert feed_queries() == with_three

    hidden = Thread.objects.get(title="Vraag 8").posts.get(position=1)
    hide_post(moderator, hidden, reason="Persoonsgegevens van een leerling")
    feed = client.get(feed_url).text
    assert "Vraag 8" in feed and "Opening 8" not in feed
    assert "Opening 7" in feed


def test_the_thread_page_says_whether_this_reader_follows_it(
    client, category, member, other_member
):
    from forums.models import Subscription

    thread = services.start_thread(member, category, title="Vraag", body="Wie?")
    client.force_login(other_member)
    url = thread.get_absolute_url()
    assert 'aria-pressed="false"' in client.get(url).text
    Subscription.objects.create(user=other_member, thread=thread)
    assert 'aria-pressed="true"' in client.get(url).text
    client.force_login(member)  # the author follows their own thread
    assert 'aria-pressed="true"' in client.get(url).text


def test_the_unread_count_is_remembered_and_follows_each_change(
    member, django_capture_on_commit_callbacks
):
    from network.notifications import mark_read, notify, unread_count

    assert unread_count(member.pk) == 0
    with CaptureQueriesContext(connection) as asked:
        assert unread_count(member.pk) == 0
    assert len(asked) == 0
    with django_capture_on_commit_callbacks(execute=True):
        notify(member, kind="test", title="Een melding", email=False)
    assert unread_count(member.pk) == 1
    with django_capture_on_commit_callbacks(execute=True):
        mark_read(member)
    assert unread_count(member.pk) == 0


def _header(html: str, position: int) -> str:
    start = html.index(f'id="bericht-{position}"')
    return html[start : html.index("</header>", start)]


def test_a_cached_post_header_follows_every_change_it_shows(
    client, public_category, member, other_member, school
):
    """Post headers are cached for every reader alike; what they show of the
    author, the answer and the reactions changes on the next page view."""
    thread = services.start_thread(member, public_category, title="Vraag", body="Begin")
    reply = services.reply(other_member, thread, body="Een antwoord")
    client.force_login(member)
    url = thread.get_absolute_url()
    assert "Bram Jansen" in _header(client.get(url).text, 2)

    school.name = "De Nieuwe Burcht"
    school.save()
    assert "De Nieuwe Burcht" in _header(client.get(url).text, 2)
    profile = other_member.profile
    profile.job_title = "Intern begeleider"
    profile.save()
    assert "Intern begeleider" in _header(client.get(url).text, 2)
    profile.name = "Bram de Wit"
    profile.save()
    assert "Bram de Wit" in _header(client.get(url).text, 2)
    services.toggle_helpful(member, reply)
    assert "1 collega vond dit nuttig" in _header(client.get(url).text, 2)

    # A visitor may not see a members-only profile: no link, no role, no
    # school, however recently a member's page cached the header.
    client.logout()
    header = _header(client.get(url).text, 2)
    assert "Bram de Wit" in header and "Intern begeleider" not in header
    assert "/deskundigen/" not in header

    delete_account(other_member)
    header = _header(client.get(url).text, 2)
    assert "Bram de Wit" not in header


def test_a_members_only_photo_reaches_members_only(
    client, public_category, member, other_member
):
    """A post's shared part is cached per kind of reader: the photo of an author
    who shows their profile to members only is on a member's page, not on a
    visitor's, and not in the live post sent to every open page alike."""
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    from forums.live import post_html
    from network.models import Visibility

    profile = other_member.profile
    profile.photo = Image.objects.create(title="Bram", file=get_test_image_file())
    profile.visibility = Visibility.MEMBERS
    profile.save()
    thread = services.start_thread(member, public_category, title="Vraag", body="Begin")
    reply = services.reply(other_member, thread, body="Een antwoord")
    url = thread.get_absolute_url()

    client.force_login(member)
    assert "<img" in _header(client.get(url).text, 2)
    assert "<img" not in post_html(reply)
    client.logout()
    assert "<img" not in _header(client.get(url).text, 2)


@pytest.fixture
def write_thread(make_thread):
    """make_thread, with what was written moved a day back, so that many
    threads in one test stay within the writing limits."""

    def write(place, **fields):
        thread = make_thread(place, **fields)
        day_ago = timezone.now() - timezone.timedelta(days=1)
        Thread.objects.filter(pk=thread.pk).update(created_at=day_ago)
        Post.objects.filter(thread=thread).update(created_at=day_ago)
        return thread

    return write


def _place_line(html: str, place: str) -> str:
    """The forum front page's line for one place ("c.<pk>" or "g.<pk>")."""
    start = html.index(f'data-place="{place}"')
    return html[start : html.index("</li>", start)]


def test_the_front_page_counts_threads_and_unread_posts_per_place(
    client, category, group, group_member, write_thread
):
    from forums.models import ReadState

    read_half = write_thread(category, author=group_member, replies=24)  # 25 posts
    never_read = write_thread(category, author=group_member, title="Nog een", replies=2)
    read_all = write_thread(category, author=group_member, title="Gelezen", replies=1)
    hidden = write_thread(category, author=group_member, title="Verborgen", replies=9)
    Thread.objects.filter(pk=hidden.pk).update(is_hidden=True)
    in_group = write_thread(group, author=group_member, title="In de groep", replies=3)
    # The author has read all they wrote; here they read as below instead.
    ReadState.objects.filter(user=group_member).delete()
    ReadState.objects.create(user=group_member, thread=read_half, last_read_position=20)
    # A read position past the thread's end (posts hidden since) reads no more
    # than the thread has.
    ReadState.objects.create(user=group_member, thread=read_all, last_read_position=9)
    ReadState.objects.create(user=group_member, thread=in_group, last_read_position=1)
    client.force_login(group_member)

    html = client.get("/forum/").text

    in_category = _place_line(html, f"c.{category.pk}")
    assert "3 draden" in in_category  # the hidden thread is not counted
    assert 'data-unread="8"' in in_category  # 5 of the first, 3 of never_read
    assert "8 ongelezen" in in_category
    in_the_group = _place_line(html, f"g.{group.pk}")
    assert "1 draad" in in_the_group
    assert 'data-unread="3"' in in_the_group
    assert never_read.post_count == 3


def test_the_front_page_costs_the_same_for_more_threads(
    client, category, group, group_member, write_thread
):
    write_thread(category, author=group_member)
    client.force_login(group_member)
    client.get("/forum/")
    with CaptureQueriesContext(connection) as few:
        client.get("/forum/")
    for n in range(5):
        write_thread(category, author=group_member, title=f"Vraag {n}", replies=2)
        write_thread(group, author=group_member, title=f"Groep {n}")
    with CaptureQueriesContext(connection) as more:
        assert "6 draden" in client.get("/forum/").text
    assert len(more) == len(few)
