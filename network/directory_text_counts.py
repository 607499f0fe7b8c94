"""The directory's counts for a text search: the total and every facet's counts
among the profiles that hold the words, in one statement.

Counting reads every profile holding the words. A common word is held by many:
"communicatie" by 8,400 of today's 30,000 people (30 ms to count), and at ten
times that network by 94,000, which took 155 ms only to find and 450 to 700 ms
to count by every facet. On a network larger than SAMPLE_SIZE people (and on
PostgreSQL), the words are therefore first counted in a sample of the
profiles: PostgreSQL's TABLESAMPLE SYSTEM, the same pages every time, so the
numbers hold still from one request to the next. When the sample holds at
least ENOUGH of them, its counts are scaled up and shown as estimates
("ca. 4.400"); a rarer word is counted exactly, which is then quick. The list
of profiles is never estimated: it is always read in full, in order.
"""

from django.db import connection
from django.db.models import BooleanField, ExpressionWrapper, F

from . import directory_counts
from .facets import (
    TOPIC_FACET_SIZE,
    availability_values,
    cluster_values,
    province_values,
    school_type_values,
    support_need_values,
    topic_values,
)
from .models import Affiliation, Cluster, Profile, School, TaggedTopic, Topic

# A sample as large as today's whole network, which is counted exactly in
# some 30 ms; a larger network is sampled down to it.
SAMPLE_SIZE = 30_000
# Matches in the sample that make its estimates worth showing; with fewer,
# the words are rare enough to count exactly.
ENOUGH = 1_000


def count_text_matches(
    filters, on_profile, audience, probes=None
) -> tuple[int, dict, bool]:
    """The total, every facet's counts and whether they are estimates.

    `probes` ask, one profile at a time, whether it meets a chosen filter
    (network.directory._probes). A sample asks them in place of the filters'
    conditions: those hash every profile in the network with the value
    (112,000 in cluster 4 at 300,000 people) for the sample's 9,000 matches,
    and the probes took 66 ms where the hashes took 111. Counting all the
    matches, the hashes are the faster (43 against 63 ms for 8,400 matches
    among 30,000 people)."""
    percent = sample_percent(audience)
    if percent is not None:
        rows = _counted(filters, on_profile, probes or {}, percent)
        sampled = next(n for facet, _n, _w, _name, n in rows if facet == "sampled")
        if sampled >= ENOUGH:
            return _read(rows, filters, scale=100 / percent)
    return _read(_counted(filters, on_profile, {}), filters, scale=None)


def sample_percent(audience) -> float | None:
    """How much of the network a sample holds, in percent, or None when the
    network is small enough (or the database cannot sample) to count it all."""
    if connection.vendor != "postgresql":
        return None
    network = directory_counts.total_for(audience)
    if network <= SAMPLE_SIZE:
        return None
    return 100 * SAMPLE_SIZE / network


def estimate(count: int, scale: float) -> int:
    """A count in the sample as a count in the network, rounded to what a
    sample can say: two significant digits, and at least 10 for any found."""
    if not count:
        return 0
    scaled = count * scale
    step = 10 ** max(1, len(str(int(scaled))) - 2)
    return max(10, int(scaled / step + 0.5) * step)


