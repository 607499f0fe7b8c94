"""Moderation: reports and the queue, hiding and restoring, locking, pinning,
moving and merging threads, suspending members, the log, who may do it, and
two moderators pressing the same button at the same moment."""

import datetime
import threading
from http import HTTPStatus

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission
from django.db import connections
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import override

from forums import moderation_services as moderation
from forums import services
from forums.errors import ForumError
from forums.models import (
    ModerationAction,
    ModerationLog,
    Post,
    Report,
    Subscription,
    Suspension,
    Thread,
)
from forums.permissions import current_suspension, suspension_notice

pytestmark = pytest.mark.django_db


@pytest.fixture
def second_moderator(make_member):
    user = make_member("Noor Moderator")
    user.user_permissions.add(Permission.objects.get(codename="moderate"))
    return type(user).objects.get(pk=user.pk)


@pytest.fixture
def thread(make_thread, category):
    return make_thread(category, body="Wij zoeken ervaringen.", replies=2)


@pytest.fixture
def reply_post(thread):
    return thread.posts.get(position=2)


@pytest.fixture(autouse=True)
def _dutch_urls():
    """reverse() gives the Dutch addresses, whatever an earlier test left."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


def in_english(request, url: str, *args, **kwargs):
    """The English page (to read English messages). The locale middleware
    leaves English active on this thread afterwards; switch back so later
    reverse() calls stay Dutch."""
    try:
        return request(f"/en{url}", *args, **kwargs)
    finally:
        translation.activate(settings.LANGUAGE_CODE)


def log_actions():
    return list(ModerationLog.objects.order_by("pk").values_list("action", flat=True))


# Who may do it --------------------------------------------------------------


def moderation_urls(thread, post, member):
    report = Report.objects.create(post=post, reporter=member, reason="Klopt niet")
    return {
        "queue": reverse("forums:moderation_queue"),
        "log": reverse("forums:moderation_log"),
        "post": reverse("forums:moderate_post", args=[post.pk]),
        "thread": reverse("forums:moderate_thread", args=[thread.pk]),
        "suspend": reverse("forums:suspend_member", args=[member.pk]),
        "resolve": reverse("forums:resolve_report", args=[report.pk]),
    }


@pytest.mark.parametrize("method", ["get", "post"])
def test_members_get_403_and_visitors_the_sign_in_page(
    client, thread, reply_post, other_member, method
):
    urls = moderation_urls(thread, reply_post, other_member)
    for url in urls.values():
        response = getattr(client, method)(url)
        assert response.status_code == HTTPStatus.FOUND, url
        assert response.url.startswith(reverse("account_login")), url

    client.force_login(other_member)
    for url in urls.values():
        assert getattr(client, method)(url).status_code == HTTPStatus.FORBIDDEN, url
    assert log_actions() == []
    assert not Post.objects.filter(is_hidden=True).exists()


def test_moderator_opens_every_page(client, thread, reply_post, member, moderator):
    client.force_login(moderator)
    urls = moderation_urls(thread, reply_post, member)
    for name in ["queue", "log", "post", "thread", "suspend"]:
        assert client.get(urls[name]).status_code == HTTPStatus.OK, name


def test_services_refuse_non_moderators(thread, reply_post, member, other_member):
    with pytest.raises(ForumError) as error:
        moderation.hide_post(other_member, reply_post, reason="Zomaar")
    assert error.value.code == "forbidden"
    with pytest.raises(ForumError):
        moderation.lock_thread(other_member, thread, reason="Zomaar")
    with pytest.raises(ForumError):
        moderation.suspend_member(other_member, member, days=3, reason="Zomaar")
    reply_post.refresh_from_db()
    thread.refresh_from_db()
    assert not reply_post.is_hidden and not thread.is_locked
    assert log_actions() == [] and not Suspension.objects.exists()


# Reports and the queue ------------------------------------------------------


def test_member_reports_a_post_once(client, reply_post, other_member):
    url = reverse("forums:report", args=[reply_post.pk])
    client.force_login(other_member)
    assert client.get(url).status_code == HTTPStatus.OK

    empty = in_english(client.post, url, {"reason": "  "})
    assert empty.status_code == HTTPStatus.BAD_REQUEST
    assert 'role="alert"' in empty.text
    assert not Report.objects.exists()

    response = client.post(url, {"reason": "Er staat een leerlingnaam in."})
    assert response.status_code == HTTPStatus.FOUND
    assert response.url == reply_post.get_absolute_url()
    report = Report.objects.get()
    assert (report.post, report.reporter) == (reply_post, other_member)
    assert report.resolved_at is None

    again = in_english(client.post, url, {"reason": "Nog een keer"})
    assert again.status_code == HTTPStatus.BAD_REQUEST
    assert "already reported this message" in again.text
    assert Report.objects.count() == 1


def test_who_may_report(client, reply_post, member, make_thread, group, group_member):
    url = reverse("forums:report", args=[reply_post.pk])
    assert client.get(url).url.startswith(reverse("account_login"))

    client.force_login(member)  # the author
    assert client.get(url).status_code == HTTPStatus.FORBIDDEN
    assert client.post(url, {"reason": "Eigen bericht"}).status_code == 403

    closed = make_thread(group, author=group_member)
    client.force_login(member)  # not in the closed group
    closed_url = reverse("forums:report", args=[closed.posts.get().pk])
    assert client.post(closed_url, {"reason": "?"}).status_code == 403
    assert not Report.objects.exists()


def test_report_link_shows_to_others_not_the_author(
    client, thread, reply_post, member, other_member
):
    report_url = reverse("forums:report", args=[reply_post.pk])
    client.force_login(other_member)
    assert report_url in client.get(thread.get_absolute_url()).text
    client.force_login(member)
    assert report_url not in client.get(thread.get_absolute_url()).text


def test_queue_lists_open_reports_oldest_first(
    client, thread, reply_post, other_member, make_member, moderator
):
    opening = thread.posts.get(position=1)
    third = make_member("Derde Lid")
    newer = Report.objects.create(post=opening, reporter=other_member, reason="Nieuw")
    older = Report.objects.create(post=reply_post, reporter=third, reason="Oud")
    done = Report.objects.create(
        post=reply_post,
        reporter=other_member,
        reason="Al klaar",
        resolved_at=timezone.now(),
    )
    Report.objects.filter(pk=older.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=2)
    )

    client.force_login(moderator)
    response = client.get(reverse("forums:moderation_queue"))
    assert response.status_code == HTTPStatus.OK
    listed = list(response.context["reports"])
    assert [r.pk for r in listed] == [older.pk, newer.pk]
    assert done.pk not in [r.pk for r in listed]
    assert reply_post.get_absolute_url().replace("#", "") in response.text.replace(
        "#", ""
    )
    assert "Reactie 1" in response.text, "the excerpt of the reported post"
    assert "Oud" in response.text and "Al klaar" not in response.text


def test_moderator_closes_a_report_and_keeps_the_post(
    client, reply_post, other_member, moderator
):
    report = Report.objects.create(post=reply_post, reporter=other_member, reason="?")
    client.force_login(moderator)
    url = reverse("forums:resolve_report", args=[report.pk])
    response = client.post(url, {"reason": "Niets mis mee"})
    assert response.status_code == HTTPStatus.FOUND
    report.refresh_from_db()
    assert report.resolved_by == moderator and report.resolved_at is not None
    entry = ModerationLog.objects.get()
    assert (entry.action, entry.post, entry.reason) == (
        ModerationAction.RESOLVE_REPORT,
        reply_post,
        "Niets mis mee",
    )
    reply_post.refresh_from_db()
    assert not reply_post.is_hidden

    second = in_english(client.post, url, follow=True)
    assert "already been handled" in second.text
    assert ModerationLog.objects.count() == 1


# Hiding and restoring -------------------------------------------------------


def test_hiding_a_post_needs_a_reason_and_closes_its_reports(
    client, thread, reply_post, member, other_member, moderator
):
    Post.objects.filter(pk=reply_post.pk).update(body_html="<p>Geheim detail</p>")
    report = Report.objects.create(post=reply_post, reporter=other_member, reason="!")
    url = reverse("forums:moderate_post", args=[reply_post.pk])
    client.force_login(moderator)

    missing = in_english(client.post, url, {"action": "hide", "reason": ""})
    assert missing.status_code == HTTPStatus.BAD_REQUEST
    assert "This field is required" in missing.text
    reply_post.refresh_from_db()
    assert not reply_post.is_hidden and log_actions() == []

    response = client.post(url, {"action": "hide", "reason": "Leerling herkenbaar"})
    assert response.status_code == HTTPStatus.FOUND
    reply_post.refresh_from_db()
    report.refresh_from_db()
    assert reply_post.is_hidden
    assert report.resolved_by == moderator
    entry = ModerationLog.objects.get()
    assert (entry.action, entry.actor, entry.post, entry.target_user, entry.reason) == (
        ModerationAction.HIDE_POST,
        moderator,
        reply_post,
        member,
        "Leerling herkenbaar",
    )

    client.force_login(other_member)
    page = in_english(client.get, thread.get_absolute_url())
    assert "Geheim detail" not in page.text
    assert "A moderator hid this message." in page.text
    client.force_login(moderator)
    page = client.get(thread.get_absolute_url())
    assert "Geheim detail" in page.text

    again = in_english(client.post, url, {"action": "hide", "reason": "Nog eens"})
    assert again.status_code == HTTPStatus.BAD_REQUEST
    assert "already hidden" in again.text
    assert ModerationLog.objects.count() == 1

    # The button under the hidden post restores it; a reason is optional.
    restored = client.post(url, {"action": "restore"})
    assert restored.status_code == HTTPStatus.FOUND
    reply_post.refresh_from_db()
    assert not reply_post.is_hidden
    assert log_actions() == ["hide_post", "restore_post"]


def test_hidden_thread_is_for_moderators_only(
    client, thread, other_member, moderator, reply_post
):
    Report.objects.create(post=reply_post, reporter=other_member, reason="Spam")
    moderation.hide_thread(moderator, thread, reason="Spam")
    assert not Report.objects.filter(resolved_at__isnull=True).exists()
    client.force_login(other_member)
    assert client.get(thread.get_absolute_url()).status_code == HTTPStatus.FORBIDDEN
    client.force_login(moderator)
    assert client.get(thread.get_absolute_url()).status_code == HTTPStatus.OK
    moderation.restore_thread(moderator, thread)
    client.force_login(other_member)
    assert client.get(thread.get_absolute_url()).status_code == HTTPStatus.OK
    assert log_actions() == ["hide_thread", "restore_thread"]


# Lock, pin, move, merge ------------------------------------------------------


def test_locking_needs_a_reason_and_stops_replies(
    client, thread, other_member, moderator
):
    url = reverse("forums:moderate_thread", args=[thread.pk])
    client.force_login(moderator)
    missing = in_english(client.post, url, {"action": "lock", "lock-reason": ""})
    assert missing.status_code == HTTPStatus.BAD_REQUEST
    assert 'id="id_lock-reason_error"' in missing.text, "the error is at the field"
    assert 'role="alert"' in missing.text
    thread.refresh_from_db()
    assert not thread.is_locked

    response = client.post(url, {"action": "lock", "lock-reason": "Loopt uit de hand"})
    assert response.status_code == HTTPStatus.FOUND
    thread.refresh_from_db()
    assert thread.is_locked
    assert ModerationLog.objects.get().reason == "Loopt uit de hand"

    with pytest.raises(ForumError) as error:
        services.reply(other_member, thread, body="Toch nog iets")
    assert error.value.code == "locked"
    services.reply(moderator, thread, body="Moderators kunnen nog reageren.")

    client.post(url, {"action": "unlock", "lock-reason": "Weer rustig"})
    thread.refresh_from_db()
    assert not thread.is_locked
    services.reply(other_member, thread, body="Dank!")
    assert log_actions() == ["lock", "unlock"]


def test_pinned_thread_comes_first(client, make_thread, category, member, moderator):
    old = make_thread(category, title="Oude mededeling")
    new = make_thread(category, title="Nieuwe vraag")
    Thread.objects.filter(pk=old.pk).update(
        last_post_at=timezone.now() - datetime.timedelta(days=30)
    )
    client.force_login(member)
    listed = client.get(category.get_absolute_url()).context["threads"]
    assert [t.pk for t in listed] == [new.pk, old.pk]

    moderation.pin_thread(moderator, old, reason="Huisregels")
    listed = client.get(category.get_absolute_url()).context["threads"]
    assert [t.pk for t in listed] == [old.pk, new.pk]
    with pytest.raises(ForumError) as error:
        moderation.pin_thread(moderator, old)
    assert error.value.code == "already-pinned"


def test_move_to_a_closed_group(client, thread, category, group, member, moderator):
    url = reverse("forums:moderate_thread", args=[thread.pk])
    client.force_login(moderator)
    same = client.post(
        url, {"action": "move", "move-place": f"c-{category.pk}", "move-reason": "x"}
    )
    assert same.status_code == HTTPStatus.BAD_REQUEST, "the current place is no choice"
    response = client.post(
        url,
        {"action": "move", "move-place": f"g-{group.pk}", "move-reason": "Hoort daar"},
    )
    assert response.status_code == HTTPStatus.FOUND
    thread.refresh_from_db()
    assert (thread.category, thread.group) == (None, group)
    assert ModerationLog.objects.get().action == ModerationAction.MOVE

    client.force_login(member)  # the author, but not in the group
    assert client.get(thread.get_absolute_url()).status_code == HTTPStatus.FORBIDDEN

    with pytest.raises(ForumError) as error:
        moderation.move_thread(moderator, thread, group, reason="Nog eens")
    assert error.value.code == "same-place"


def test_merge_appends_posts_in_order_and_redirects(
    client, make_thread, category, member, other_member, moderator
):
    target = make_thread(category, title="Time-outs", replies=2)
    source = make_thread(category, title="Time-out ruimte", replies=1)
    Subscription.objects.create(user=other_member, thread=source)
    source_posts = list(
        source.posts.order_by("created_at").values_list("pk", flat=True)
    )
    url = reverse("forums:moderate_thread", args=[source.pk])
    client.force_login(moderator)

    itself = in_english(
        client.post,
        url,
        {"action": "merge", "merge-target": source.pk, "merge-reason": "Dubbel"},
    )
    assert itself.status_code == HTTPStatus.BAD_REQUEST
    assert "cannot be merged into itself" in itself.text
    missing = client.post(
        url, {"action": "merge", "merge-target": target.pk, "merge-reason": ""}
    )
    assert missing.status_code == HTTPStatus.BAD_REQUEST

    response = client.post(
        url, {"action": "merge", "merge-target": target.pk, "merge-reason": "Dubbel"}
    )
    assert response.status_code == HTTPStatus.FOUND
    target.refresh_from_db()
    source.refresh_from_db()
    assert source.merged_into == target
    assert target.post_count == 5
    positions = list(target.posts.order_by("position").values_list("position", "pk"))
    assert [p for p, _ in positions] == [1, 2, 3, 4, 5]
    assert [pk for _, pk in positions[3:]] == source_posts
    assert target.last_post_at == Post.objects.get(pk=source_posts[-1]).created_at
    assert not source.posts.exists()
    assert Subscription.objects.filter(user=other_member, thread=target).exists()
    entry = ModerationLog.objects.get()
    assert (entry.action, entry.thread, entry.reason) == ("merge", source, "Dubbel")

    redirect = client.get(source.get_absolute_url())
    assert redirect.status_code == HTTPStatus.FOUND
    assert redirect.url == target.get_absolute_url()
    assert source not in Thread.objects.filter(pk__in=[source.pk]).filter(
        merged_into__isnull=True
    )


# Suspensions --------------------------------------------------------------


def test_suspension_stops_posting_until_the_end_date(client, thread, member, moderator):
    url = reverse("forums:suspend_member", args=[member.pk])
    client.force_login(moderator)
    missing = in_english(client.post, url, {"days": 3, "reason": ""})
    assert missing.status_code == HTTPStatus.BAD_REQUEST
    assert "This field is required" in missing.text
    response = client.post(url, {"days": 3, "reason": "Herhaaldelijk onbeleefd"})
    assert response.status_code == HTTPStatus.FOUND
    suspension = Suspension.objects.get()
    assert suspension.user == member and suspension.by == moderator
    expected = timezone.now() + datetime.timedelta(days=3)
    assert abs(suspension.until - expected) < datetime.timedelta(minutes=1)
    entry = ModerationLog.objects.get()
    assert (entry.action, entry.target_user, entry.reason) == (
        "suspend",
        member,
        "Herhaaldelijk onbeleefd",
    )
    with pytest.raises(ForumError) as error:
        moderation.suspend_member(moderator, member, days=5, reason="Nog eens")
    assert error.value.code == "already-suspended"

    with override("en"), pytest.raises(ForumError) as error:
        services.reply(member, thread, body="Mag dit nog?")
    assert error.value.code == "suspended"
    end = timezone.localtime(suspension.until).strftime("%d-%m-%Y %H:%M")
    assert end in str(error.value.message)
    with override("en"):
        notice = suspension_notice(current_suspension(member))
    assert end in notice and "Herhaaldelijk onbeleefd" in notice

    client.force_login(member)
    reply = in_english(
        client.post,
        reverse("forums:reply", args=[thread.pk]),
        {"body": "Via de pagina"},
    )
    assert reply.status_code == HTTPStatus.BAD_REQUEST
    assert end in reply.text
    assert thread.posts.count() == 3

    Suspension.objects.update(until=timezone.now() - datetime.timedelta(seconds=1))
    services.reply(member, thread, body="Weer welkom")
    assert thread.posts.count() == 4


# The log ------------------------------------------------------------------


def test_log_lists_actions_with_who_and_why(client, thread, reply_post, moderator):
    moderation.lock_thread(moderator, thread, reason="Afgerond onderwerp")
    moderation.hide_post(moderator, reply_post, reason="Privégegevens")
    client.force_login(moderator)
    response = in_english(client.get, reverse("forums:moderation_log"))
    assert response.status_code == HTTPStatus.OK
    text = response.text
    assert "Locked a thread" in text and "Hid a post" in text
    assert "Afgerond onderwerp" in text and "Privégegevens" in text
    assert "Mo Moderator" in text
    assert text.index("Hid a post") < text.index("Locked a thread"), "newest first"


# Two moderators at once ------------------------------------------------------


def _at_once(*calls):
    """Run the calls on their own threads and connections, released together;
    returns "ok" or the ForumError code of each."""
    start = threading.Barrier(len(calls))
    outcomes = []

    def run(call):
        try:
            start.wait(timeout=30)
            call()
            outcomes.append("ok")
        except ForumError as error:
            outcomes.append(error.code)
        finally:
            connections.close_all()

    workers = [threading.Thread(target=run, args=(call,)) for call in calls]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=60)
    return sorted(outcomes)


SAME_ACTION = {
    "hide a post": (
        lambda mod, w: moderation.hide_post(mod, w["post"], reason="Privé"),
        "already-hidden",
    ),
    "close a report": (
        lambda mod, w: moderation.resolve_report(mod, w["report"], reason="Ok"),
        "already-resolved",
    ),
    "lock a thread": (
        lambda mod, w: moderation.lock_thread(mod, w["thread"], reason="Klaar"),
        "already-locked",
    ),
    "merge a thread": (
        lambda mod, w: moderation.merge_threads(
            mod, w["source"], w["thread"], reason="Dubbel"
        ),
        "merged",
    ),
    "suspend a member": (
        lambda mod, w: moderation.suspend_member(
            mod, w["author"], days=2, reason="Onbeleefd"
        ),
        "already-suspended",
    ),
}


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("scenario", list(SAME_ACTION))
def test_two_moderators_do_the_same_thing_at_once(
    scenario, make_thread, category, member, other_member, moderator, second_moderator
):
    thread = make_thread(category, replies=2)
    source = make_thread(category, title="Dubbele vraag", replies=1)
    post = thread.posts.get(position=2)
    world = {
        "thread": thread,
        "source": source,
        "post": post,
        "author": member,
        "report": Report.objects.create(post=post, reporter=other_member, reason="!"),
    }
    action, already = SAME_ACTION[scenario]

    outcomes = _at_once(
        lambda: action(moderator, world), lambda: action(second_moderator, world)
    )

    assert outcomes == sorted(["ok", already])
    assert ModerationLog.objects.count() == 1
    thread.refresh_from_db()
    assert list(
        thread.posts.order_by("position").values_list("position", flat=True)
    ) == list(range(1, thread.post_count + 1))
    assert Suspension.objects.count() == (1 if scenario == "suspend a member" else 0)


@pytest.mark.django_db(transaction=True)
def test_two_merges_in_opposite_directions_do_not_deadlock(
    make_thread, category, moderator, second_moderator
):
    first = make_thread(category, title="Eerste", replies=1)
    second = make_thread(category, title="Tweede", replies=2)

    outcomes = _at_once(
        lambda: moderation.merge_threads(moderator, first, second, reason="Dubbel"),
        lambda: moderation.merge_threads(
            second_moderator, second, first, reason="Dubbel"
        ),
    )

    assert outcomes == ["ok", "target-merged"]
    assert ModerationLog.objects.count() == 1
    kept = Thread.objects.get(merged_into__isnull=True)
    assert kept.post_count == 5
    assert list(kept.posts.values_list("position", flat=True)) == [1, 2, 3, 4, 5]
