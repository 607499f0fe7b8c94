"""Names beside a page of profiles (their schools, support needs, topics),
read in one query for the whole page.

prefetch_related builds, for every profile, a queryset filtered on that
profile, and loads whole rows: for a page of twenty cards that showed two
lists of names it took about ten milliseconds. The cards and the site
search's experts show names only.

The one query is written by hand: built with the ORM (three querysets and
their union, compiled for every page) it cost about 3 ms of Python on each
directory page and each search that found experts, three times the query's
own time (7 December 2026)."""

from functools import cache

from django.db import connection

from .models import Affiliation, Profile, School, SupportNeed, TaggedTopic, Topic


def names_beside(keys, *, topics: bool = True) -> tuple[dict, dict, dict]:
    """The names of these profiles' schools (in the order they were joined),
    support needs (in the needs' own order) and, unless told not to, topics
    (by name), each as {profile key: [name, ...]}: one query, the lists side
    by side, each row with the key it sorts by. For the cards of the
    directory and the site search's experts, which show only names."""
    lists: tuple[dict, dict, dict] = ({}, {}, {})
    keys = list(keys)
    if not keys:
        return lists
    parts = _parts()[: 3 if topics else 2]
    marks = ", ".join(["%s"] * len(keys))
    sql = " UNION ALL ".join(part.format(keys=marks) for part in parts)
    with connection.cursor() as cursor:
        # Ordered by kind, owner, the key each list sorts by, then name.
        cursor.execute(f"{sql} ORDER BY 1, 2, 4, 3", keys * len(parts))
        for kind, owner, name, _first in cursor.fetchall():
            lists[kind].setdefault(owner, []).append(name)
    return lists


@cache
def _parts() -> tuple[str, str, str]:
    """The three lists' SELECTs (kind, owner, name, sort key), each with a
    {keys} slot for the profiles' keys; table and column names as the models
    give them."""
    affiliation, school = Affiliation._meta, School._meta
    chosen = Profile.support_needs.through._meta
    need = SupportNeed._meta
    tagged, topic = TaggedTopic._meta, Topic._meta

    def column(meta, field):
        return meta.get_field(field).column

    return (
        f"SELECT 0, a.{column(affiliation, 'profile')}, s.name, a.id"
        f" FROM {affiliation.db_table} a"
        f" JOIN {school.db_table} s ON s.id = a.{column(affiliation, 'school')}"
        f" WHERE a.{column(affiliation, 'profile')} IN ({{keys}})",
        f"SELECT 1, c.{column(chosen, 'profile')}, n.name, n.sort_order"
        f" FROM {chosen.db_table} c"
        f" JOIN {need.db_table} n ON n.id = c.{column(chosen, 'supportneed')}"
        f" WHERE c.{column(chosen, 'profile')} IN ({{keys}})",
        f"SELECT 2, t.{column(tagged, 'content_object')}, g.name, 0"
        f" FROM {tagged.db_table} t"
        f" JOIN {topic.db_table} g ON g.id = t.{column(tagged, 'tag')}"
        f" WHERE t.{column(tagged, 'content_object')} IN ({{keys}})",
    )
