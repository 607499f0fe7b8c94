"""Run once a day (cron or a scheduler): reminds everyone with a seat for a
meeting that starts tomorrow. Safe to run twice: nobody is reminded twice."""

import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from events.models import Registration
from events.models.registrations import SEATED
from events.tasks import send_reminder


def due_reminders(now=None):
    today = timezone.localdate(now or timezone.now())
    tomorrow = today + datetime.timedelta(days=1)
    return Registration.objects.filter(
        status__in=SEATED,
        reminded_at__isnull=True,
        event__start__date=tomorrow,
        event__live=True,
    )


class Command(BaseCommand):
    help = "E-mail a reminder to everyone with a seat for a meeting tomorrow."

    def handle(self, *args, **options):
        ids = list(due_reminders().values_list("pk", flat=True))
        for pk in ids:
            send_reminder.enqueue(pk)
        self.stdout.write(f"Queued {len(ids)} reminders.")
