"""The forums' part in a person's data export and account deletion: posts stay
readable for the colleagues who learnt from them, with the author anonymised."""

from django.dispatch import receiver

from network.privacy import account_deleted, register_exporter

from .models import GroupMembership, Post, Reaction, ReadState, Subscription, Thread


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
            }
            for p in Post.objects.filter(author=user).select_related("thread")
        ],
        "groups": [
            {"group": m.group.name, "status": m.status}
            for m in GroupMembership.objects.filter(user=user).select_related("group")
        ],
    }


@receiver(account_deleted)
def anonymise_forum_posts(sender, user, **kwargs):
    Post.objects.filter(author=user).update(author=None)
    Thread.objects.filter(author=user).update(author=None)
    for model in (GroupMembership, Subscription, ReadState, Reaction):
        model.objects.filter(user=user).delete()


register_exporter("forums", export_forum_data)