def _counted(filters, on_profile, probes, percent=None) -> list[tuple]:
    """The rows of the counting statement: (facet, number, word, name, count).

    The profiles the reader may see that hold the words are found once, each
    with a column per chosen filter saying whether it meets it; every count
    then reads those rows, leaving out those that miss a filter other than its
    own. Counted one by one, each count found the words again."""
    chosen = [name for name in on_profile if name not in ("visible", "q")]
    matched = (
        Profile.objects.filter(on_profile["visible"], on_profile["q"])
        .order_by()
        .annotate(
            **{
                f"meets_{name}": probes.get(name)
                or ExpressionWrapper(on_profile[name], output_field=BooleanField())
                for name in chosen
            }
        )
        .values(
            "school_type",
            *Profile.AVAILABILITY_FIELDS.values(),
            *(f"meets_{name}" for name in chosen),
            profile=F("pk"),
        )
    )
    matched_sql, params = matched.query.sql_with_params()
    params = list(params)
    if percent is not None:
        table = connection.ops.quote_name(Profile._meta.db_table)
        whole = f"FROM {table} WHERE"
        if matched_sql.count(whole) != 1:
            raise ValueError("no single place in the statement to take a sample")
        # The percentage is a number of our own, written into the SQL: as a
        # parameter it would have to go before all the others.
        sample = f"FROM {table} TABLESAMPLE SYSTEM ({percent:.6f}) REPEATABLE (0) WHERE"
        matched_sql = matched_sql.replace(whole, sample)

    def meeting(*also: str, but: str = "") -> str:
        """WHERE: `also`, and every chosen filter but the facet's own."""
        met = [*also, *(f"m.meets_{name}" for name in chosen if name != but)]
        return f"WHERE {' AND '.join(met)}" if met else ""

    table = _table_names()
    # Each row: the facet, its value as a number or as a word, a name, a count.
    parts = [
        "SELECT 'sampled', CAST(NULL AS BIGINT), CAST(NULL AS TEXT), "
        "CAST(NULL AS TEXT), COUNT(*) FROM matched m",
        f"SELECT 'total', NULL, NULL, NULL, COUNT(*) FROM matched m {meeting()}",
        "SELECT 'school_type', NULL, m.school_type, NULL, COUNT(*) FROM matched m "
        f"{meeting(but='school_type')} GROUP BY m.school_type",
    ]
    for choice, flag in Profile.AVAILABILITY_FIELDS.items():
        parts.append(
            "SELECT 'availability', NULL, %s, NULL, COUNT(*) FROM matched m "
            + meeting(f"m.{flag}", but="availability")
        )
        params.append(choice.value)
    parts += [
        "SELECT 'support_need', t.supportneed_id, NULL, NULL, COUNT(*) "
        f"FROM matched m "
        f"JOIN {table['needs']} t ON t.profile_id = m.profile "
        f"{meeting(but='support_need')} GROUP BY t.supportneed_id",
        "SELECT 'cluster', c.number, NULL, NULL, COUNT(*) FROM matched m "
        f"JOIN {table['clusters']} t ON t.profile_id = m.profile "
        f"JOIN {table['cluster']} c ON c.id = t.cluster_id "
        f"{meeting(but='cluster')} GROUP BY c.number",
        "SELECT 'province', NULL, s.province, NULL, COUNT(DISTINCT m.profile) "
        f"FROM matched m JOIN {table['affiliation']} a ON a.profile_id = m.profile "
        f"JOIN {table['school']} s ON s.id = a.school_id "
        f"{meeting(but='province')} GROUP BY s.province",
        # Every topic: there are tens, and the largest are picked below.
        "SELECT 'topic', NULL, tag.slug, tag.name, COUNT(*) FROM matched m "
        f"JOIN {table['tagged']} t ON t.content_object_id = m.profile "
        f"JOIN {table['topic']} tag ON tag.id = t.tag_id "
        f"{meeting(but='topic')} GROUP BY tag.slug, tag.name",
    ]
    # MATERIALIZED: found once, whatever the planner would rather inline.
    sql = f"WITH matched AS MATERIALIZED ({matched_sql}) " + " UNION ALL ".join(parts)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _read(rows, filters, scale: float | None) -> tuple[int, dict, bool]:
    """The counting statement's rows as the total and the facets' values,
    scaled up from a sample when `scale` is given."""
    counted: dict[str, dict] = {}
    names = {}
    for facet, number, word, name, n in rows:
        value = word if number is None else number
        counted.setdefault(facet, {})[value] = (
            n if scale is None else estimate(n, scale)
        )
        if facet == "topic":
            names[value] = name
    topics = sorted(
        counted.get("topic", {}).items(), key=lambda topic: (-topic[1], names[topic[0]])
    )
    facets = {
        "support_need": support_need_values(
            counted.get("support_need", {}), filters.get("support_need")
        ),
        "topic": topic_values(
            [(slug, names[slug], n) for slug, n in topics[:TOPIC_FACET_SIZE]],
            filters.get("topic"),
        ),
        "cluster": cluster_values(counted.get("cluster", {}), filters.get("cluster")),
        "school_type": school_type_values(
            counted.get("school_type", {}), filters.get("school_type")
        ),
        "province": province_values(
            counted.get("province", {}), filters.get("province")
        ),
        "availability": availability_values(
            counted["availability"], filters.get("availability")
        ),
    }
    if scale is not None:
        for values in facets.values():
            for value in values:
                value.approximate = True
    return counted["total"][None], facets, scale is not None


def _table_names() -> dict[str, str]:
    quote = connection.ops.quote_name
    models = {
        "needs": Profile.support_needs.through,
        "clusters": Profile.clusters.through,
        "cluster": Cluster,
        "affiliation": Affiliation,
        "school": School,
        "tagged": TaggedTopic,
        "topic": Topic,
    }
    return {name: quote(model._meta.db_table) for name, model in models.items()}
