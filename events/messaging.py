"""Telling people what happened to their registration: an e-mail in their own
language (through the Tasks API) and, for members, a line in their inbox.

Called inside the service's transaction; the e-mail is queued only once that
transaction commits."""

from django.utils import translation
from django.utils.translation import gettext as _

from network.background import enqueue
from network.notifications import notify

# Changes that a member also finds in their inbox: the ones they did not make.
INBOX_KINDS = {"promoted", "moved", "cancelled_by_organiser"}


def announce(registration, kind: str, *, by=None) -> None:
    if kind == "cancelled" and by is not None and by.pk != registration.user_id:
        kind = "cancelled_by_organiser"
    if registration.user_id and kind in INBOX_KINDS:
        _to_inbox(registration, kind)

    from .tasks import send_registration_email

    enqueue(send_registration_email, registration.pk, kind)


def _to_inbox(registration, kind: str) -> None:
    from .links import registration_url

    user = registration.user
    event = registration.event
    with translation.override(user.preferred_language or registration.language):
        titles = {
            "promoted": _("A seat came free: you are now registered for %(event)s"),
            "moved": _("Your registration for %(event)s was changed: %(status)s"),
            "cancelled_by_organiser": _(
                "The organiser cancelled your registration for %(event)s"
            ),
        }
        title = titles[kind] % {
            "event": event.title,
            "status": registration.get_status_display(),
        }
    notify(
        user,
        kind=f"event_{kind}",
        title=title,
        url=registration_url(registration),
        email=False,
    )


def notify_attendees(message, registrations) -> None:
    """An organiser's message reaches members' inboxes too."""
    for registration in registrations:
        if registration.user_id is None:
            continue
        user = registration.user
        with translation.override(user.preferred_language or registration.language):
            title = _("Message about %(event)s: %(subject)s") % {
                "event": message.event.title,
                "subject": message.subject,
            }
        notify(
            user,
            kind="event_message",
            title=title,
            body=message.body[:300],
            email=False,
        )
