"""Organiser tools on the site: the registrations of an event with answers,
moving people between the waiting list and confirmed, adding someone by hand,
exports, a message to all attendees and a check-in page for a phone."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from network.background import enqueue
from network.query_params import text_param

from . import exports
from .forms import AddByHandForm, OrganiserMessageForm, StatusFilterForm
from .messaging import notify_attendees
from .models import EventPage, OrganiserMessage, Registration, Status
from .models.registrations import SEATED
from .permissions import can_manage
from .services import RegistrationError, check_in, move, register, seats_left


def _event_for(request, event_id: int) -> EventPage:
    event = get_object_or_404(EventPage, pk=event_id)
    if not can_manage(request.user, event):
        raise PermissionDenied
    return event


def _back(request, default: str) -> str:
    """Where to go after an action: the page it was done on, when that is a
    path on this site. Anything else (a name, a number, another site) would
    make redirect() look for a view of that name, or leave the site."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if (
        target.startswith("/")
        and "\x00" not in target
        and url_has_allowed_host_and_scheme(
            target, {request.get_host()}, require_https=request.is_secure()
        )
    ):
        return target
    return default


def counts(event) -> dict:
    return event.registrations.aggregate(
        confirmed=Count("pk", filter=Q(status__in=SEATED)),
        waiting=Count("pk", filter=Q(status=Status.WAITING)),
        attended=Count("pk", filter=Q(status=Status.ATTENDED)),
        cancelled=Count("pk", filter=Q(status=Status.CANCELLED)),
    )


@login_required
def registrations(request, event_id: int):
    event = _event_for(request, event_id)
    filter_form = StatusFilterForm(request.GET or None)
    status = filter_form.cleaned_data["status"] if filter_form.is_valid() else ""
    header, rows = exports.table(event, status)
    registrations = list(exports.registrations_for(event, status))
    return TemplateResponse(
        request,
        "events/organiser/registrations.html",
        {
            "event": event,
            "page": event,
            "header": header,
            "rows": zip(registrations, rows, strict=True),
            "filter_form": filter_form,
            "status": status,
            "counts": counts(event),
            "seats_left": seats_left(event),
            "add_form": AddByHandForm(initial={"language": request.LANGUAGE_CODE}),
            "message_form": OrganiserMessageForm(),
            "sent_messages": event.organiser_messages.all()[:10],
        },
    )


@login_required
@require_POST
def move_registration(request, event_id: int, registration_id: int):
    event = _event_for(request, event_id)
    registration = get_object_or_404(Registration, pk=registration_id, event=event)
    target = request.POST.get("to", "")
    if target not in Status.values:
        messages.error(request, _("Choose what to do with this registration."))
    else:
        try:
            move(registration, target, by=request.user)
        except RegistrationError as error:
            messages.error(request, f"{registration.name}: {error.message}")
        else:
            registration.refresh_from_db()
            messages.success(
                request,
                _("%(name)s: %(status)s.")
                % {
                    "name": registration.name,
                    "status": registration.get_status_display(),
                },
            )
    default = reverse("events:organiser", args=[event.pk])
    return redirect(_back(request, default))


@login_required
@require_POST
def add_by_hand(request, event_id: int):
    event = _event_for(request, event_id)
    form = AddByHandForm(request.POST)
    if form.is_valid():
        try:
            registration = register(
                event,
                name=form.cleaned_data["name"],
                email=form.cleaned_data["email"],
                language=form.cleaned_data["language"],
                added_by=request.user,
            )
        except RegistrationError as error:
            form.add_error(
                "email" if error.code == "duplicate" else None, error.message
            )
        else:
            messages.success(
                request,
                _("%(name)s is added: %(status)s.")
                % {
                    "name": registration.name,
                    "status": registration.get_status_display(),
                },
            )
            return redirect("events:organiser", event.pk)
    return TemplateResponse(
        request,
        "events/organiser/add.html",
        {"event": event, "page": event, "form": form},
        status=400,
    )


@login_required
@require_POST
def send_message(request, event_id: int):
    from .tasks import send_organiser_message

    event = _event_for(request, event_id)
    form = OrganiserMessageForm(request.POST)
    if not form.is_valid():
        return TemplateResponse(
            request,
            "events/organiser/message.html",
            {"event": event, "page": event, "form": form},
            status=400,
        )
    with transaction.atomic():
        attendees = list(
            event.registrations.filter(status__in=SEATED).select_related("user")
        )
        message = OrganiserMessage.objects.create(
            event=event,
            sender=request.user,
            recipient_count=len(attendees),
            **form.cleaned_data,
        )
        notify_attendees(message, attendees)
        enqueue(send_organiser_message, message.pk)
    messages.success(
        request,
        _("Your message is on its way to %(count)s people.")
        % {"count": message.recipient_count},
    )
    return redirect("events:organiser", event.pk)


@login_required
def export(request, event_id: int, file_format: str):
    event = _event_for(request, event_id)
    status = request.GET.get("status", "")
    status = status if status in Status.values else ""
    if file_format == "xlsx":
        return exports.xlsx_response(event, status)
    return exports.csv_response(event, status)


@login_required
def check_in_list(request, event_id: int):
    """A page for the door: big buttons, a filter on name, works without
    JavaScript on any phone."""
    event = _event_for(request, event_id)
    query = text_param(
        request.GET, "q", Registration._meta.get_field("name").max_length
    )
    people = event.registrations.filter(status__in=SEATED).order_by("name")
    if query:
        people = people.filter(name__icontains=query)
    return TemplateResponse(
        request,
        "events/organiser/check_in.html",
        {
            "event": event,
            "page": event,
            "people": people,
            "query": query,
            "counts": counts(event),
        },
    )


@login_required
@require_POST
def check_in_person(request, event_id: int, registration_id: int):
    event = _event_for(request, event_id)
    registration = get_object_or_404(Registration, pk=registration_id, event=event)
    present = request.POST.get("present") == "1"
    try:
        check_in(registration, by=request.user, present=present)
    except RegistrationError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            (
                _("%(name)s is checked in.")
                if present
                else _("%(name)s is not checked in.")
            )
            % {"name": registration.name},
        )
    default = reverse("events:check_in", args=[event.pk])
    return redirect(_back(request, default) + f"#r{registration.pk}")
