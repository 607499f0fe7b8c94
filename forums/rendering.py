"""What every reader sees of a post, its header, text and attachments, is
rendered once for each version of all it shows and kept in the cache. The
buttons and marks of one reader (templates/forums/includes/post.html) go
around it; the whole post is cached again under those buttons, which most
readers share.

A page of twenty posts asks the cache twice and renders only the posts it did
not find there."""

import hashlib
import secrets

from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.db.models import prefetch_related_objects
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe

from network.permissions import can_view_profile

from .models import Attachment

CACHE_SECONDS = 3600


def author_profile(post):
    return getattr(post.author, "profile", None) if post.author_id else None


def _key(post, thread, profile, language: str) -> str:
    """Everything the shared part shows, so that any change to it (an edit,
    a reaction, the accepted answer, the author's name, role or school, who
    may see the author's profile) is a new key and the old entry is never
    read again."""
    parts = (
        post.thread_id,
        post.position,
        post.version,
        post.helpful_count,
        post.edited_at,
        post.is_hidden,
        post.body_shown,
        thread.accepted_post_id == post.pk,
        post.author_visible,
        language,
        str(post.author_name),
        profile.updated_at if profile else None,
        profile.first_school_name if post.author_visible else "",
    )
    digest = hashlib.md5(repr(parts).encode(), usedforsecurity=False).hexdigest()
    return f"forum:post:{post.pk}:{digest}"


def _shared_key(post, thread, viewer, *, is_moderator: bool) -> str:
    """The cache key of what `viewer` sees of `post` alike with others, after
    deciding what that is: the author's profile or not, the text or not."""
    profile = author_profile(post)
    post.author_visible = profile is not None and can_view_profile(viewer, profile)
    post.body_shown = not post.is_hidden or is_moderator
    post.shared_key = _key(post, thread, profile, translation.get_language())
    return post.shared_key


def attach_shared_html(posts, thread, viewer, *, is_moderator: bool):
    """Give each of `posts` (of `thread`) its `shared_html` as `viewer` may
    see it: the author's profile link, role, school and photo only when the
    viewer may see that profile, and a hidden post's text only to moderators.
    No viewer is anyone (a live post sent to every open page)."""
    if not posts:
        return posts
    viewer = viewer or AnonymousUser()
    wanted = {
        _shared_key(post, thread, viewer, is_moderator=is_moderator): post
        for post in posts
    }
    found = cache.get_many(list(wanted))
    _load_shown_parts([post for key, post in wanted.items() if key not in found])
    rendered = {}
    for key, post in wanted.items():
        html = found.get(key)
        if html is None:
            html = render_to_string(
                "forums/includes/post_shared.html",
                {
                    "post": post,
                    "thread": thread,
                    "author_profile": author_profile(post),
                    "viewer": viewer,
                },
            )
            rendered[key] = html
        post.shared_html = mark_safe(html)  # noqa: S308 - rendered by our template
    if rendered:
        cache.set_many(rendered, CACHE_SECONDS)
    return posts


def _load_shown_parts(posts) -> None:
    """What only the shared part shows, for the posts about to be rendered:
    attachments in one query, and the authors' photo renditions."""
    if not posts:
        return
    attachments: dict[int, list] = {post.pk: [] for post in posts}
    for attachment in Attachment.objects.filter(post__in=list(attachments)):
        attachments[attachment.post_id].append(attachment)
    for post in posts:
        post.shown_attachments = attachments[post.pk]
    prefetch_related_objects(posts, "author__profile__photo__renditions")


def render_for_reader(posts, thread, context: dict, request) -> list[tuple]:
    """(post, html) for each of `posts`: the whole post
    (templates/forums/includes/post.html) as the reader of `context`
    (thread_views._reader_context) sees it.

    A post looks the same to every reader with the same buttons, so it is
    kept in the cache under its shared part's key and those buttons; most
    readers of a page share every entry. The forms' CSRF token is the one
    thing of this reader inside: the cached text is kept split where it
    goes, at a mark chosen at random for each render, so no post's own text
    can be taken for it."""
    language = translation.get_language()
    viewer = request.user
    wanted = {}
    for post in posts:
        shared_key = _shared_key(
            post, thread, viewer, is_moderator=context["is_moderator"]
        )
        buttons = (
            shared_key,
            language,
            context["may_reply"],
            context["is_moderator"],
            context["may_accept"],
            bool(context["is_moderator"] and post.revision_count),
            post.author_id == context["user_id"] if context["user_id"] else None,
            post.pk in context["helpful"],
        )
        digest = hashlib.md5(repr(buttons).encode(), usedforsecurity=False)
        wanted[f"forum:post-for:{post.pk}:{digest.hexdigest()}"] = post
    found = cache.get_many(list(wanted))
    missing = {key: post for key, post in wanted.items() if key not in found}
    # Only posts not found whole need their shared part, itself often cached.
    attach_shared_html(
        list(missing.values()), thread, viewer, is_moderator=context["is_moderator"]
    )
    rendered = {}
    for key, post in missing.items():
        mark = secrets.token_hex(16)
        html = render_to_string(
            "forums/includes/post.html",
            {**context, "post": post, "csrf_token": mark},
        )
        found[key] = rendered[key] = html.split(mark)
    if rendered:
        cache.set_many(rendered, CACHE_SECONDS)
    token = get_token(request)
    return [
        (post, mark_safe(token.join(found[key])))  # noqa: S308 - our template
        for key, post in wanted.items()
    ]
