"""Daily: one e-mail per person who chose a digest, with the day's unread
notifications. Run it from cron or a scheduler once a day."""

from itertools import groupby

from django.core.management.base import BaseCommand
from django.utils import timezone

from network.notifications import digest_candidates
from network.tasks import _send


class Command(BaseCommand):
    help = "E-mail a daily digest of unread notifications to people who chose one."

    def handle(self, *args, **options):
        sent = 0
        now = timezone.now()
        for user, items in groupby(digest_candidates(now), key=lambda n: n.recipient):
            items = list(items)
            _send(
                "digest",
                {"user": user, "notifications": items},
                user.email,
                user.preferred_language,
            )
            type(items[0]).objects.filter(pk__in=[n.pk for n in items]).update(
                emailed_at=now
            )
            sent += 1
        self.stdout.write(f"{sent} digest(s) sent.")
