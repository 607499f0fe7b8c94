"""The public side of events: the event page with its registration form, a
visitor's address confirmation, and the personal registration page that the
e-mails link to (see, cancel and download it, without logging in)."""

from django.conf import settings
from django.contrib import messages
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language, ngettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from network.ratelimit import Limited, count_attempt, refuse

from . import links
from .exports import readable_answers
from .forms import RegistrationForm
from .ics import ics_filename, registration_ics
from .models import ACTIVE, Audience, EventPage, EventSession, Status
from .permissions import can_manage, may_register, visible_organisers
from .services import (
    RegistrationError,
    register,
    require_open,
    seats_left,
    session_seats_left,
)

# A visitor's address gets at most this many confirmation e-mails an hour.
VISITOR_MAILS_PER_ADDRESS = "5/h"
REGISTRATIONS_FROM_YOUR_NETWORK = ngettext_lazy(
    "Many registrations were sent from your network in a short time. Please try "
    "again in %(minutes)s minute.",
    "Many registrations were sent from your network in a short time. Please try "
    "again in %(minutes)s minutes.",
    "minutes",
)


def _own_registration(request, event):
    user = request.user
    if not user.is_authenticated:
        return None
    return (
        event.registrations.filter(status__in=ACTIVE)
        .filter(Q(user=user) | Q(email__iexact=user.email))
        .first()
    )


def event_page(request, event: EventPage):
    state = event.registration_state()
    allowed = may_register(request.user, event)
    own = _own_registration(request, event)
    visitor = not request.user.is_authenticated
    session_free = session_seats_left(event) if event.rounds else {}
    form = None
    status = 200
    limited = None
    if request.method == "POST":
        if not allowed:
            messages.error(
                request,
                _(
                    "This meeting is for members of the network only. "
                    "Sign in to register."
                ),
            )
            status = 403
        elif own is not None:
            messages.info(request, _("You are registered for this event already."))
            return redirect(links.registration_path(own))
        else:
            form = RegistrationForm(
                request.POST, event=event, visitor=visitor, session_free=session_free
            )
            if form.is_valid() and visitor:
                try:
                    require_open(event)
                except RegistrationError as error:
                    messages.error(request, error.message)
                    form, status = None, 409
                else:
                    limited = _count_visitor(request, form)
                    if limited is None:
                        return _ask_visitor_to_confirm(request, event, form)
            elif form.is_valid():
                try:
                    registration = register(
                        event,
                        name=request.user.name_for_others(request.user.email),
                        email=request.user.email,
                        user=request.user,
                        answers=form.answers(),
                        sessions=form.sessions(),
                        language=get_language(),
                    )
                except RegistrationError as error:
                    if error.code in ("not-open", "closed"):
                        messages.error(request, error.message)
                        form = None
                    else:
                        form.add_registration_error(error)
                    status = 409
                else:
                    messages.success(request, _status_message(registration))
                    return redirect(links.registration_path(registration))
            else:
                status = 400
    if form is None and allowed and own is None and state == "open":
        form = RegistrationForm(event=event, visitor=visitor, session_free=session_free)
    response = _page(request, event, form, status, own=own, session_free=session_free)
    return refuse(response, limited) if limited else response


def _page(request, event, form, status, *, own=None, session_free=None):
    """The event page, with the registration form as it stands."""
    context = event.get_context(request)
    context.update(
        {
            "form": form,
            "registration_state": event.registration_state(),
            "may_register": may_register(request.user, event),
            "own_registration": own,
            "own_registration_url": links.registration_path(own) if own else "",
            "seats_left": seats_left(event),
            "session_free": (
                session_seats_left(event) if session_free is None else session_free
            ),
            "can_manage": can_manage(request.user, event),
            "organisers": visible_organisers(request.user, event),
        }
    )
    return TemplateResponse(
        request, event.get_template(request), context, status=status
    )


def _count_visitor(request, form) -> Limited | None:
    """Count a visitor's registration against the limit per client, as each one
    sends a confirmation e-mail (members are known, and register once); when
    refused, say so at the form."""
    limited = count_attempt(
        request, "visitor-registration", settings.RATE_LIMIT_VISITOR_REGISTRATIONS
    )
    if limited is not None:
        form.add_error(
            None, REGISTRATIONS_FROM_YOUR_NETWORK % {"minutes": limited.minutes}
        )
    return limited


