"""Daily: one e-mail per person who chose a digest, with every notification
they have not read and were not mailed about yet. Run it from cron or a
scheduler once a day; a run that comes late, or twice, mails each notification
once (see network.notifications.claim_digest)."""

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from network.notifications import claim_digest, digest_candidates, mark_emailed
from network.tasks import _send


class Command(BaseCommand):
    help = "E-mail a digest of unread notifications to people who chose one."

    def handle(self, *args, **options):
        sent = 0
        now = timezone.now()
        recipients = (
            digest_candidates(now)
            .order_by("recipient_id")
            .values_list("recipient_id", flat=True)
            .distinct()
        )
        for recipient_id in list(recipients):
            # One transaction per person: the claim, the e-mail and the mark
            # stand or fall together, and one failing address does not undo
            # the digests already sent.
            with transaction.atomic():
                items = claim_digest(recipient_id, now)
                if not items:
                    continue  # another run has them
                user = items[0].recipient
                _send(
                    "digest",
                    {"user": user, "notifications": items},
                    user.email,
                    user.preferred_language,
                    name=user.name_for_others(),
                )
                mark_emailed(items, now)
            sent += 1
        self.stdout.write(f"{sent} digest(s) sent.")
