"""The directory's counts with nothing or one thing chosen, kept up to date as
profiles change.

The directory's first page shows, beside the list, how many people each
support need, topic, cluster, school type, province and availability has:
six counts over every profile a reader may see. At 300,000 people counting
them took 0.4 to 0.7 s, and any change to any profile empties the cached
counts. Here each profile remembers what it is counted as (Profile.counted_as:
lines of audience|facet|value), and a change to a profile adds or takes away
only the difference, in DirectoryCount, in the change's own transaction.
Reading the counts is then one small query.

With one value chosen (the need a link from a knowledge article names, say),
every other facet counts the profiles that have both: so pairs of values of
two facets are counted too, derived from the same lines.

network.search_text calls `recount` for every change it learns of; a deleted
profile takes its part away (`forget`). Functions take the model registry, so
the migration that first fills the counts runs this same code.
"""

from collections import Counter, defaultdict
from itertools import combinations

from django.apps import apps as installed_apps
from django.db import transaction
from django.db.models import F, Q

# Who reads the counts: visitors see public profiles, members public and
# members-only ones (network.permissions.profile_visibilities_for).
PUBLIC, MEMBERS = "public", "members"
AUDIENCES_OF_VISIBILITY = {"public": (PUBLIC, MEMBERS), "members": (MEMBERS,)}
AVAILABILITY = {
    "questions": "open_for_questions",
    "visit": "open_for_visit",
    "talk": "open_for_talk",
}
BATCH = 2_000
# The parts of a key, a single value's leaving the other facet blank.
FIELDS = ("audience", "facet", "value", "other_facet", "other_value")
# counted_as of a profile being deleted: not a key (keys hold "|").
LEAVING = "leaving"


def audience_for(visibilities) -> str:
    return MEMBERS if MEMBERS in visibilities else PUBLIC


def keys_of(row: dict) -> set[str]:
    """What one profile is counted as: for each audience that may see it, the
    total, its school type, each availability, support need (key), cluster
    (number), topic (key) and province of its schools."""
    if not row["active"]:
        return set()
    audiences = AUDIENCES_OF_VISIBILITY.get(row["visibility"], ())
    values = [("total", ""), ("school_type", row["school_type"])]
    values += [("availability", c) for c, flag in AVAILABILITY.items() if row[flag]]
    values += [("support_need", str(key)) for key in row["needs"]]
    values += [("cluster", str(number)) for number in row["clusters"]]
    values += [("topic", str(key)) for key in row["topics"]]
    values += [("province", code) for code in row["provinces"]]
    return {
        f"{audience}|{facet}|{value}"
        for audience in audiences
        for facet, value in values
    }


def with_pairs(keys) -> set[str]:
    """The keys and every pair of two of them of different facets, for one
    audience at a time: audience|facet|value|other facet|other value, the two
    in one order."""
    by_audience = defaultdict(list)
    for key in keys:
        audience, facet, value = key.split("|", 2)
        if facet != "total":
            by_audience[audience].append((facet, value))
    pairs = {
        f"{audience}|{facet}|{value}|{other}|{other_value}"
        for audience, values in by_audience.items()
        for (facet, value), (other, other_value) in combinations(sorted(values), 2)
        if facet != other
    }
    return set(keys) | pairs


def recount(profile_ids, apps=installed_apps) -> None:
    """Bring these profiles' part of the counts up to date."""
    ids = sorted(set(profile_ids))
    if not ids:
        return
    with transaction.atomic():
        change = Counter()
        for start in range(0, len(ids), BATCH):
            # update(), not +=, which would drop the counts going down.
            change.update(_recount_batch(ids[start : start + BATCH], apps))
        _apply(change, apps)


def forget(profile_id, apps=installed_apps) -> None:
    """Take a profile that is being deleted out of the counts. Its schools,
    topics and needs are deleted before it, and each recounts it: marked as
    leaving, it is counted as nothing by then."""
    Profile = apps.get_model("network", "Profile")
    with transaction.atomic():
        counted = Profile.objects.select_for_update().filter(pk=profile_id)
        for counted_as in counted.values_list("counted_as", flat=True):
            keys = with_pairs(_split(counted_as))
            _apply(Counter({key: -1 for key in keys}), apps)
        counted.update(counted_as=LEAVING)


def rebuild(apps=installed_apps) -> None:
    """Count every profile afresh (the migration that adds the counts, and a
    check that the kept counts are right)."""
    Profile = apps.get_model("network", "Profile")
    with transaction.atomic():
        apps.get_model("network", "DirectoryCount").objects.all().delete()
        Profile.objects.exclude(counted_as="").update(counted_as="")
        recount(Profile.objects.values_list("pk", flat=True), apps)


