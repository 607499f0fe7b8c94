"""Wagtail admin screens for events: registrations per event at a glance, and
the purge of attendee data of meetings that ended long ago."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin.paginator import WagtailPaginator

from .models import EventPage, Status
from .models.registrations import SEATED, registrations_per_event
from .permissions import manageable_events
from .purge import purge, purge_after_months, purgeable

# The whole agenda for an editor at ten times today's size is hundreds of
# meetings; each row counts its own seats and waiting list.
UPCOMING_PER_PAGE = 50


class PurgeForm(forms.Form):
    months = forms.IntegerField(
        label=gettext_lazy("Meetings that ended more than this many months ago"),
        min_value=1,
        max_value=120,
    )
    confirm = forms.BooleanField(
        label=gettext_lazy("I understand that this cannot be undone"),
    )


def _with_counts(events):
    return events.annotate(
        seated=registrations_per_event(SEATED),
        waiting=registrations_per_event([Status.WAITING]),
    )


def overview(request):
    now = timezone.now()
    events = EventPage.objects.filter(
        pk__in=manageable_events(request.user).values("pk")
    ).select_related("locale")
    upcoming = WagtailPaginator(
        _with_counts(events.filter(end__gte=now).order_by("start")), UPCOMING_PER_PAGE
    ).get_page(request.GET.get("p"))
    recent = _with_counts(events.filter(end__lt=now).order_by("-start"))[:30]
    months = purge_after_months()
    return TemplateResponse(
        request,
        "events/admin/overview.html",
        {
            "upcoming": upcoming,
            "elided_page_range": upcoming.paginator.get_elided_page_range(
                upcoming.number
            ),
            "recent": recent,
            "purge_form": PurgeForm(initial={"months": months}),
            "purgeable_count": purgeable(months).count(),
            "months": months,
            "may_purge": request.user.is_superuser,
        },
    )


@require_POST
def purge_view(request):
    if not request.user.is_superuser:
        raise PermissionDenied
    form = PurgeForm(request.POST)
    if not form.is_valid():
        messages.error(
            request,
            _(
                "Nothing was removed: give a number of months between 1 and 120 "
                "and tick that you understand it cannot be undone."
            ),
        )
        return redirect("events_overview")
    done = purge(form.cleaned_data["months"])
    messages.success(
        request,
        _("Attendee data removed from %(count)s meetings.") % {"count": len(done)},
    )
    return redirect("events_overview")
