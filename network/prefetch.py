"""Names beside a page of profiles (their schools, support needs, topics),
read in one query for the whole page.

prefetch_related builds, for every profile, a queryset filtered on that
profile, and loads whole rows: for a page of twenty cards that showed two
lists of names it took about ten milliseconds. The cards and the site
search's experts show names only."""

from django.db.models import F, Value

from .models import Affiliation, Profile, TaggedTopic


def names_beside(keys, *, topics: bool = True) -> tuple[dict, dict, dict]:
    """The names of these profiles' schools (in the order they were joined),
    support needs (in the needs' own order) and, unless told not to, topics
    (by name), each as {profile key: [name, ...]}: one query, the lists side
    by side, each row with the key it sorts by. For the cards of the
    directory and the site search's experts, which show only names."""
    parts = [
        Affiliation.objects.filter(profile_id__in=keys).annotate(
            kind=Value(0), owner=F("profile_id"), name=F("school__name"), first=F("pk")
        ),
        Profile.support_needs.through.objects.filter(profile_id__in=keys).annotate(
            kind=Value(1),
            owner=F("profile_id"),
            name=F("supportneed__name"),
            first=F("supportneed__sort_order"),
        ),
    ]
    if topics:
        parts.append(
            TaggedTopic.objects.filter(content_object_id__in=keys).annotate(
                kind=Value(2),
                owner=F("content_object_id"),
                name=F("tag__name"),
                first=Value(0),
            )
        )
    columns = ("kind", "owner", "name", "first")
    first, *others = (part.values_list(*columns) for part in parts)
    rows = first.union(*others, all=True).order_by("kind", "owner", "first", "name")
    lists: tuple[dict, dict, dict] = ({}, {}, {})
    for kind, owner, name, _first in rows:
        lists[kind].setdefault(owner, []).append(name)
    return lists
