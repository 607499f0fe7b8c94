"""manage.py send_newsletters: start the published issues whose moment has
come, and go on with any sending a killed worker left halfway (run every few
minutes from cron; see the README)."""

from django.core.management.base import BaseCommand

from lecso_site.newsletter_sending import continue_sending, start_scheduled


class Command(BaseCommand):
    help = "Start scheduled newsletter issues and resume interrupted sending."

    def handle(self, *args, **options):
        started = start_scheduled()
        resumed = continue_sending()
        self.stdout.write(f"Issues started: {started}; sendings resumed: {resumed}.")
