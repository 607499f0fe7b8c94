"""Counting searches for the editors' report: the query and whether it found
anything, per day. No person, session or address is kept. Queries that look
like a personal number or an e-mail address are not kept at all."""

import re
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from .models import QueryStat

# An e-mail address, or seven digits or more with anything but letters between
# them (spaces, dots, dashes, slashes, commas, underscores): a phone number, a
# BSN, a student number, however it is written.
PERSONAL = re.compile(r"@|\d(?:[\W_]*\d){6,}")


def normalise(query: str) -> str:
    return " ".join(query.lower().split())[:100]


def record(query: str, found: int) -> None:
    query = normalise(query)
    if not query or PERSONAL.search(query):
        return
    today = timezone.localdate()
    changes = {"searches": F("searches") + 1}
    if not found:
        changes["zero_results"] = F("zero_results") + 1
    if QueryStat.objects.filter(day=today, query=query).update(**changes):
        return
    try:
        with transaction.atomic():
            QueryStat.objects.create(
                day=today, query=query, searches=1, zero_results=0 if found else 1
            )
    except IntegrityError:  # someone else counted the first one a moment ago
        QueryStat.objects.filter(day=today, query=query).update(**changes)
        return
    # The first search of a day clears what is older than the keeping period.
    if not QueryStat.objects.filter(day=today).exclude(query=query).exists():
        keep_from = today - timedelta(days=settings.SEARCH_LOG_DAYS)
        QueryStat.objects.filter(day__lt=keep_from).delete()
