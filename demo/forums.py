"""Demo forum for `seed_demo`: categories per cluster and focus area, a helpdesk,
a public category, a closed working group, and threads between colleagues of
the demo schools.

Everything is written through forums.services with its rules in force (who may
write where, the BSN guard, the rate limits). Each post is dated back once it
is written, so the forum reads as weeks of conversation rather than one
minute's; dated back, nobody's posts fall inside a rate-limit window. The
authors' accounts are dated back to before their first post to match."""

import datetime
import re
from collections.abc import Sequence

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group as AuthGroup
from django.contrib.auth.models import Permission
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from demo import sector, sector_words
from demo.forum_threads import CATEGORIES, GROUP, HELPDESK_USERNAME
from demo.forum_threads import THREADS as COLLEAGUE_THREADS
from forums import services
from forums.models import (
    Category,
    Group,
    GroupMembership,
    MembershipStatus,
    Post,
    Thread,
)
from network.models import Cluster, Profile

MODERATORS_GROUP = "Forummoderatoren"


THREADS = [*COLLEAGUE_THREADS, *sector.THREADS, *sector_words.THREADS]
# Teachers write before school, at lunch, after school and in the evening.
FIRST_POST_HOURS = [(7, 45), (12, 20), (15, 50), (16, 30), (20, 10), (21, 5)]
EARLIEST, LATEST = 7, 22
MENTION = re.compile(r"@\{([\w-]+)\}")


def seed_forums(
    people: Sequence[Profile] | None = None, moderators: Sequence = ()
) -> int:
    """Create the demo forum once; returns threads created.

    `people` are the demo profiles who write (by default the ones
    `seed_network` made); a thread or reply whose author is not among them is
    left out. `moderators` (users) join the forum moderators' group, which
    holds the forums.moderate permission. Does nothing when any category
    exists already."""
    if Category.objects.exists():
        return 0
    if people is None:
        people = Profile.objects.filter(
            user__username__startswith="demo-"
        ).select_related("user")
    users = {p.user.username: p.user for p in people}
    slugs = {p.user.username: p.slug for p in people}
    # Notifications for replies and mentions are part of the demo; the
    # e-mails they would send are not (committed, and so sent, inside the
    # override).
    with (
        override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"),
        transaction.atomic(),
    ):
        _moderators(moderators)
        users[HELPDESK_USERNAME] = _helpdesk_staff()
        places = {f"c:{c.slug}": c for c in _categories()}
        group = _group(users)
        places[f"g:{group.slug}"] = group
        now = timezone.now()
        _date_accounts_back(users, now)
        created = 0
        for data in THREADS:
            if data["author"] in users:
                _thread(data, places[data["place"]], users, slugs, now)
                created += 1
    return created


def _moderators(users) -> None:
    moderate = Permission.objects.get(
        content_type__app_label="forums", codename="moderate"
    )
    group, _ = AuthGroup.objects.get_or_create(name=MODERATORS_GROUP)
    group.permissions.add(moderate)
    for user in users:
        user.groups.add(group)


def _helpdesk_staff():
    """A member of the association's staff, who answers the helpdesk."""
    User = get_user_model()
    user = User.objects.filter(username=HELPDESK_USERNAME).first()
    if user is None:
        user = User.objects.create_user(
            HELPDESK_USERNAME,
            "helpdesk@example.org",
            None,
            first_name="Marloes",
            last_name="Verbeek",
            is_staff=True,
        )
    return user


def _categories() -> list[Category]:
    clusters = {c.number: c for c in Cluster.objects.all()}
    return Category.objects.bulk_create(
        Category(
            slug=slug,
            name=name,
            description=description,
            cluster=clusters.get(cluster),
            is_helpdesk=helpdesk,
            visible_to_visitors=public,
            position=position,
        )
        for position, (slug, name, description, cluster, helpdesk, public) in enumerate(
            CATEGORIES
        )
    )


def _group(users) -> Group:
    group = Group.objects.create(
        slug=GROUP["slug"], name=GROUP["name"], description=GROUP["description"]
    )
    for username, manager in GROUP["members"]:
        if username in users:
            GroupMembership.objects.create(
                group=group,
                user=users[username],
                status=MembershipStatus.ACTIVE,
                is_manager=manager,
            )
    from forums.membership import ask_to_join

    for username in GROUP["requested"]:
        if username in users:
            ask_to_join(users[username], group)
    return group


def _date_accounts_back(users, now) -> None:
    """The writers' accounts are older than their first post: people who have
    written for weeks are past the new-account rate limits."""
    writers = {data["author"] for data in THREADS} | {
        username for data in THREADS for username, _hours, _body in data["replies"]
    }
    first = max(data["days_ago"] for data in THREADS)
    joined = now - datetime.timedelta(days=first + 60)
    writers = [users[name] for name in writers if name in users]
    get_user_model().objects.filter(
        pk__in=[u.pk for u in writers], date_joined__gt=joined
    ).update(date_joined=joined)
    for user in writers:
        user.date_joined = min(user.date_joined, joined)


def _thread(data: dict, place, users, slugs, now) -> Thread:
    def text(body: str) -> str:
        return MENTION.sub(lambda m: f"@{slugs.get(m.group(1), m.group(1))}", body)

    hour, minute = (
        data.get("at") or FIRST_POST_HOURS[len(data["title"]) % len(FIRST_POST_HOURS)]
    )
    at = timezone.localtime(now - datetime.timedelta(days=data["days_ago"]))
    at = min(at.replace(hour=hour, minute=minute, second=0, microsecond=0), now)
    thread = services.start_thread(
        users[data["author"]],
        place,
        title=data["title"],
        body=text(data["body"]),
        kind=data["kind"],
    )
    opening = thread.posts.get()
    _date_back(opening, at)
    Thread.objects.filter(pk=thread.pk).update(created_at=at)
    replies = {}
    for number, (username, hours, body) in enumerate(data["replies"], start=1):
        if username not in users:
            continue
        # Never later than now: the newest demo reply was just written.
        at = min(_waking_hours(at + datetime.timedelta(hours=hours)), now)
        post = services.reply(users[username], thread, body=text(body))
        _date_back(post, at)
        replies[number] = post
    Thread.objects.filter(pk=thread.pk).update(last_post_at=at)
    for number, username in data.get("helpful", []):
        if number in replies and username in users:
            services.toggle_helpful(users[username], replies[number])
    if data.get("accepted") in replies:
        services.accept_answer(users[data["author"]], replies[data["accepted"]])
    return thread


def _waking_hours(at: datetime.datetime) -> datetime.datetime:
    """The time, or the next morning's when it falls in the night."""
    if at.hour >= LATEST:
        at += datetime.timedelta(days=1)
    if at.hour >= LATEST or at.hour < EARLIEST:
        at = at.replace(hour=EARLIEST)
    return at


def _date_back(post: Post, at: datetime.datetime) -> None:
    Post.objects.filter(pk=post.pk).update(created_at=at)
    post.created_at = at
