"""The expertise directory: filter profiles, count facets, sort.

A many-to-many filter is a subquery on the profile's key, so it never multiplies
rows and no DISTINCT is needed. Facet counts for a dimension apply every *other*
active filter, so a reader sees how many results each choice would give; they are
counted from the through tables joined to the profile, not over IN (subquery).
Text search reads Profile.search_text, which network.search_text keeps current.
"""

import hashlib
import json
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django import forms
from django.core.cache import cache
from django.db.models import Count, Q, QuerySet
from django.urls import reverse
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
from .permissions import (
    closed_accounts,
    profile_visibilities_for,
    profiles_hidden_from,
)

SORTS = {
    "name": ("name", "pk"),
    "recent": ("-updated_at", "pk"),
}
TOPIC_FACET_SIZE = 15

# The address's words are Dutch, as people share the links; the code speaks of
# the same filters in English. The form translates, and directory_url back.
PARAMETERS = {
    "q": "q",
    "behoefte": "support_need",
    "onderwerp": "topic",
    "cluster": "cluster",
    "soort": "school_type",
    "provincie": "province",
    "beschikbaar": "availability",
    "sorteer": "sort",
}
URL_WORDS = {key: word for word, key in PARAMETERS.items()}


def directory_url(**filters) -> str:
    """The directory's address showing these filters (English keys, as
    search_directory takes them), for other apps to link into it."""
    query = urlencode({URL_WORDS[key]: value for key, value in filters.items()})
    return reverse("network:directory") + (f"?{query}" if query else "")


class DirectoryForm(forms.Form):
    """Parses the directory's GET parameters; a value that is not on offer is
    dropped rather than shown as an error, since it came from a URL.
    `filters()` gives them under their English keys."""

    q = forms.CharField(required=False, max_length=200, label=_("Search"))
    behoefte = forms.SlugField(required=False, max_length=100, label=_("Support need"))
    onderwerp = forms.SlugField(required=False, max_length=100, label=_("Topic"))
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
            PARAMETERS[name]: value
            for name, value in self.cleaned_data.items()
            if value not in ("", None) and name not in self.errors
        }


def _conditions(filters: dict, user, prefix: str = "") -> dict[str, Q]:
    """The active filters as conditions on a profile reached through `prefix`
    (e.g. "profile__" from a through table). Facet counts join from the through
    tables with these, which databases answer far faster than IN (subquery).

    From a through table, who may be seen is asked by key: the few profiles
    the reader may not see are left out (network.permissions.
    profiles_hidden_from), so a count with no text, school type or
    availability chosen never joins the profiles. At 300,000 people that
    counted a facet in 127 ms instead of 327. A chosen text needs the joined
    profile anyway, and then visibility is asked of it too: by key as well,
    PostgreSQL planned the count 10 to 20% slower. (As a subquery of keys, the
    text was checked row by row, slower still.)"""
    field = lambda name: prefix + name  # noqa: E731
    words = filters.get("q", "").lower().split()[:8]
    if prefix and not words:
        conditions = {
            "visible": Q(
                *(~Q(**{field("pk__in"): keys}) for keys in profiles_hidden_from(user))
            )
        }
    else:
        conditions = {
            "visible": Q(**{field("visibility__in"): profile_visibilities_for(user)})
            & ~Q(**{field("user__in"): closed_accounts()})
        }
    if words:
        conditions["q"] = Q(*(Q(**{field("search_text__contains"): w}) for w in words))
    by_profile = {
        "support_need": (
            Profile.support_needs.through,
            "supportneed__slug",
            "profile_id",
        ),
        "topic": (TaggedTopic, "tag__slug", "content_object_id"),
        "cluster": (Profile.clusters.through, "cluster__number", "profile_id"),
        "province": (Affiliation, "school__province", "profile_id"),
    }
    for name, (model, lookup, column) in by_profile.items():
        if name in filters:
            matching = model.objects.filter(**{lookup: filters[name]}).values(column)
            conditions[name] = Q(**{field("pk__in"): matching})
    if "school_type" in filters:
        conditions["school_type"] = Q(
            **{field("school_type__in"): SchoolType.matching(filters["school_type"])}
        )
    if "availability" in filters:
        flag = Profile.AVAILABILITY_FIELDS[filters["availability"]]
        conditions["availability"] = Q(**{field(flag): True})
    return conditions


def _except(conditions: dict[str, Q], dimension: str) -> list[Q]:
    return [q for name, q in conditions.items() if name != dimension]


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class DirectoryResult:
    profiles: QuerySet
    total: int = 0  # how many profiles match, counted with the facets
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    filters: dict = field(default_factory=dict)


# Facets on the profile's own columns, counted with the total in one pass.
SELF_FACETS = ("school_type", "availability")

GENERATION_KEY = "network:directory:generation"
FACET_CACHE_SECONDS = 600


