"""Limits counted in the database over sliding windows (network.ratelimit.
over_limits), as the forum and the questions to experts use them."""

import datetime

import pytest
from django.utils import timezone

from network.models import Notification
from network.ratelimit import over_limits

pytestmark = pytest.mark.django_db


def test_within_the_limit_then_told_when_one_more_may_go(django_user_model):
    user = django_user_model.objects.create_user(username="a", email="a@x.nl")
    now = timezone.now()
    for minutes_ago in (50, 30, 10):
        note = Notification.objects.create(recipient=user, kind="t", title="t")
        Notification.objects.filter(pk=note.pk).update(
            created_at=now - datetime.timedelta(minutes=minutes_ago)
        )
    rows = Notification.objects.filter(recipient=user)
    hour = datetime.timedelta(hours=1)
    assert over_limits(rows, [(hour, 4)], now=now) is None
    limited = over_limits(rows, [(hour, 3)], now=now)
    # The oldest of the three (50 minutes ago) leaves the hour in 10 minutes.
    assert limited is not None and limited.retry_after == 600
    limited = over_limits(rows, [(hour, 2)], now=now)
    assert limited.retry_after == 30 * 60, "two must leave; the second in 30 min"
    assert over_limits(rows, [(datetime.timedelta(minutes=20), 2)], now=now) is None
