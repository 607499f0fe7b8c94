"""The agenda listing: upcoming or earlier meetings, narrowed down by theme,
cluster, region, format and audience. Filters are plain GET parameters, so a
filtered agenda is a link one can share and it works without JavaScript."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from network.models import Cluster, Province, Topic
from network.pagination import paginate
from network.widgets import WrittenSelect

from .models import Audience, EventPage, Format
from .models.registrations import SEATED, registrations_per_event

PAGE_SIZE = 20

# The address's words are Dutch, as people share the links; the code speaks of
# the same filters in English (AgendaFilterForm.filters()).
PARAMETERS = {
    "wanneer": "when",
    "thema": "theme",
    "cluster": "cluster",
    "regio": "region",
    "vorm": "format",
    "voor": "audience",
}
WORDS = {"eerder": "past", "ter-plaatse": "on_site", "online": "online"}


class AgendaFilterForm(forms.Form):
    wanneer = forms.ChoiceField(
        label=_("When"),
        required=False,
        choices=[("", _("Coming up")), ("eerder", _("Earlier meetings"))],
        widget=WrittenSelect,
    )
    thema = forms.ChoiceField(label=_("Theme"), required=False, widget=WrittenSelect)
    cluster = forms.TypedChoiceField(
        label=_("Cluster"), required=False, coerce=int, widget=WrittenSelect
    )
    regio = forms.ChoiceField(
        label=_("Region"),
        required=False,
        choices=[("", _("Any"))] + list(Province.choices),
        widget=WrittenSelect,
    )
    vorm = forms.ChoiceField(
        label=_("Format"),
        required=False,
        widget=WrittenSelect,
        choices=[
            ("", _("Any")),
            ("ter-plaatse", _("On site")),
            ("online", _("Online")),
        ],
    )
    voor = forms.ChoiceField(
        label=_("For whom"),
        required=False,
        choices=[("", _("Any"))] + list(Audience.choices),
        widget=WrittenSelect,
    )

    def __init__(self, *args, events, **kwargs):
        super().__init__(*args, **kwargs)
        # Only themes that some event carries: an empty choice helps nobody.
        themes = Topic.objects.filter(events__content_object__in=events).distinct()
        self.fields["thema"].choices = [("", _("Any"))] + [
            (t.slug, t.name) for t in themes.order_by("name")
        ]
        self.fields["cluster"].choices = [("", _("Any"))] + [
            (c.number, str(c)) for c in Cluster.objects.all()
        ]

    def filters(self) -> dict:
        """The chosen filters under English keys and values; an invalid
        parameter (an edited link) counts as not chosen."""
        if not self.is_valid():
            return {}
        return {
            PARAMETERS[name]: WORDS.get(value, value)
            for name, value in self.cleaned_data.items()
            if value not in ("", None)
        }


def filter_events(events, filters: dict):
    now = timezone.now()
    if filters.get("when") == "past":
        events = events.filter(end__lt=now).order_by("-start")
    else:
        events = events.filter(end__gte=now).order_by("start")
    if filters.get("theme"):
        events = events.filter(tagged_topics__tag__slug=filters["theme"])
    if filters.get("cluster"):
        events = events.filter(clusters__number=filters["cluster"])
    if filters.get("region"):
        events = events.filter(province=filters["region"])
    if filters.get("format") == "online":
        events = events.filter(format__in=[Format.ONLINE, Format.HYBRID])
    elif filters.get("format") == "on_site":
        events = events.filter(format__in=[Format.ON_SITE, Format.HYBRID])
    if filters.get("audience"):
        events = events.filter(audience=filters["audience"])
    return events.annotate(seats_taken=registrations_per_event(SEATED))


def agenda_context(index, request) -> dict:
    events = index.events()
    form = AgendaFilterForm(request.GET or None, events=events)
    filters = form.filters()
    listed = filter_events(events, filters)
    page = paginate(request, listed, PAGE_SIZE)
    _count_free_seats(page)
    return {
        "filter_form": form,
        "events": page,
        "past": filters.get("when") == "past",
        "has_filters": any(key != "when" for key in filters),
        "active_filters": sum(key != "when" for key in filters),
        "query_string": request.GET.urlencode(),
    }


def _count_free_seats(events) -> None:
    """`seats_free` on each event of a list that filter_events annotated:
    None for a meeting without a limit."""
    for event in events:
        event.seats_free = (
            None
            if event.capacity is None
            else max(event.capacity - event.seats_taken, 0)
        )


def coming_up(limit: int = 3) -> list:
    """The next meetings anyone may see listed, with their free seats, in
    one query (the home page shows them)."""
    events = list(filter_events(EventPage.objects.live().public(), {})[:limit])
    _count_free_seats(events)
    return events
