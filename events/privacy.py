"""The events app's part in a person's data export and account deletion."""

from django.dispatch import receiver
from django.utils import timezone

from network.privacy import account_deleted

from .exports import readable_answers
from .models import ACTIVE, EventOrganiser, OrganiserMessage, Registration


def export_registrations(user) -> list:
    registrations = Registration.objects.filter(user=user).select_related("event")
    return [
        {
            "event": r.event.title,
            "starts": r.event.start.isoformat(),
            "status": r.status,
            "registered_at": r.created_at.isoformat(),
            "name": r.name,
            "email": r.email,
            "sessions": [s.title for s in r.sessions.all()],
            "answers": dict(readable_answers(r, r.event.questions.all())),
        }
        for r in registrations
    ]


def export_organising(user) -> dict:
    """The meetings the person runs, and the messages they sent to attendees
    (not who received them: that is each attendee's own data)."""
    return {
        "organiser_of": [
            {
                "event": o.event.title,
                "starts": o.event.start.isoformat(),
                "role": o.role,
            }
            for o in EventOrganiser.objects.filter(user=user).select_related("event")
        ],
        "messages_to_attendees": [
            {
                "event": m.event.title,
                "subject": m.subject,
                "body": m.body,
                "sent_at": m.created_at.isoformat(),
                "recipients": m.recipient_count,
            }
            for m in OrganiserMessage.objects.filter(sender=user)
            .select_related("event")
            .order_by("created_at")
        ],
    }


@receiver(account_deleted)
def forget_registrations(sender, user, **kwargs):
    """Upcoming seats go to the waiting list's next person; past registrations
    keep only that someone came, not who."""
    from .services import cancel

    now = timezone.now()
    mine = Registration.objects.filter(user=user)
    for registration in mine.filter(status__in=ACTIVE, event__end__gte=now):
        cancel(registration, quiet=True)
    for registration in mine:
        registration.name = "—"
        registration.email = f"verwijderd-{registration.pk}@example.invalid"
        registration.answers = {}
        registration.user = None
        registration.save(update_fields=["name", "email", "answers", "user"])
