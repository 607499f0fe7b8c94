"""Deletes attendee data (names, addresses, answers) of meetings that ended
more than N months ago; a count per status stays on the event."""

from django.core.management.base import BaseCommand

from events.purge import purge, purge_after_months, purgeable


class Command(BaseCommand):
    help = "Remove attendee data of meetings that ended long ago."

    def add_arguments(self, parser):
        parser.add_argument(
            "--months",
            type=int,
            default=None,
            help="Age in months (default: EVENTS_PURGE_AFTER_MONTHS, 12).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Only list what would go."
        )

    def handle(self, *args, months=None, dry_run=False, **options):
        months = purge_after_months() if months is None else months
        if dry_run:
            for event in purgeable(months):
                self.stdout.write(f"Would purge: {event.title} ({event.end:%Y-%m-%d})")
            return
        done = purge(months)
        for event, summary in done:
            self.stdout.write(f"Purged: {event.title} {summary}")
        self.stdout.write(f"Purged attendee data of {len(done)} meetings.")