def _status_message(registration) -> str:
    if registration.status == Status.WAITING:
        return _(
            "The meeting is full: you are on the waiting list. We e-mail you when "
            "a seat comes free."
        )
    return _("You are registered. A confirmation with a calendar file is on its way.")


def _ask_visitor_to_confirm(request, event, form):
    from .tasks import send_visitor_confirmation

    email = form.cleaned_data["email"].strip()
    if count_attempt(
        request, "visitor-mails", VISITOR_MAILS_PER_ADDRESS, key=email.lower()
    ):
        form.add_error(
            "email",
            _(
                "We sent several e-mails to this address already. Please check your "
                "inbox, or try again in an hour."
            ),
        )
        return _page(request, event, form, 429)
    payload = {
        "event": event.pk,
        "name": form.cleaned_data["name"].strip(),
        "email": email,
        "answers": form.answers(),
        "sessions": [s.pk for s in form.sessions()],
        "language": get_language(),
    }
    # Nothing is stored until they confirm: no transaction to join.
    send_visitor_confirmation.enqueue(
        links.visitor_token(payload), email, payload["name"], event.pk, get_language()
    )
    return TemplateResponse(
        request, "events/check_inbox.html", {"event": event, "email": email}
    )


@require_http_methods(["GET", "POST"])
def confirm_visitor(request, token):
    """The link from a visitor's e-mail. Opening it shows what will happen;
    the button registers, so a mail scanner following links registers no one."""
    payload = links.visitor_payload(token)
    event = (
        EventPage.objects.live().filter(pk=payload["event"]).first()
        if payload
        else None
    )
    if event is None:
        return TemplateResponse(
            request,
            "events/link_invalid.html",
            {"expired": payload is None},
            status=400,
        )
    if event.audience != Audience.OPEN:
        # The editor made the meeting members-only after the link was sent.
        messages.error(request, _("This meeting is for members of the network only."))
        return redirect(event.url)
    if request.method == "POST":
        sessions = EventSession.objects.filter(event=event, pk__in=payload["sessions"])
        try:
            registration = register(
                event,
                name=payload["name"],
                email=payload["email"],
                answers=payload["answers"],
                sessions=sessions,
                language=payload["language"],
            )
        except RegistrationError as error:
            messages.error(request, error.message)
            return redirect(event.url)
        messages.success(request, _status_message(registration))
        return redirect(links.registration_path(registration))
    return TemplateResponse(
        request, "events/confirm_visitor.html", {"event": event, "payload": payload}
    )


@require_http_methods(["GET", "POST"])
def registration_detail(request, token):
    registration = links.registration_from_token(token)
    if registration is None:
        return TemplateResponse(
            request, "events/link_invalid.html", {"expired": False}, status=404
        )
    event = registration.event
    may_cancel = registration.is_active and not event.has_ended
    confirming = False
    if request.method == "POST" and request.POST.get("action") == "cancel":
        # Cancelling gives the seat away at once, to the next in line: the
        # first press asks "are you sure?", the second (bevestigd=ja) does it.
        if may_cancel and request.POST.get("bevestigd") == "ja":
            from .services import cancel

            cancel(registration, by=registration.user)
            messages.success(request, _("Your registration is cancelled."))
            return redirect(request.path)
        if not may_cancel:
            return redirect(request.path)
        confirming = True
    return TemplateResponse(
        request,
        "events/registration_detail.html",
        {
            "registration": registration,
            "event": event,
            "page": event,
            "sessions": registration.sessions.all(),
            "answers": readable_answers(registration, event.questions.all()),
            "may_cancel": may_cancel,
            "confirming": confirming,
            "waiting_position": _waiting_position(registration),
        },
    )


def registration_calendar(request, token):
    registration = links.registration_from_token(token)
    if registration is None or not registration.has_seat:
        return TemplateResponse(
            request, "events/link_invalid.html", {"expired": False}, status=404
        )
    response = HttpResponse(
        registration_ics(registration), content_type="text/calendar; charset=utf-8"
    )
    filename = ics_filename(registration.event)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _waiting_position(registration) -> int | None:
    if registration.status != Status.WAITING:
        return None
    return (
        registration.event.registrations.filter(
            status=Status.WAITING, sequence__lt=registration.sequence
        ).count()
        + 1
    )
