"""The inbox every app writes to: notify(), mark as read, e-mail now or as a
daily digest, and a live unread count for the person's open pages.

A notification is pushed over the channel layer only after the transaction that
made it commits, so a page never counts something that was rolled back.
"""

import datetime
import logging

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from .background import enqueue
from .models import Notification
from .models.messages import ACTOR

logger = logging.getLogger(__name__)


def group_name(user_id: int) -> str:
    return f"meldingen.{user_id}"


def title_with_actor(template: str, **values) -> str:
    """`template % values` for a notification about a person (notify(actor=)):
    the template's `%(name)s` becomes the placeholder for the actor's name,
    which is rendered when the notification is shown. A placeholder character
    typed into one of `values` (a subject, a thread title) is dropped, so only
    the template decides where the name goes."""
    clean = {key: str(value).replace(ACTOR, "") for key, value in values.items()}
    return template % {**clean, "name": ACTOR}


def notify(
    recipient,
    *,
    kind: str,
    title: str,
    body: str = "",
    url: str = "",
    email: bool = True,
    actor=None,
) -> Notification:
    """Put a line in `recipient`'s inbox and e-mail it as they chose.

    `actor` is the person the notification is about, when there is one; the
    title then names them through title_with_actor(), never as text, so their
    name goes with them when they delete their account. `email=False` when the
    caller sends its own e-mail about the same thing, so nobody gets two mails
    for one event."""
    notification = Notification.objects.create(
        recipient=recipient,
        actor=actor,
        kind=kind,
        title=title[:200],
        body=body[:2000],
        url=url,
        # Mailed by the caller already: keeps it out of the daily digest too.
        emailed_at=None if email else timezone.now(),
    )
    preference = recipient.email_notifications if email else "never"

    if preference == "instant":
        from .tasks import send_notification_email

        # In this transaction: no e-mail for a rolled-back change.
        enqueue(send_notification_email, notification.pk)
    transaction.on_commit(lambda: push_unread_count(recipient.pk), robust=True)
    return notification


# Every page a member opens shows their unread count: it is kept in the cache
# and forgotten whenever it changes (push_unread_count runs after each commit
# that adds or reads a notification); the expiry bounds any other change.
UNREAD_CACHE_SECONDS = 5 * 60


def _unread_key(user_id: int) -> str:
    return f"notifications:unread:{user_id}"


def unread_count(user_id: int) -> int:
    key = _unread_key(user_id)
    count = cache.get(key)
    if count is None:
        count = Notification.objects.unread().filter(recipient_id=user_id).count()
        cache.set(key, count, UNREAD_CACHE_SECONDS)
    return count


def push_unread_count(user_id: int) -> None:
    """Tell the person's open pages their unread count. A courtesy: it runs
    after the change committed, so a channel layer that is down (Redis
    restarting) is logged, never an error for whoever caused the change; the
    pages show the right count when next loaded."""
    cache.delete(_unread_key(user_id))
    layer = get_channel_layer()
    if layer is None:
        return
    message = {"type": "notification.count", "unread": unread_count(user_id)}
    try:
        async_to_sync(layer.group_send)(group_name(user_id), message)
    except Exception:  # noqa: BLE001 - any transport failure, see docstring
        logger.warning("Unread count not pushed to open pages", exc_info=True)


def mark_read(user, notification_ids=None) -> int:
    """Mark the user's notifications read: the given ones, or all."""
    unread = Notification.objects.unread().filter(recipient=user)
    if notification_ids is not None:
        unread = unread.filter(pk__in=notification_ids)
    changed = unread.update(read_at=timezone.now())
    if changed:
        transaction.on_commit(lambda: push_unread_count(user.pk))
    return changed


# How far back a digest reaches. Nothing is lost when the job runs late: every
# unread, un-mailed notification waits for the next digest, however long ago the
# last one ran. But someone who switches from "never" to the digest chose not to
# be mailed until then; a year of what they left unread is not what they asked
# for, and two weeks also covers a digest job that was down for days. (Without
# a record of when the choice changed, an age cap is the honest rule.)
DIGEST_MAX_AGE = datetime.timedelta(days=14)


def digest_candidates(now=None):
    """Unread, un-mailed notifications of active people who chose a daily
    digest, up to DIGEST_MAX_AGE old, per recipient in the order they came."""
    now = now or timezone.now()
    return (
        Notification.objects.unread()
        .filter(
            emailed_at__isnull=True,
            created_at__gte=now - DIGEST_MAX_AGE,
            recipient__email_notifications="daily",
            recipient__is_active=True,
        )
        .order_by("recipient_id", "created_at", "pk")
    )


def claim_digest(recipient_id: int, now=None) -> list[Notification]:
    """Lock and return `recipient_id`'s notifications for a digest. Call inside
    the transaction that sends the digest and then marks them (mark_emailed),
    so a failed send leaves them for the next run and a second run at the same
    time never gets them too: on PostgreSQL it skips rows this run has locked
    and, once this run commits, finds them mailed; on SQLite the IMMEDIATE
    transaction makes the second run wait for this one to commit."""
    return list(
        digest_candidates(now)
        .filter(recipient_id=recipient_id)
        .select_related("recipient", "actor__profile")
        .select_for_update(skip_locked=True, of=("self",))
    )


def mark_emailed(notifications, now=None) -> None:
    Notification.objects.filter(pk__in=[n.pk for n in notifications]).update(
        emailed_at=now or timezone.now()
    )
