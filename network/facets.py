"""Facet values shown beside a filtered list (the directory, the offers): each
choice with how many results it would give, from counts however they were
counted."""

from dataclasses import dataclass

from .models import Cluster, Profile, Province, SchoolType, SupportNeed

# The topics a facet lists, the largest first: there are tens of them.
TOPIC_FACET_SIZE = 15


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool
    # The count is an estimate (see network.directory_text_counts).
    approximate: bool = False


def support_need_values(counts: dict, chosen) -> list[FacetValue]:
    """`counts` by support need key."""
    return [
        FacetValue(need.slug, need.name, counts.get(need.pk, 0), chosen == need.slug)
        for need in SupportNeed.objects.all()
    ]


def cluster_values(counts: dict, chosen) -> list[FacetValue]:
    """`counts` by cluster number."""
    return [
        FacetValue(
            str(cluster.number),
            str(cluster),
            counts.get(cluster.number, 0),
            chosen == cluster.number,
        )
        for cluster in Cluster.objects.all()
    ]


def province_values(counts: dict, chosen) -> list[FacetValue]:
    return [
        FacetValue(code, label, counts.get(code, 0), chosen == code)
        for code, label in Province.choices
    ]


def school_type_values(counts: dict, chosen, either=(SchoolType.BOTH,)):
    """`counts` by stored school type; those stored as one of `either` serve
    SO and VSO alike, and count for both."""
    for_both = sum(counts.get(value, 0) for value in either)
    return [
        FacetValue(
            kind.value,
            kind.label,
            counts.get(kind.value, 0) + for_both,
            chosen == kind.value,
        )
        for kind in (SchoolType.SO, SchoolType.VSO)
    ]


def choice_values(counts: dict, choices, chosen) -> list[FacetValue]:
    """`counts` by a choice's value, for each of `choices` (value, label)."""
    return [
        FacetValue(value, label, counts.get(value, 0), chosen == value)
        for value, label in choices
    ]


def topic_values(rows, chosen) -> list[FacetValue]:
    """The largest topics as rows of (slug, name, count), largest first."""
    values = [FacetValue(slug, name, n, chosen == slug) for slug, name, n in rows]
    if chosen and not any(v.selected for v in values):
        # Keep the reader's choice visible even when it is not among the largest.
        values.append(FacetValue(chosen, chosen, 0, True))
    return values


def availability_values(counts: dict, chosen) -> list[FacetValue]:
    """`counts` by what a profile is open for (questions, a visit, a talk)."""
    choices = [(choice.value, choice.label) for choice in Profile.AVAILABILITY_FIELDS]
    return choice_values(counts, choices, chosen)
