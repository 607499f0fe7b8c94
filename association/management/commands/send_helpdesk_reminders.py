"""manage.py send_helpdesk_reminders: remind the adviser of each helpdesk
question that has waited longer than HELPDESK_REMINDER_WORKING_DAYS for an
answer (run daily from cron, see the README)."""

from django.core.management.base import BaseCommand

from association.tasks import send_helpdesk_reminders


class Command(BaseCommand):
    help = "Remind advisers of helpdesk questions waiting too long for an answer."

    def handle(self, *args, **options):
        result = send_helpdesk_reminders.enqueue()
        self.stdout.write(f"Reminders queued ({result.id}).")
