"""Telling people about new posts, through the network inbox (which e-mails
at once or in the daily digest, as each person chose)."""

from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task


@task()
def notify_about_post(post_id: int, new_thread: bool = False) -> None:
    from django.db.models import Q

    from network.notifications import notify, title_with_actor

    from .models import Post, Subscription
    from .permissions import can_view_thread
    from .text import mentioned_profiles

    post = Post.objects.select_related("thread", "author").get(pk=post_id)
    thread = post.thread
    if post.is_hidden or thread.is_hidden:
        return
    told = {post.author_id}
    url = post.get_absolute_url()
    for profile in mentioned_profiles(post.body):
        user = profile.user
        if user.pk in told or not can_view_thread(user, thread):
            continue
        told.add(user.pk)
        with translation.override(user.preferred_language):
            title = title_with_actor(
                _("%(name)s mentioned you in “%(thread)s”"), thread=thread.title
            )
        notify(
            user,
            kind="forum_mention",
            title=title,
            body=post.body[:300],
            url=url,
            actor=post.author,
        )

    place = Q(thread=thread)
    if thread.category_id:
        place |= Q(category_id=thread.category_id)
    else:
        place |= Q(group_id=thread.group_id)
    subscribers = Subscription.objects.filter(place).select_related("user")
    for subscription in subscribers:
        user = subscription.user
        if user.pk in told or not user.is_active or not can_view_thread(user, thread):
            continue
        told.add(user.pk)
        with translation.override(user.preferred_language):
            title = (
                _("New thread: %(thread)s")
                if new_thread
                else _("New reply in “%(thread)s”")
            ) % {"thread": thread.title}
        notify(user, kind="forum_post", title=title, body=post.body[:300], url=url)
