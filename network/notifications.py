"""The inbox every app writes to: notify(), mark as read, e-mail now or as a
daily digest, and a live unread count for the person's open pages.

A notification is pushed over the channel layer only after the transaction that
made it commits, so a page never counts something that was rolled back.
"""

import datetime

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction
from django.utils import timezone

from .models import Notification


def group_name(user_id: int) -> str:
    return f"meldingen.{user_id}"


def notify(
    recipient,
    *,
    kind: str,
    title: str,
    body: str = "",
    url: str = "",
    email: bool = True,
) -> Notification:
    """`email=False` when the caller sends its own e-mail about the same thing,
    so nobody gets two mails for one event."""
    notification = Notification.objects.create(
        recipient=recipient,
        kind=kind,
        title=title[:200],
        body=body[:2000],
        url=url,
        # Mailed by the caller already: keeps it out of the daily digest too.
        emailed_at=None if email else timezone.now(),
    )
    preference = recipient.email_notifications if email else "never"

    def after_commit():
        push_unread_count(recipient.pk)
        if preference == "instant":
            from .tasks import send_notification_email

            send_notification_email.enqueue(notification.pk)

    transaction.on_commit(after_commit)
    return notification


def unread_count(user_id: int) -> int:
    return Notification.objects.unread().filter(recipient_id=user_id).count()


def push_unread_count(user_id: int) -> None:
    layer = get_channel_layer()
    if layer is None:
        return
    async_to_sync(layer.group_send)(
        group_name(user_id),
        {"type": "notification.count", "unread": unread_count(user_id)},
    )


def mark_read(user, notification_ids=None) -> int:
    """Mark the user's notifications read: the given ones, or all."""
    unread = Notification.objects.unread().filter(recipient=user)
    if notification_ids is not None:
        unread = unread.filter(pk__in=notification_ids)
    changed = unread.update(read_at=timezone.now())
    if changed:
        transaction.on_commit(lambda: push_unread_count(user.pk))
    return changed


def digest_candidates(now=None):
    """Users who chose a daily digest and have unread, un-mailed notifications
    from the last day."""
    now = now or timezone.now()
    since = now - datetime.timedelta(days=1)
    return (
        Notification.objects.unread()
        .filter(
            emailed_at__isnull=True,
            created_at__gte=since,
            recipient__email_notifications="daily",
            recipient__is_active=True,
        )
        .select_related("recipient")
        .order_by("recipient_id", "created_at")
    )
