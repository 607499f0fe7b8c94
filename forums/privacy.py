"""The forums' part in a person's data export and account deletion: posts stay
readable for the colleagues who learnt from them, with the author anonymised."""

from django.dispatch import receiver

from network.privacy import account_deleted

from .models import (
    GroupMembership,
    Post,
    Reaction,
    ReadState,
    Report,
    Subscription,
    Suspension,
    Thread,
)


def export_forum_data(user) -> dict:
    return {
        "threads": [
            {"title": t.title, "created_at": t.created_at.isoformat()}
            for t in Thread.objects.filter(author=user)
        ],
        "posts": [
            {
                "thread": p.thread.title,
                "position": p.position,
                "created_at": p.created_at.isoformat(),
                "body": p.body,
                "attachments": [
                    {"name": a.name, "size": a.size} for a in p.attachments.all()
                ],
                # What the post said before each edit (the moderators see it).
                "earlier_versions": [
                    {"body": r.body, "replaced_at": r.created_at.isoformat()}
                    for r in p.revisions.all()
                ],
            }
            for p in Post.objects.filter(author=user)
            .select_related("thread")
            .prefetch_related("attachments", "revisions")
        ],
        "groups": [
            {"group": m.group.name, "status": m.status}
            for m in GroupMembership.objects.filter(user=user).select_related("group")
        ],
        "following": [
            _followed(s)
            for s in Subscription.objects.filter(user=user)
            .select_related("thread", "category", "group")
            .order_by("created_at", "pk")
        ],
        "helpful_marks": [
            {**_post_reference(r.post), "marked_at": r.created_at.isoformat()}
            for r in Reaction.objects.filter(user=user)
            .select_related("post__thread")
            .order_by("created_at", "pk")
        ],
        "read_up_to": [
            {"thread": r.thread.title, "last_read_position": r.last_read_position}
            for r in ReadState.objects.filter(user=user).select_related("thread")
        ],
        # Which moderator suspended them is the moderator's data, as below.
        "suspensions": [
            {
                "until": s.until.isoformat(),
                "reason": s.reason,
                "created_at": s.created_at.isoformat(),
            }
            for s in Suspension.objects.filter(user=user).order_by("created_at")
        ],
        # Who handled a report is the moderator's data, not the reporter's.
        "reports_filed": [
            {
                **_post_reference(r.post),
                "reason": r.reason,
                "created_at": r.created_at.isoformat(),
                "resolved": r.resolved_at is not None,
                "resolved_at": r.resolved_at.isoformat() if r.resolved_at else None,
            }
            for r in Report.objects.filter(reporter=user)
            .select_related("post__thread")
            .order_by("created_at", "pk")
        ],
    }


def _followed(subscription: Subscription) -> dict:
    place = subscription.thread or subscription.category or subscription.group
    if subscription.thread_id:
        kind, name = "thread", subscription.thread.title
    elif subscription.category_id:
        kind, name = "category", subscription.category.name
    else:
        kind, name = "group", subscription.group.name
    return {
        "kind": kind,
        "name": name,
        "address": place.get_absolute_url(),
        "since": subscription.created_at.isoformat(),
    }


def _post_reference(post: Post) -> dict:
    return {
        "thread": post.thread.title,
        "position": post.position,
        "address": post.get_absolute_url(),
    }


@receiver(account_deleted)
def anonymise_forum_posts(sender, user, **kwargs):
    Post.objects.filter(author=user).update(author=None)
    Thread.objects.filter(author=user).update(author=None)
    for model in (GroupMembership, Subscription, ReadState, Reaction):
        model.objects.filter(user=user).delete()
