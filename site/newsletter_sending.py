"""Sending an issue: a delivery row for every recipient, made in the
transaction that starts the sending, then batches run by the worker. Each
delivery is claimed under a row lock (skipped by other workers while held),
sent, and marked sent in one transaction; a batch ends after
NEWSLETTER_BATCH_SIZE messages and queues the next one, paced to
NEWSLETTER_PER_MINUTE. A worker stopped halfway (it finishes the message in
hand on SIGTERM) leaves the rest waiting for the next batch, so everyone gets
the issue once and nobody twice."""

import datetime
import logging
import smtplib

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.db.models import Count
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from network.background import (
    PASSING_FAILURES,
    enqueue,
    queues_in_the_database,
    retry_wait,
)

from .models.newsletter import (
    DeliveryStatus,
    MemberNewsletterChoice,
    NewsletterAudience,
    NewsletterDelivery,
    NewsletterIssue,
    Subscriber,
)
from .newsletter import recipients, render_issue, unsubscribe_url

logger = logging.getLogger(__name__)
# The unsubscribe address differs per recipient; the rest of a message does not.
PLACEHOLDER = "https://unsubscribe.invalid/TOKEN"


class NotReady(Exception):
    """The issue cannot be sent; the message says why, for the editor."""


def start_sending(issue: NewsletterIssue) -> int:
    """Make the deliveries and queue the first batch, once per issue."""
    with transaction.atomic():
        issue = NewsletterIssue.objects.select_for_update().get(pk=issue.pk)
        if not issue.live or issue.has_unpublished_changes:
            raise NotReady(_("Publish the issue first: what is sent is what is live."))
        if issue.sending_started_at is not None:
            raise NotReady(_("This issue is being sent or was sent already."))
        rows = [
            NewsletterDelivery(
                issue=issue, email=email, user_id=user_id, language=language or "nl"
            )
            for email, user_id, language in recipients(issue)
            if email
        ]
        if issue.audience == NewsletterAudience.PUBLIC:
            for row in rows:
                row.user_id = None  # a subscriber's number, not an account
        NewsletterDelivery.objects.bulk_create(
            rows, batch_size=1000, ignore_conflicts=True
        )
        issue.sending_started_at = timezone.now()
        issue.save(update_fields=["sending_started_at"])
        # Queued with the rows: both are there, or neither.
        enqueue(send_newsletter_batch, issue.pk)
    return len(rows)


def continue_sending() -> int:
    """Queue a batch for every issue with deliveries still waiting and none
    queued; for a worker that was killed outright (SIGKILL), whose running
    task nobody will finish. Another batch next to a live one is harmless:
    they skip each other's locked rows."""
    waiting = (
        NewsletterDelivery.objects.filter(status=DeliveryStatus.PENDING)
        .values_list("issue_id", flat=True)
        .distinct()
    )
    for issue_id in waiting:
        enqueue(send_newsletter_batch, issue_id)
    return len(waiting)


def start_scheduled(now=None) -> int:
    """Start the published issues whose moment has come."""
    now = now or timezone.now()
    due = NewsletterIssue.objects.live().filter(
        send_at__lte=now, sending_started_at__isnull=True
    )
    started = 0
    for issue in due:
        try:
            start_sending(issue)
            started += 1
        except NotReady as reason:
            logger.warning("Scheduled issue %s not sent: %s", issue.pk, reason)
    return started


class _Messages:
    """An issue's message per language, rendered once per batch."""

    def __init__(self, issue):
        self.issue = issue
        self.rendered = {}

    def for_delivery(self, delivery) -> EmailMultiAlternatives:
        language = delivery.language or "nl"
        if language not in self.rendered:
            self.rendered[language] = render_issue(
                self.issue, unsubscribe_url=PLACEHOLDER, language=language
            )
        html, text = self.rendered[language]
        link = unsubscribe_url(delivery.email, self.issue.audience)
        message = EmailMultiAlternatives(
            subject=self.issue.title,
            body=text.replace(PLACEHOLDER, link),
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[delivery.email],
            headers={
                # RFC 8058: one click in the mail program unsubscribes.
                "List-Unsubscribe": f"<{link}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                "List-Id": f"{self.issue.get_audience_display()} <nieuwsbrief.lecso>",
            },
        )
        message.attach_alternative(html.replace(PLACEHOLDER, link), "text/html")
        return message