def bump_generation() -> None:
    """Called on every change that can alter a directory result or count; cached
    facet counts of earlier generations are never read again."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 1, None)


def search_directory(user, filters: dict) -> DirectoryResult:
    """Profiles `user` may see that match `filters`, with facet counts."""
    on_profile = _conditions(filters, user)
    profiles = Profile.objects.filter(*on_profile.values()).order_by(
        *SORTS[filters.get("sort", "name")]
    )
    # Counting reads every matching profile, so the facet counts and the total
    # are cached per generation, audience and filter set; the list itself is
    # always fresh.
    wanted = sorted((k, str(v)) for k, v in filters.items() if k != "sort")
    key = "network:directory:counts:{}:{}:{}".format(
        cache.get_or_set(GENERATION_KEY, 1, None),
        "-".join(profile_visibilities_for(user)),
        hashlib.sha256(json.dumps(wanted).encode()).hexdigest()[:32],
    )
    counted = cache.get(key)
    if counted is None:
        counted = _count(filters, user, on_profile)
        cache.set(key, counted, FACET_CACHE_SECONDS)
    total, facets = counted
    return DirectoryResult(
        profiles=profiles, total=total, facets=facets, filters=filters
    )


def _count(filters: dict, user, on_profile) -> tuple[int, dict]:
    """The total and every facet's counts."""
    via_profile = _conditions(filters, user, "profile__")
    via_tagged = _conditions(filters, user, "content_object__")
    total, school_types, availability = _profile_counts(on_profile, filters)
    return total, {
        "support_need": _support_need_facet(
            _except(via_profile, "support_need"), filters
        ),
        "topic": _topic_facet(_except(via_tagged, "topic"), filters),
        "cluster": _cluster_facet(_except(via_profile, "cluster"), filters),
        "school_type": school_types,
        "province": _province_facet(_except(via_profile, "province"), filters),
        "availability": availability,
    }


def _profile_counts(on_profile, filters) -> tuple[int, list, list]:
    """The total and the two facets on the profile's own columns (school
    type, availability), in one pass over the profiles: each count applies,
    as a FILTER, the one of those two choices the others leave out."""
    shared = [q for name, q in on_profile.items() if name not in SELF_FACETS]
    school_type = on_profile.get("school_type", Q())
    availability = on_profile.get("availability", Q())
    counts = Profile.objects.filter(*shared).aggregate(
        total=_count_where(school_type & availability),
        **{
            _alias("type", kind): _count_where(Q(school_type=kind) & availability)
            for kind in SchoolType.values
        },
        **{
            _alias("open", choice): _count_where(Q(**{flag: True}) & school_type)
            for choice, flag in Profile.AVAILABILITY_FIELDS.items()
        },
    )
    both = counts[_alias("type", SchoolType.BOTH)]
    school_types = [
        FacetValue(
            kind.value,
            kind.label,
            counts[_alias("type", kind.value)] + both,
            filters.get("school_type") == kind.value,
        )
        for kind in (SchoolType.SO, SchoolType.VSO)
    ]
    open_for = [
        FacetValue(
            choice.value,
            choice.label,
            counts[_alias("open", choice.value)],
            filters.get("availability") == choice.value,
        )
        for choice in Profile.AVAILABILITY_FIELDS
    ]
    return counts["total"], school_types, open_for


def _alias(prefix: str, value: str) -> str:
    """A column name for a count of `value` ("so-vso" has a dash)."""
    return f"{prefix}_{value}".replace("-", "_")


def _count_where(condition: Q) -> Count:
    return Count("pk", filter=condition) if condition else Count("pk")


def _support_need_facet(conditions, filters) -> list[FacetValue]:
    counts = dict(
        Profile.support_needs.through.objects.filter(*conditions)
        .values_list("supportneed_id")
        .annotate(n=Count("profile_id"))
        .order_by()
    )
    return [
        FacetValue(
            need.slug,
            need.name,
            counts.get(need.pk, 0),
            filters.get("support_need") == need.slug,
        )
        for need in SupportNeed.objects.all()
    ]


def _topic_facet(conditions, filters) -> list[FacetValue]:
    rows = (
        TaggedTopic.objects.filter(*conditions)
        .values_list("tag__slug", "tag__name")
        .annotate(n=Count("content_object_id"))
        .order_by("-n", "tag__name")[:TOPIC_FACET_SIZE]
    )
    values = [
        FacetValue(slug, name, n, filters.get("topic") == slug)
        for slug, name, n in rows
    ]
    chosen = filters.get("topic")
    if chosen and not any(v.selected for v in values):
        # Keep the reader's choice visible even when it is not among the largest.
        values.append(FacetValue(chosen, chosen, 0, True))
    return values


def _cluster_facet(conditions, filters) -> list[FacetValue]:
    counts = dict(
        Profile.clusters.through.objects.filter(*conditions)
        .values_list("cluster__number")
        .annotate(n=Count("profile_id"))
        .order_by()
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


def _province_facet(conditions, filters) -> list[FacetValue]:
    counts = dict(
        Affiliation.objects.filter(*conditions)
        .values_list("school__province")
        .annotate(n=Count("profile_id", distinct=True))
        .order_by()
    )
    return [
        FacetValue(code, label, counts.get(code, 0), filters.get("province") == code)
        for code, label in Province.choices
    ]
