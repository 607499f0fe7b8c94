"""Reading a thread: its page (a range of post positions), and the catch-up
answer an open page asks for when it missed a live message (live.py). Both
show posts the same way to the same reader, from one context."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import (
    BooleanField,
    CharField,
    Count,
    IntegerField,
    OuterRef,
    Subquery,
    Value,
)
from django.db.models.expressions import RawSQL
from django.http import Http404, HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404, redirect, resolve_url
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from wagtail import hooks

from network.models import Affiliation, Profile, School
from network.pagination import page_of
from network.query_params import int_param

from . import app_settings, services
from .forms import PostForm
from .models import (
    POSTS_PER_PAGE,
    Post,
    PostRevision,
    Reaction,
    ReadState,
    Subscription,
    Thread,
)
from .permissions import (
    can_accept_answer,
    can_view_thread,
    is_moderator,
    know_reader,
    write_refusal,
)
from .rendering import author_profile, render_for_reader
from .text import quote


class PostsByPosition:
    """A thread's posts as a sequence Django's Paginator can page without
    counting rows or skipping an offset: its length is the thread's post
    count, and a slice is a range of positions, one index lookup, so page 250
    of a 5,000-post thread costs what page 1 does."""

    def __init__(self, thread, *, for_moderator: bool):
        self.thread = thread
        self.for_moderator = for_moderator

    def count(self) -> int:
        return self.thread.post_count

    def __len__(self) -> int:
        return self.thread.post_count

    def __getitem__(self, window: slice) -> list:
        # Ordered and limited, so PostgreSQL walks the (thread, position) index:
        # it counts most of the table as having a position up to 20 (most
        # threads are short), and without the limit planned page 1 of a long
        # thread as one join over every member (7 ms instead of 0.3).
        posts = _posts(
            self.thread, self.for_moderator, position__gt=window.start
        ).order_by("position")
        return with_shown_parts(posts[: window.stop - window.start])


UNSHOWN_OF_AUTHORS = [
    *(
        f"author__{name}"
        for name in ("password", "last_login", "is_superuser", "username", "email")
        + ("is_staff", "date_joined", "preferred_language", "email_notifications")
    ),
    *(
        f"author__profile__{name}"
        for name in ("bio", "search_text", "school_type", "languages", "created_at")
        + ("open_for_questions", "open_for_visit", "open_for_talk")
    ),
]


# The author's first school, shown beside their name: asked per post inside
# the posts' statement (an index lookup each) rather than in a second query.
# Written out, as the ORM's subquery cost more to build than to run; the
# profile is the one the posts' statement joins for select_related.
_FIRST_SCHOOL = (
    f"SELECT school.name FROM {Affiliation._meta.db_table} AS affiliation "
    f"JOIN {School._meta.db_table} AS school ON school.id = affiliation.school_id "
    f"WHERE affiliation.profile_id = {Profile._meta.db_table}.id "
    "ORDER BY affiliation.id LIMIT 1"
)


def _posts(thread, for_moderator: bool, **filters):
    """Posts of `thread` with their authors, in a fixed number of queries
    however many there are; with_shown_parts adds the rest they show. Only a
    moderator is shown whether a post has earlier versions."""
    posts = (
        Post.objects.filter(thread=thread, **filters)
        # The authors' photos are loaded by forums.rendering, and only for the
        # posts it has to render: most come from the cache.
        .select_related("author__profile")
        # What a post on the page never shows: the Markdown source, and of
        # its author all but their name, profile and whether the account is
        # open. Fewer columns make each of the page's objects cheaper to build.
        .defer("body", *UNSHOWN_OF_AUTHORS)
        .annotate(author_school=RawSQL(_FIRST_SCHOOL, [], CharField()))
    )
    if not for_moderator:
        return posts.annotate(revision_count=Value(0))
    return posts.annotate(
        revision_count=Subquery(
            PostRevision.objects.filter(post=OuterRef("pk"))
            .order_by()
            .values("post")
            .annotate(count=Count("pk"))
            .values("count")
        )
    )


def with_shown_parts(posts) -> list:
    """The posts, each author's profile with the name of their first school
    (asked with the posts, see _posts). The attachments and photos, shown
    only in the cached part of a post, are loaded by forums.rendering for the
    posts it did not find in the cache."""
    posts = list(posts)
    for post in posts:
        profile = author_profile(post)
        if profile is not None:
            profile.first_school_name = post.author_school or ""
    return posts


def _reader_context(request, thread, posts) -> dict:
    """What templates/forums/includes/post.html needs to show `posts` to this
    reader: their own buttons, marks and rights."""
    user = request.user
    helpful = set()
    if user.is_authenticated:
        helpful = set(
            Reaction.objects.filter(
                user=user, post_id__in=[p.pk for p in posts]
            ).values_list("post_id", flat=True)
        )
    refusal = write_refusal(user, thread.place, thread)
    return {
        "thread": thread,
        "place": thread.place,
        "helpful": helpful,
        "may_reply": refusal is None,
        "refusal": refusal,
        "is_moderator": is_moderator(user),
        "may_accept": can_accept_answer(user, thread),
        "user_id": user.pk if user.is_authenticated else None,
    }


def _with_reader_state(threads, user):
    """The reader's read state and whether they follow the thread, asked with
    the thread itself rather than in two more queries. Written out: built as
    the ORM's subqueries, the three cost 0.9 ms of Python a page, more than
    the whole statement takes in the database."""
    thread = Thread._meta.db_table
    read = ReadState._meta.db_table
    state = f"FROM {read} WHERE {read}.user_id = %s AND {read}.thread_id = {thread}.id"
    follows = (
        f"EXISTS (SELECT 1 FROM {Subscription._meta.db_table} AS followed "
        f"WHERE followed.user_id = %s AND followed.thread_id = {thread}.id)"
    )
    return threads.annotate(
        reader_state_pk=RawSQL(f"SELECT {read}.id {state}", [user.pk], IntegerField()),
        reader_position=RawSQL(
            f"SELECT {read}.last_read_position {state}", [user.pk], IntegerField()
        ),
        reader_follows=RawSQL(follows, [user.pk], BooleanField()),
    )


_ACCEPTED_POSITION = (
    f"SELECT accepted.position FROM {Post._meta.db_table} AS accepted "
    f"WHERE accepted.id = {Thread._meta.db_table}.accepted_post_id"
)


def thread(request, pk, slug=None):
    # Few joins: with eight tables PostgreSQL spent 2 ms planning this one
    # statement, longer than running it. A merged thread's target is loaded
    # only in that rare case.
    threads = Thread.objects.select_related("category", "group").annotate(
        accepted_position=RawSQL(_ACCEPTED_POSITION, [], IntegerField())
    )
    know_reader(request.user)
    if request.user.is_authenticated:
        threads = _with_reader_state(threads, request.user)
    thread = get_object_or_404(threads, pk=pk)
    # A merged thread points to its target: only someone who may read both is
    # sent there, so the redirect never names a thread the reader may not see.
    target = thread
    if thread.merged_into_id:
        target = Thread.objects.select_related("category", "group").get(
            pk=thread.merged_into_id
        )
    if not (
        can_view_thread(request.user, thread) and can_view_thread(request.user, target)
    ):
        if request.user.is_authenticated:
            raise PermissionDenied
        return redirect(f"{resolve_url(settings.LOGIN_URL)}?next={request.path}")
    if target is not thread:
        return redirect(target)
    user = request.user
    last_read, state = 0, None
    if user.is_authenticated:
        if thread.reader_state_pk is not None:
            state = ReadState(
                pk=thread.reader_state_pk,
                user=user,
                thread=thread,
                last_read_position=thread.reader_position,
            )
        last_read = state.last_read_position if state else 0
        if "ongelezen" in request.GET:
            first_unread = min(last_read + 1, thread.post_count)
            page = (first_unread - 1) // POSTS_PER_PAGE + 1
            query = f"?pagina={page}" if page > 1 else ""
            return redirect(
                f"{thread.get_absolute_url()}{query}#bericht-{first_unread}"
            )
    page = page_of(
        PostsByPosition(thread, for_moderator=is_moderator(user)),
        request.GET.get("pagina"),
        POSTS_PER_PAGE,
    )
    page.param = "pagina"
    posts = page.object_list
    if user.is_authenticated and posts:
        services.mark_read(user, thread, posts[-1].position, state=state)
    context = _reader_context(request, thread, posts)
    refusal = context.pop("refusal")
    form = None
    if context["may_reply"]:
        initial = {}
        cite = int_param(request.GET, "citeer")
        if cite is not None:
            quoted = Post.objects.filter(
                thread=thread, position=cite, is_hidden=False
            ).first()
            if quoted:
                initial["body"] = quote(quoted)
        form = PostForm(initial=initial)
    return TemplateResponse(
        request,
        "forums/thread.html",
        {
            **context,
            "posts": posts,
            "shown": render_for_reader(posts, thread, context, request),
            "posts_page": page,
            "posts_per_page": POSTS_PER_PAGE,
            "last_read": last_read,
            "form": form,
            "following": user.is_authenticated and thread.reader_follows,
            "actions": _thread_actions(request, thread),
            "accepted_url": _accepted_url(thread),
            "suspension_notice": (
                refusal.message if refusal and refusal.code == "suspended" else ""
            ),
        },
    )


def _accepted_url(thread) -> str:
    """The link to a solved thread's accepted answer: all the page shows of
    it, from its position (asked with the thread), not the whole post."""
    if thread.accepted_post_id is None:
        return ""
    return Post(thread=thread, position=thread.accepted_position).get_absolute_url()


@never_cache
def catch_up(request, pk):
    """GET forum/draad/<pk>/bijwerken/?versie=N: the thread's posts changed
    after version N, as {"version", "post_count", "posts": [{"position",
    "version", "html"}], "more"}, in version order and rendered for this
    reader as the thread page renders them. Asked by an open page that saw a
    gap in the versions, a newer ping or a reconnect. The same permission
    question as the page; a page further behind than
    FORUMS_CATCH_UP_LIMIT changes gets no posts and "more": true, and offers
    a reload."""
    thread = get_object_or_404(
        Thread.objects.select_related("category", "group"), pk=pk
    )
    if thread.merged_into_id:
        raise Http404
    if not can_view_thread(request.user, thread):
        raise PermissionDenied
    since = int_param(request.GET, "versie")
    if since is None:
        return HttpResponseBadRequest("versie: a whole number is needed")
    limit = app_settings.catch_up_limit()
    posts = with_shown_parts(
        _posts(thread, is_moderator(request.user), version__gt=since).order_by(
            "version"
        )[: limit + 1]
    )
    more = len(posts) > limit
    if more:
        posts = []
    context = _reader_context(request, thread, posts)
    context.pop("refusal")
    return JsonResponse(
        {
            "version": thread.version,
            "post_count": thread.post_count,
            "more": more,
            "posts": [
                {
                    "position": post.position,
                    "version": post.version,
                    "html": html,
                }
                for post, html in render_for_reader(posts, thread, context, request)
            ],
        }
    )


def _thread_actions(request, thread) -> list[dict]:
    """Buttons other apps offer on a thread page through the Wagtail hook
    `forums_thread_actions`: a function `(request, thread) -> dict | None`
    whose dict has a `label` and a `url` to POST to (the site turns a solved
    helpdesk question into a draft knowledge article)."""
    offers = (
        offer(request, thread) for offer in hooks.get_hooks("forums_thread_actions")
    )
    return [action for action in offers if action]
