"""manage.py purge_helpdesk_cases: delete helpdesk questions closed longer
than HELPDESK_PURGE_AFTER_MONTHS ago, with their files (run daily from cron,
see the README). Knowledge articles made of them stay."""

from django.core.management.base import BaseCommand

from association.tasks import purge_helpdesk_cases


class Command(BaseCommand):
    help = "Delete helpdesk questions closed longer ago than the set months."

    def handle(self, *args, **options):
        result = purge_helpdesk_cases.enqueue()
        self.stdout.write(f"Purge queued ({result.id}).")