def _leave_out_the_unsubscribed(issue) -> None:
    """Those who left the list since the issue started sending get nothing.
    Asked from their side (a handful, by the moment they left), not by
    scanning the waiting deliveries: once per batch, over 100,000 rows, that
    made a send slow down as it went."""
    since = issue.sending_started_at
    if since is None:
        return
    waiting = NewsletterDelivery.objects.filter(
        issue=issue, status=DeliveryStatus.PENDING
    )
    if issue.audience == NewsletterAudience.PUBLIC:
        gone = list(
            Subscriber.objects.filter(unsubscribed_at__gte=since).values_list(
                "email", flat=True
            )
        )
        waiting = waiting.filter(email__in=gone)
    else:
        gone = list(
            MemberNewsletterChoice.objects.filter(
                receives=False, changed_at__gte=since
            ).values_list("user_id", flat=True)
        )
        waiting = waiting.filter(user_id__in=gone)
    if gone:
        waiting.update(status=DeliveryStatus.UNSUBSCRIBED)


def _send_one(issue, messages, connection) -> bool | None:
    """Claim, send and mark one waiting delivery: True when one was handled,
    None when none waits. A passing failure (the mail server) leaves the row
    waiting and is raised to the caller."""
    with transaction.atomic():
        delivery = (
            NewsletterDelivery.objects.select_for_update(skip_locked=True)
            .filter(issue=issue, status=DeliveryStatus.PENDING)
            .order_by("pk")
            .first()
        )
        if delivery is None:
            return None
        try:
            connection.send_messages([messages.for_delivery(delivery)])
        except smtplib.SMTPRecipientsRefused as refused:
            delivery.status = DeliveryStatus.FAILED
            delivery.error = str(refused)[:300]
        else:
            delivery.status = DeliveryStatus.SENT
            delivery.sent_at = timezone.now()
        delivery.save(update_fields=["status", "sent_at", "error"])
    return True


def _finish_if_done(issue) -> bool:
    if NewsletterDelivery.objects.filter(
        issue=issue, status=DeliveryStatus.PENDING
    ).exists():
        return False
    NewsletterIssue.objects.filter(
        pk=issue.pk, sending_finished_at__isnull=True
    ).update(sending_finished_at=timezone.now())
    return True


@task()
def send_newsletter_batch(issue_id: int, failures: int = 0) -> int:
    issue = NewsletterIssue.objects.get(pk=issue_id)
    messages = _Messages(issue)
    started = timezone.now()
    handled = 0
    _leave_out_the_unsubscribed(issue)
    connection = get_connection(fail_silently=False)
    try:
        while handled < settings.NEWSLETTER_BATCH_SIZE or not queues_in_the_database():
            if _send_one(issue, messages, connection) is None:
                _finish_if_done(issue)
                return handled
            handled += 1
    except PASSING_FAILURES as error:
        if failures + 1 >= settings.TASK_ATTEMPTS:
            logger.error(
                "Newsletter %s stopped: %s; resume it from its page", issue_id, error
            )
            raise
        wait = retry_wait(failures + 1)
        logger.warning("Newsletter %s paused %s: %s", issue_id, wait, error)
        send_newsletter_batch.using(run_after=timezone.now() + wait).enqueue(
            issue_id, failures=failures + 1
        )
        return handled
    finally:
        connection.close()
    # More to send: the next batch, no sooner than the rate allows.
    pause = datetime.timedelta(0)
    if settings.NEWSLETTER_PER_MINUTE:
        pause = datetime.timedelta(minutes=handled / settings.NEWSLETTER_PER_MINUTE)
    send_newsletter_batch.using(run_after=started + pause).enqueue(issue_id)
    return handled


@task()
def send_test(issue_id: int, user_id: int) -> None:
    """The issue as its list will get it, to the editor alone."""
    from django.contrib.auth import get_user_model

    issue = NewsletterIssue.objects.get(pk=issue_id)
    user = get_user_model().objects.get(pk=user_id)
    html, text = render_issue(
        issue,
        unsubscribe_url=unsubscribe_url(user.email, issue.audience),
        language=user.preferred_language or "nl",
    )
    with translation.override(user.preferred_language or "nl"):
        subject = _("[Test] %(title)s") % {"title": issue.title}
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[user.email],
    )
    message.attach_alternative(html, "text/html")
    message.send()


def progress(issue: NewsletterIssue) -> dict:
    counts = dict(
        NewsletterDelivery.objects.filter(issue=issue)
        .values_list("status")
        .annotate(n=Count("pk"))
    )
    since = issue.sending_started_at
    if since is None:
        gone = 0
    elif issue.audience == NewsletterAudience.PUBLIC:
        gone = Subscriber.objects.filter(unsubscribed_at__gte=since).count()
    else:
        gone = MemberNewsletterChoice.objects.filter(
            receives=False, changed_at__gte=since
        ).count()
    return {
        "total": sum(counts.values()),
        "sent": counts.get(DeliveryStatus.SENT, 0),
        "waiting": counts.get(DeliveryStatus.PENDING, 0),
        "failed": counts.get(DeliveryStatus.FAILED, 0),
        "skipped": counts.get(DeliveryStatus.UNSUBSCRIBED, 0),
        "unsubscribed_since": gone,
    }
