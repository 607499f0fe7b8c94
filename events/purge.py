"""Removing attendee data of meetings that ended long enough ago.

What stays is a count per status on the event page (purged_summary), so the
association still knows how well a meeting was attended, without knowing who."""

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from .models import EventPage


def purge_after_months() -> int:
    return getattr(settings, "EVENTS_PURGE_AFTER_MONTHS", 12)


def cutoff(months: int, now=None) -> datetime.datetime:
    # A month is taken as 30 days: the retention period is a policy, not a date.
    return (now or timezone.now()) - datetime.timedelta(days=30 * months)


def purgeable(months: int, now=None):
    return EventPage.objects.filter(
        end__lt=cutoff(months, now), purged_at__isnull=True
    ).order_by("end")


@transaction.atomic
def purge_event(event: EventPage) -> dict:
    summary = dict(
        event.registrations.values_list("status").annotate(n=Count("pk")).order_by()
    )
    event.registrations.all().delete()
    event.organiser_messages.all().delete()
    # Written with update() so no new page revision or search reindex is needed.
    now = timezone.now()
    EventPage.objects.filter(pk=event.pk).update(purged_at=now, purged_summary=summary)
    event.purged_at, event.purged_summary = now, summary
    return summary


def purge(months: int | None = None, now=None) -> list[tuple[EventPage, dict]]:
    months = purge_after_months() if months is None else months
    return [(event, purge_event(event)) for event in purgeable(months, now)]
