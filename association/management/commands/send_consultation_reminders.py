"""manage.py send_consultation_reminders: tell members who have not answered
that a consultation closes soon (run daily from cron, see the README)."""

from django.core.management.base import BaseCommand

from association.tasks import send_consultation_reminders


class Command(BaseCommand):
    help = "Remind members who have not answered a consultation that closes soon."

    def handle(self, *args, **options):
        result = send_consultation_reminders.enqueue()
        self.stdout.write(f"Reminders queued ({result.id}).")