def counts_for(
    audience: str, chosen: tuple[str, list[str]] | None = None, apps=installed_apps
) -> dict[str, dict[str, int]]:
    """The counts an audience sees, by facet and value (none below one); with
    `chosen` (a facet and the stored values it stands for), those of the other
    facets among the profiles with one of the chosen values, and the total of
    those. The chosen facet keeps the counts of nothing chosen, as choosing
    another of its values would replace this one."""
    DirectoryCount = apps.get_model("network", "DirectoryCount")
    wanted = Q(other_facet="")
    if chosen is not None:
        facet, values = chosen
        wanted = (
            Q(other_facet="", facet__in=[facet, "total"])
            | Q(facet=facet, value__in=values)
            | Q(other_facet=facet, other_value__in=values)
        )
    rows = DirectoryCount.objects.filter(
        wanted, audience=audience, count__gt=0
    ).values_list("facet", "value", "other_facet", "other_value", "count")
    counts: dict[str, dict[str, int]] = {}
    among_chosen = defaultdict(int)
    for facet, value, other, other_value, count in rows:
        if chosen is None or not other:
            counts.setdefault(facet, {})[value] = count
        elif facet == chosen[0]:  # a pair: counted under the other value
            among_chosen[(other, other_value)] += count
        else:
            among_chosen[(facet, value)] += count
    if chosen is not None:
        facet, values = chosen
        counts = {facet: counts.get(facet, {})}
        for (other, value), count in among_chosen.items():
            counts.setdefault(other, {})[value] = count
        counts["total"] = {"": sum(counts[facet].get(v, 0) for v in values)}
    return counts


def total_for(audience: str, apps=installed_apps) -> int:
    """How many profiles the audience may see in the directory."""
    DirectoryCount = apps.get_model("network", "DirectoryCount")
    totals = DirectoryCount.objects.filter(
        audience=audience, facet="total", other_facet=""
    ).values_list("count", flat=True)
    return next(iter(totals), 0)


def _recount_batch(ids: list[int], apps) -> Counter:
    """The change in counts for these profiles, each profile's new keys saved."""
    Profile = apps.get_model("network", "Profile")
    # Locked, so two changes to one profile at once cannot both count the
    # difference from the same old keys.
    locked = Profile.objects.select_for_update(of=("self",)).filter(pk__in=ids)
    rows = {
        row["pk"]: {
            **row,
            "needs": [],
            "clusters": [],
            "topics": [],
            "provinces": set(),
        }
        for row in locked.order_by("pk").values(
            "pk",
            "visibility",
            "school_type",
            "counted_as",
            *AVAILABILITY.values(),
            active=F("user__is_active"),
        )
    }
    for profile_id, key in Profile.support_needs.through.objects.filter(
        profile_id__in=ids
    ).values_list("profile_id", "supportneed_id"):
        rows[profile_id]["needs"].append(key)
    for profile_id, number in Profile.clusters.through.objects.filter(
        profile_id__in=ids
    ).values_list("profile_id", "cluster__number"):
        rows[profile_id]["clusters"].append(number)
    tagged = apps.get_model("network", "TaggedTopic").objects
    for profile_id, key in tagged.filter(content_object_id__in=ids).values_list(
        "content_object_id", "tag_id"
    ):
        rows[profile_id]["topics"].append(key)
    affiliations = apps.get_model("network", "Affiliation").objects
    for profile_id, code in affiliations.filter(profile_id__in=ids).values_list(
        "profile_id", "school__province"
    ):
        if code:
            rows[profile_id]["provinces"].add(code)
    change = Counter()
    renewed = []
    for row in rows.values():
        if row["counted_as"] == LEAVING:
            continue
        old, new = set(_split(row["counted_as"])), keys_of(row)
        if old == new:
            continue
        renewed.append(Profile(pk=row["pk"], counted_as="\n".join(sorted(new))))
        old, new = with_pairs(old), with_pairs(new)
        change.update(new - old)
        change.subtract(old - new)
    Profile.objects.bulk_update(renewed, ["counted_as"], batch_size=500)
    return change


def _apply(change: Counter, apps) -> None:
    """Add the change to the counts. Rows are updated in one order, so two
    changes at once wait for each other rather than deadlock."""
    DirectoryCount = apps.get_model("network", "DirectoryCount")
    changed = sorted((key, by) for key, by in change.items() if by)
    if not changed:
        return
    rows = [dict(zip(FIELDS, _parts(key), strict=True)) for key, _by in changed]
    DirectoryCount.objects.bulk_create(
        [DirectoryCount(**row, count=0) for row in rows], ignore_conflicts=True
    )
    for row, (_key, by) in zip(rows, changed, strict=True):
        DirectoryCount.objects.filter(**row).update(count=F("count") + by)


def _parts(key: str) -> list[str]:
    """A key's audience, facet, value and (of a pair) other facet and value."""
    parts = key.split("|")
    return parts if len(parts) == len(FIELDS) else [*parts, "", ""]


def _split(counted_as: str) -> list[str]:
    return [key for key in counted_as.split("\n") if key]
