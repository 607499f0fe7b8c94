"""The expertise directory: filter profiles, count facets, sort.

Each filter is a subquery on the profile's primary key, so joining many-to-many
relations never multiplies rows and no DISTINCT is needed. Facet counts for a
dimension apply every *other* active filter, so a reader sees how many results
each choice would give.
"""

from dataclasses import dataclass, field

from django import forms
from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from .models import (
    Affiliation,
    Availability,
    Cluster,
    Profile,
    Province,
    SchoolType,
    SupportNeed,
    TaggedTopic,
)

SORTS = {
    "name": ("name", "pk"),
    "recent": ("-updated_at", "pk"),
}
TOPIC_FACET_SIZE = 15


class DirectoryForm(forms.Form):
    """Parses the directory's GET parameters; a value that is not on offer is
    dropped rather than shown as an error, since it came from a URL."""

    q = forms.CharField(required=False, max_length=200, label=_("Search"))
    behoefte = forms.SlugField(required=False, label=_("Support need"))
    onderwerp = forms.SlugField(required=False, label=_("Topic"))
    cluster = forms.TypedChoiceField(
        required=False, coerce=int, choices=[(n, n) for n in range(1, 5)]
    )
    soort = forms.ChoiceField(
        required=False, choices=[(SchoolType.SO, ""), (SchoolType.VSO, "")]
    )
    provincie = forms.ChoiceField(required=False, choices=Province.choices)
    beschikbaar = forms.ChoiceField(required=False, choices=Availability.choices)
    sorteer = forms.ChoiceField(required=False, choices=[(k, k) for k in SORTS])

    def filters(self) -> dict:
        self.is_valid()
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if value not in ("", None) and name not in self.errors
        }


def _text_filter(text: str) -> Q:
    """Every word must appear somewhere: in the name, job title, bio, a topic,
    a support need, or the name or city of a school the person works at."""
    condition = Q()
    for word in text.split()[:8]:
        condition &= (
            Q(name__icontains=word)
            | Q(job_title__icontains=word)
            | Q(bio__icontains=word)
            | Q(
                pk__in=TaggedTopic.objects.filter(tag__name__icontains=word).values(
                    "content_object_id"
                )
            )
            | Q(support_needs__name__icontains=word)
            | Q(
                pk__in=Affiliation.objects.filter(
                    Q(school__name__icontains=word) | Q(school__city__icontains=word)
                ).values("profile_id")
            )
        )
    return condition


def _dimension_filters(filters: dict) -> dict[str, Q]:
    through_needs = Profile.support_needs.through.objects
    through_clusters = Profile.clusters.through.objects
    conditions = {}
    if "behoefte" in filters:
        conditions["behoefte"] = Q(
            pk__in=through_needs.filter(supportneed__slug=filters["behoefte"]).values(
                "profile_id"
            )
        )
    if "onderwerp" in filters:
        conditions["onderwerp"] = Q(
            pk__in=TaggedTopic.objects.filter(tag__slug=filters["onderwerp"]).values(
                "content_object_id"
            )
        )
    if "cluster" in filters:
        conditions["cluster"] = Q(
            pk__in=through_clusters.filter(cluster__number=filters["cluster"]).values(
                "profile_id"
            )
        )
    if "soort" in filters:
        conditions["soort"] = Q(school_type__in=SchoolType.matching(filters["soort"]))
    if "provincie" in filters:
        conditions["provincie"] = Q(
            pk__in=Affiliation.objects.filter(
                school__province=filters["provincie"]
            ).values("profile_id")
        )
    if "beschikbaar" in filters:
        field_name = Profile.AVAILABILITY_FIELDS[filters["beschikbaar"]]
        conditions["beschikbaar"] = Q(**{field_name: True})
    return conditions


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class DirectoryResult:
    profiles: QuerySet
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    filters: dict = field(default_factory=dict)


