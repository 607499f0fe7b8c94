"""The catalogue of support offers at /aanbod/: text search, filters and
facet counts over published offers.

Offers are few (a few per school, hundreds in all), so each facet is one
grouped count over the offers matching every *other* active filter, and the
text filter is a substring match on the offer, its school and its support
needs; no index or cache is needed at this size.
"""

from dataclasses import dataclass, field

from django import forms
from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from .facets import (
    FacetValue,
    choice_values,
    cluster_values,
    province_values,
    school_type_values,
    support_need_values,
)
from .models import (
    OfferFormat,
    OfferKind,
    Province,
    SchoolType,
    SupportOffer,
)
from .models.offers import FORMAT_FIELDS

# Dutch words in the address, English keys in the code (as in the directory).
PARAMETERS = {
    "q": "q",
    "soort": "kind",
    "behoefte": "support_need",
    "cluster": "cluster",
    "voor": "school_type",
    "provincie": "province",
    "vorm": "format",
}
URL_WORDS = {key: word for word, key in PARAMETERS.items()}
FACET_LABELS = {
    "kind": _("Kind of support"),
    "support_need": _("Support need"),
    "cluster": _("Cluster"),
    "school_type": _("SO or VSO"),
    "province": _("Province"),
    "format": _("Where"),
}


class OfferFilterForm(forms.Form):
    """The catalogue's GET parameters; a value not on offer is dropped, since
    it came from a URL."""

    q = forms.CharField(required=False, max_length=200)
    soort = forms.ChoiceField(required=False, choices=OfferKind.choices)
    behoefte = forms.SlugField(required=False, max_length=100)
    cluster = forms.TypedChoiceField(
        required=False, coerce=int, choices=[(n, n) for n in range(1, 5)]
    )
    voor = forms.ChoiceField(
        required=False, choices=[(SchoolType.SO, ""), (SchoolType.VSO, "")]
    )
    provincie = forms.ChoiceField(required=False, choices=Province.choices)
    vorm = forms.ChoiceField(required=False, choices=OfferFormat.choices)

    def filters(self) -> dict:
        self.is_valid()
        return {
            PARAMETERS[name]: value
            for name, value in self.cleaned_data.items()
            if value not in ("", None) and name not in self.errors
        }


@dataclass
class OfferResult:
    offers: QuerySet
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)


def _conditions(filters: dict) -> dict[str, Q]:
    conditions = {}
    for word in filters.get("q", "").split()[:8]:
        by_need = SupportOffer.support_needs.through.objects.filter(
            Q(supportneed__name__icontains=word)
            | Q(supportneed__also_known_as__icontains=word)
        ).values("supportoffer_id")
        conditions.setdefault("q", Q())
        conditions["q"] &= (
            Q(title__icontains=word)
            | Q(description__icontains=word)
            | Q(school__name__icontains=word)
            | Q(school__city__icontains=word)
            | Q(pk__in=by_need)
        )
    if "kind" in filters:
        conditions["kind"] = Q(kind=filters["kind"])
    if "support_need" in filters:
        conditions["support_need"] = Q(
            pk__in=SupportOffer.support_needs.through.objects.filter(
                supportneed__slug=filters["support_need"]
            ).values("supportoffer_id")
        )
    if "cluster" in filters:
        conditions["cluster"] = Q(
            pk__in=SupportOffer.clusters.through.objects.filter(
                cluster__number=filters["cluster"]
            ).values("supportoffer_id")
        )
    if "school_type" in filters:
        # An offer that names neither serves both.
        conditions["school_type"] = Q(
            school_type__in=[*SchoolType.matching(filters["school_type"]), ""]
        )
    if "province" in filters:
        conditions["province"] = Q(provinces__contains=filters["province"])
    if "format" in filters:
        conditions["format"] = Q(**{FORMAT_FIELDS[filters["format"]]: True})
    return conditions


def search_offers(filters: dict) -> OfferResult:
    conditions = _conditions(filters)
    published = SupportOffer.objects.published()
    offers = published.filter(*conditions.values()).order_by("title", "pk")

    def others(name):
        return published.filter(
            *(q for key, q in conditions.items() if key != name)
        ).order_by()

    return OfferResult(
        offers=offers,
        facets={
            "kind": _choice_facet(others("kind"), "kind", OfferKind, filters),
            "support_need": _support_need_facet(others("support_need"), filters),
            "cluster": _cluster_facet(others("cluster"), filters),
            "school_type": _school_type_facet(others("school_type"), filters),
            "province": _province_facet(others("province"), filters),
            "format": _format_facet(others("format"), filters),
        },
    )


def _choice_facet(offers, column, choices, filters) -> list[FacetValue]:
    counts = dict(offers.values_list(column).annotate(n=Count("pk")))
    return choice_values(counts, choices.choices, filters.get(column))


def _support_need_facet(offers, filters) -> list[FacetValue]:
    counts = dict(
        SupportOffer.support_needs.through.objects.filter(supportoffer__in=offers)
        .values_list("supportneed_id")
        .annotate(n=Count("supportoffer_id"))
        .order_by()
    )
    return support_need_values(counts, filters.get("support_need"))


def _cluster_facet(offers, filters) -> list[FacetValue]:
    counts = dict(
        SupportOffer.clusters.through.objects.filter(supportoffer__in=offers)
        .values_list("cluster__number")
        .annotate(n=Count("supportoffer_id"))
        .order_by()
    )
    return cluster_values(counts, filters.get("cluster"))


def _school_type_facet(offers, filters) -> list[FacetValue]:
    counts = dict(offers.values_list("school_type").annotate(n=Count("pk")))
    # An offer with no school type given is for either.
    either = (SchoolType.BOTH, "")
    return school_type_values(counts, filters.get("school_type"), either)


def _province_facet(offers, filters) -> list[FacetValue]:
    counts = offers.aggregate(
        **{
            code: Count("pk", filter=Q(provinces__contains=code))
            for code in Province.values
        }
    )
    return province_values(counts, filters.get("province"))


def _format_facet(offers, filters) -> list[FacetValue]:
    counts = offers.aggregate(
        **{
            choice.value: Count("pk", filter=Q(**{field_name: True}))
            for choice, field_name in FORMAT_FIELDS.items()
        }
    )
    return choice_values(
        counts, [(c.value, c.label) for c in FORMAT_FIELDS], filters.get("format")
    )
