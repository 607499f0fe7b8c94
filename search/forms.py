from django import forms
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from network.models import Cluster, SupportNeed
from network.widgets import WrittenSelect

from . import sources
from .text import MAX_LENGTH

PERIOD_CHOICES = [
    ("", _("Any time")),
    ("maand", _("Past month")),
    ("jaar", _("Past year")),
    (sources.UPCOMING, _("Upcoming events")),
]
SCHOOL_TYPE_CHOICES = [("", _("SO and VSO")), ("so", _("SO")), ("vso", _("VSO"))]


CHOICES_KEY = "search:filter-choices"


def filter_choices() -> tuple[list, list]:
    """The clusters and support needs to filter by: read once, not on every
    search (forgotten when a support need changes, search.apps)."""
    choices = cache.get(CHOICES_KEY)
    if choices is None:
        clusters = [
            (cluster.number, f"{cluster.number}. {cluster.name}")
            for cluster in Cluster.objects.order_by("number")
        ]
        choices = (clusters, list(SupportNeed.objects.values_list("slug", "name")))
        cache.set(CHOICES_KEY, choices, 60 * 60)
    return choices


def forget_choices(**_kwargs):
    cache.delete(CHOICES_KEY)


class SearchForm(forms.Form):
    """The search page's form. A filter value that is not on offer (an old or
    edited link) is dropped rather than answered with an error page."""

    q = forms.CharField(label=_("Search for"), required=False, max_length=MAX_LENGTH)
    type = forms.ChoiceField(required=False, widget=forms.HiddenInput)
    cluster = forms.TypedChoiceField(
        label=_("Cluster"),
        required=False,
        coerce=int,
        empty_value=None,
        widget=WrittenSelect,
    )
    soort = forms.ChoiceField(
        label=_("SO or VSO"),
        required=False,
        choices=SCHOOL_TYPE_CHOICES,
        widget=WrittenSelect,
    )
    behoefte = forms.ChoiceField(
        label=_("Support need"), required=False, widget=WrittenSelect
    )
    periode = forms.ChoiceField(
        label=_("Date"), required=False, choices=PERIOD_CHOICES, widget=WrittenSelect
    )

    # The id of the <form> in search/results.html: the filters sit beside the
    # results, outside that element, and belong to it through their form
    # attribute, so a new search keeps them and they keep the search.
    FORM_ID = "search-form"

    def __init__(self, data=None):
        super().__init__(data)
        for name in ("cluster", "soort", "behoefte", "periode"):
            self.fields[name].widget.attrs["form"] = self.FORM_ID
        self.fields["type"].choices = [("", "")] + [
            (source.key, source.label) for source in sources.registered()
        ]
        clusters, needs = filter_choices()
        self.fields["cluster"].choices = [("", _("Every cluster")), *clusters]
        self.fields["behoefte"].choices = [("", _("Any support need")), *needs]

    def value(self, name, default=None):
        if not hasattr(self, "cleaned_data"):
            self.is_valid()
        return self.cleaned_data.get(name) or default

    def filters(self) -> sources.Filters:
        return sources.Filters(
            cluster=self.value("cluster"),
            school_type=self.value("soort", ""),
            support_need=self.value("behoefte", ""),
            period=self.value("periode", ""),
        )

    @property
    def filter_fields(self):
        return [self[name] for name in ("cluster", "soort", "behoefte", "periode")]
