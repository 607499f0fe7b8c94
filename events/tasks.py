"""E-mail about registrations, through Django's Tasks API. Each message goes
out in the language the person registered in, and the ones that give a seat
carry the personal calendar file."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils import timezone, translation

from network.background import retried_task
from network.mail import render_email

# Kinds of message that give the person a seat, so they get the calendar file.
WITH_CALENDAR = {"confirmed", "promoted", "reminder"}


def _email(template: str, context: dict, to: str, language: str, ics=None) -> None:
    from .ics import ics_filename

    subject, body = render_email(
        f"events/email/{template}",
        context,
        language,
        name=context["registration"].name
        if "registration" in context
        else context.get("name", ""),
    )
    message = EmailMessage(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
    )
    if ics is not None:
        message.attach(
            ics_filename(context["event"]), ics, "text/calendar; method=PUBLISH"
        )
    message.send()


def _context(registration) -> dict:
    from .links import registration_url

    event = registration.event
    return {
        "registration": registration,
        "event": event,
        "sessions": list(registration.sessions.all()),
        "manage_url": registration_url(registration),
        "page_url": event.get_full_url(),
    }


@retried_task
def send_registration_email(registration_id: int, kind: str) -> None:
    from .ics import registration_ics
    from .models import Registration, Status

    registration = Registration.objects.select_related("event").get(pk=registration_id)
    if kind == "moved":
        if registration.status == Status.CONFIRMED:
            kind = "promoted"
        elif registration.status == Status.WAITING:
            kind = "moved_to_waiting"
        else:
            return
    seat = kind in WITH_CALENDAR and registration.has_seat
    _email(
        kind,
        _context(registration),
        registration.email,
        registration.language,
        ics=registration_ics(registration) if seat else None,
    )


@retried_task
def send_reminder(registration_id: int) -> None:
    """The day-before reminder; sent once, and only to people with a seat."""
    from .ics import registration_ics
    from .models import Registration

    registration = Registration.objects.select_related("event").get(pk=registration_id)
    if registration.reminded_at or not registration.has_seat:
        return
    _email(
        "reminder",
        _context(registration),
        registration.email,
        registration.language,
        ics=registration_ics(registration),
    )
    registration.reminded_at = timezone.now()
    registration.save(update_fields=["reminded_at"])


@retried_task
def send_visitor_confirmation(
    token: str, email: str, name: str, event_id: int, language: str
) -> None:
    from django.urls import reverse

    from .links import absolute
    from .models import EventPage

    event = EventPage.objects.get(pk=event_id)
    with translation.override(language):
        url = absolute(reverse("events:confirm_visitor", args=[token]))
    _email(
        "visitor_confirm",
        {"event": event, "name": name, "confirm_url": url},
        email,
        language,
    )


@retried_task
def send_organiser_message(message_id: int) -> None:
    from .models import OrganiserMessage, Status

    message = OrganiserMessage.objects.select_related("event").get(pk=message_id)
    recipients = message.event.registrations.filter(
        status__in=[Status.CONFIRMED, Status.ATTENDED]
    ).select_related("event")
    for registration in recipients:
        _email(
            "organiser_message",
            {**_context(registration), "message": message},
            registration.email,
            registration.language,
        )