def search_directory(user, filters: dict) -> DirectoryResult:
    """Profiles `user` may see that match `filters`, with facet counts."""
    base = Profile.objects.visible_to(user)
    if filters.get("q"):
        # The text filter joins support needs, so it may yield a profile twice.
        base = Profile.objects.filter(
            pk__in=base.filter(_text_filter(filters["q"])).values("pk")
        )
    conditions = _dimension_filters(filters)

    def without(dimension: str) -> QuerySet:
        return base.filter(*(q for name, q in conditions.items() if name != dimension))

    profiles = base.filter(*conditions.values()).order_by(
        *SORTS[filters.get("sorteer", "name")]
    )
    facets = {
        "behoefte": _support_need_facet(without("behoefte"), filters),
        "onderwerp": _topic_facet(without("onderwerp"), filters),
        "cluster": _cluster_facet(without("cluster"), filters),
        "soort": _school_type_facet(without("soort"), filters),
        "provincie": _province_facet(without("provincie"), filters),
        "beschikbaar": _availability_facet(without("beschikbaar"), filters),
    }
    return DirectoryResult(profiles=profiles, facets=facets, filters=filters)


def _support_need_facet(subset, filters) -> list[FacetValue]:
    counts = dict(
        Profile.support_needs.through.objects.filter(profile_id__in=subset.values("pk"))
        .values_list("supportneed_id")
        .annotate(n=Count("profile_id"))
    )
    return [
        FacetValue(
            need.slug,
            need.name,
            counts.get(need.pk, 0),
            filters.get("behoefte") == need.slug,
        )
        for need in SupportNeed.objects.all()
    ]


def _topic_facet(subset, filters) -> list[FacetValue]:
    rows = (
        TaggedTopic.objects.filter(content_object_id__in=subset.values("pk"))
        .values_list("tag__slug", "tag__name")
        .annotate(n=Count("content_object_id"))
        .order_by("-n", "tag__name")[:TOPIC_FACET_SIZE]
    )
    values = [
        FacetValue(slug, name, n, filters.get("onderwerp") == slug)
        for slug, name, n in rows
    ]
    chosen = filters.get("onderwerp")
    if chosen and not any(v.selected for v in values):
        # Keep the reader's choice visible even when it is not among the largest.
        values.append(FacetValue(chosen, chosen, 0, True))
    return values


def _cluster_facet(subset, filters) -> list[FacetValue]:
    counts = dict(
        Profile.clusters.through.objects.filter(profile_id__in=subset.values("pk"))
        .values_list("cluster__number")
        .annotate(n=Count("profile_id"))
    )
    return [
        FacetValue(
            str(c.number),
            str(c),
            counts.get(c.number, 0),
            filters.get("cluster") == c.number,
        )
        for c in Cluster.objects.all()
    ]


def _school_type_facet(subset, filters) -> list[FacetValue]:
    counts = dict(subset.values_list("school_type").annotate(n=Count("pk")).order_by())
    both = counts.get(SchoolType.BOTH, 0)
    return [
        FacetValue(
            kind.value,
            kind.label,
            counts.get(kind.value, 0) + both,
            filters.get("soort") == kind.value,
        )
        for kind in (SchoolType.SO, SchoolType.VSO)
    ]


def _province_facet(subset, filters) -> list[FacetValue]:
    counts = dict(
        Affiliation.objects.filter(profile_id__in=subset.values("pk"))
        .values_list("school__province")
        .annotate(n=Count("profile_id", distinct=True))
        .order_by()
    )
    return [
        FacetValue(code, label, counts.get(code, 0), filters.get("provincie") == code)
        for code, label in Province.choices
    ]


def _availability_facet(subset, filters) -> list[FacetValue]:
    counts = subset.aggregate(
        **{
            choice.value: Count("pk", filter=Q(**{field_name: True}))
            for choice, field_name in Profile.AVAILABILITY_FIELDS.items()
        }
    )
    return [
        FacetValue(
            choice.value,
            choice.label,
            counts[choice.value],
            filters.get("beschikbaar") == choice.value,
        )
        for choice in Profile.AVAILABILITY_FIELDS
    ]
