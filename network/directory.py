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
from django.db.models import (
    BooleanField,
    Count,
    Exists,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from . import directory_counts
from .directory_text_counts import count_text_matches
from .facets import (
    TOPIC_FACET_SIZE,
    FacetValue,
    availability_values,
    cluster_values,
    province_values,
    school_type_values,
    support_need_values,
    topic_values,
)
from .models import (
    Affiliation,
    Availability,
    Cluster,
    Profile,
    Province,
    SchoolType,
    SupportNeed,
    TaggedTopic,
    Topic,
    Visibility,
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


# The filters held in a table beside the profile: that table, how it names the
# chosen value (by key, see chosen_keys) and its column naming the profile.
THROUGH = {
    "support_need": (Profile.support_needs.through, "supportneed_id__in", "profile_id"),
    "topic": (TaggedTopic, "tag_id__in", "content_object_id"),
    "cluster": (Profile.clusters.through, "cluster_id__in", "profile_id"),
    "province": (Affiliation, "school__province", "profile_id"),
}


def chosen_keys(filters: dict) -> dict[str, list]:
    """The keys of the support need, topic and cluster chosen by slug or
    number. Filtering the through tables on these keys lets PostgreSQL read
    from its statistics how many profiles each has; through a join to the
    slug it guessed the same for every need, and at 300,000 people took the
    list of a text search with two filters for a handful of rows: it read all
    94,000 profiles holding the word and sorted them (340 ms), where walking
    the names in order finds the first twenty in 16 ms."""
    models = {"support_need": SupportNeed, "topic": Topic, "cluster": Cluster}
    lookups = {"support_need": "slug", "topic": "slug", "cluster": "number"}
    return {
        name: list(
            model.objects.filter(**{lookups[name]: filters[name]}).values_list(
                "pk", flat=True
            )
        )
        for name, model in models.items()
        if name in filters
    }


def _conditions(
    filters: dict, user, prefix: str = "", keys: dict | None = None
) -> dict[str, Q]:
    """The active filters as conditions on a profile reached through `prefix`
    (e.g. "profile__" from a through table). Facet counts join from the through
    tables with these, which databases answer far faster than IN (subquery).

    From a through table, a member's count asks by key who may be seen: the
    few profiles a member may not see are left out (network.permissions.
    profiles_hidden_from), so a count with no text, school type or
    availability chosen never joins the profiles. At 300,000 people that
    counted a facet in 127 ms instead of 327. They are left out with NOT
    EXISTS, which PostgreSQL answers with a hash however many they are; as
    NOT IN, a list it guessed too big for memory was searched once for each
    row. A visitor may not see most profiles (the members-only ones), so a
    visitor's count joins the profile and asks its visibility, as does a
    count with a text, which needs the joined profile anyway. (By key there,
    PostgreSQL planned the count 10 to 20% slower, and as a subquery of keys
    the text was checked row by row.)"""
    field = lambda name: prefix + name  # noqa: E731
    words = filters.get("q", "").lower().split()[:8]
    seen = profile_visibilities_for(user)
    if prefix and not words and Visibility.MEMBERS in seen:
        # "profile__" -> the through table's own "profile_id" column.
        key = OuterRef(prefix.removesuffix("__") + "_id")
        conditions = {
            "visible": Q(
                *(~Exists(keys.filter(pk=key)) for keys in profiles_hidden_from(user))
            )
        }
    else:
        conditions = {
            "visible": Q(**{field("visibility__in"): seen})
            & ~Q(**{field("user__in"): closed_accounts()})
        }
    if words:
        conditions["q"] = Q(*(Q(**{field("search_text__contains"): w}) for w in words))
    keys = chosen_keys(filters) if keys is None else keys
    for name, (model, lookup, column) in THROUGH.items():
        if name in filters:
            value = keys.get(name, filters[name])
            if value == []:
                # Nothing has it (a renamed need in an old link): a condition
                # no profile meets, that compiles where an empty IN does not.
                conditions[name] = Q(**{field("pk__isnull"): True})
                continue
            matching = model.objects.filter(**{lookup: value}).values(column)
            conditions[name] = Q(**{field("pk__in"): matching})
    if "school_type" in filters:
        conditions["school_type"] = Q(
            **{field("school_type__in"): SchoolType.matching(filters["school_type"])}
        )
    if "availability" in filters:
        flag = Profile.AVAILABILITY_FIELDS[filters["availability"]]
        conditions["availability"] = Q(**{field(flag): True})
    return conditions


def _probes(filters: dict, keys: dict) -> dict[str, Subquery]:
    """For each chosen filter held beside the profile, whether one profile
    meets it, asked of that table's index for that profile alone (true, or
    null for no): a subquery that stops at its first row, which PostgreSQL
    asks row by row, where `IN (subquery)` is first hashed whole (see
    network.directory_text_counts.count_text_matches for when each pays)."""
    probes = {}
    for name, (model, lookup, column) in THROUGH.items():
        if name in filters and keys.get(name) != []:
            value = keys.get(name, filters[name])
            meets = model.objects.filter(**{column: OuterRef("pk"), lookup: value})
            probes[name] = Subquery(
                meets.values(met=Value(True))[:1], output_field=BooleanField()
            )
    return probes


def _except(conditions: dict[str, Q], dimension: str) -> list[Q]:
    return [q for name, q in conditions.items() if name != dimension]


@dataclass
class DirectoryResult:
    profiles: QuerySet
    total: int = 0  # how many profiles match, counted with the facets
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    filters: dict = field(default_factory=dict)
    # The total and the facets' counts are estimated from a sample
    # (network.directory_text_counts); the profiles listed are not.
    approximate: bool = False


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
    keys = chosen_keys(filters)
    on_profile = _conditions(filters, user, keys=keys)
    profiles = Profile.objects.filter(*on_profile.values()).order_by(
        *SORTS[filters.get("sort", "name")]
    )
    # Counting reads every matching profile, so the facet counts and the total
    # are cached per generation, audience and filter set; the list itself is
    # always fresh.
    wanted = sorted((k, str(v)) for k, v in filters.items() if k != "sort")
    key = "network:directory:counted:{}:{}:{}".format(
        cache.get_or_set(GENERATION_KEY, 1, None),
        "-".join(profile_visibilities_for(user)),
        hashlib.sha256(json.dumps(wanted).encode()).hexdigest()[:32],
    )
    counted = cache.get(key)
    if counted is None:
        counted = _count(filters, user, on_profile, keys)
        cache.set(key, counted, FACET_CACHE_SECONDS)
    total, facets, approximate = counted
    return DirectoryResult(
        profiles=profiles,
        total=total,
        facets=facets,
        filters=filters,
        approximate=approximate,
    )


def _count(filters: dict, user, on_profile, keys=None) -> tuple[int, dict, bool]:
    """The total, every facet's counts and whether they are estimates."""
    chosen = set(filters) - {"sort"}
    keys = chosen_keys(filters) if keys is None else keys
    if len(chosen) <= 1 and "q" not in chosen:
        return (*kept_counts(user, filters, keys), False)
    if "q" in on_profile:
        audience = directory_counts.audience_for(profile_visibilities_for(user))
        probes = _probes(filters, keys)
        return count_text_matches(filters, on_profile, audience, probes)
    return (*count_afresh(filters, user, on_profile, keys), False)


def count_afresh(filters: dict, user, on_profile, keys=None) -> tuple[int, dict]:
    """The total and every facet's counts, counted from the profiles now
    (with no text: network.directory_text_counts counts those)."""
    keys = chosen_keys(filters) if keys is None else keys
    via_profile = _conditions(filters, user, "profile__", keys)
    via_tagged = _conditions(filters, user, "content_object__", keys)
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
    school_types = {kind: counts[_alias("type", kind)] for kind in SchoolType.values}
    open_for = {
        choice: counts[_alias("open", choice)] for choice in Profile.AVAILABILITY_FIELDS
    }
    return (
        counts["total"],
        school_type_values(school_types, filters.get("school_type")),
        availability_values(open_for, filters.get("availability")),
    )


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
    return support_need_values(counts, filters.get("support_need"))


def _topic_facet(conditions, filters) -> list[FacetValue]:
    rows = (
        TaggedTopic.objects.filter(*conditions)
        .values_list("tag__slug", "tag__name")
        .annotate(n=Count("content_object_id"))
        .order_by("-n", "tag__name")[:TOPIC_FACET_SIZE]
    )
    return topic_values(rows, filters.get("topic"))


def _cluster_facet(conditions, filters) -> list[FacetValue]:
    counts = dict(
        Profile.clusters.through.objects.filter(*conditions)
        .values_list("cluster__number")
        .annotate(n=Count("profile_id"))
        .order_by()
    )
    return cluster_values(counts, filters.get("cluster"))


def _province_facet(conditions, filters) -> list[FacetValue]:
    counts = dict(
        Affiliation.objects.filter(*conditions)
        .values_list("school__province")
        .annotate(n=Count("profile_id", distinct=True))
        .order_by()
    )
    return province_values(counts, filters.get("province"))


def kept_counts(user, filters: dict, keys=None) -> tuple[int, dict]:
    """The counts with nothing or one facet chosen, as network.directory_counts
    keeps them for the reader's audience."""
    chosen = next((name for name in filters if name != "sort"), None)
    keys = chosen_keys(filters) if keys is None else keys
    counted = directory_counts.counts_for(
        directory_counts.audience_for(profile_visibilities_for(user)),
        (chosen, _kept_values(chosen, filters[chosen], keys)) if chosen else None,
    )
    by_number = {
        facet: {int(value): n for value, n in counted.get(facet, {}).items()}
        for facet in ("support_need", "cluster", "topic")
    }
    topics = Topic.objects.filter(pk__in=by_number["topic"]).values_list(
        "pk", "slug", "name"
    )
    largest = sorted(topics, key=lambda t: (-by_number["topic"][t[0]], t[2]))
    return counted.get("total", {}).get("", 0), {
        "support_need": support_need_values(
            by_number["support_need"], filters.get("support_need")
        ),
        "topic": topic_values(
            [
                (slug, name, by_number["topic"][key])
                for key, slug, name in largest[:TOPIC_FACET_SIZE]
            ],
            filters.get("topic"),
        ),
        "cluster": cluster_values(by_number["cluster"], filters.get("cluster")),
        "school_type": school_type_values(
            counted.get("school_type", {}), filters.get("school_type")
        ),
        "province": province_values(
            counted.get("province", {}), filters.get("province")
        ),
        "availability": availability_values(
            counted.get("availability", {}), filters.get("availability")
        ),
    }


def _kept_values(facet: str, chosen, keys: dict) -> list[str]:
    """The values a chosen filter stands for, as the kept counts store them
    (a need or topic by key, from chosen_keys)."""
    if facet in ("support_need", "topic"):
        return [str(key) for key in keys[facet]]
    if facet == "school_type":
        return SchoolType.matching(chosen)
    return [str(chosen)]
