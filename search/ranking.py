"""Every kind's hits counted and one page of them ranked, in one statement.

Each source's search is a query of its matching index entries, each with its
score, among what the reader may see (the source's queryset, as a subquery of
keys). Here those queries stand side by side in one statement: the database
counts each kind for the facets and returns the asked window of the list of
all kinds (or of one), weighted by each source's weight, in one round trip.
Only that window's objects are loaded after."""

from dataclasses import dataclass, field

from django.db import connection
from django.db.models import F, FloatField, TextField, Value
from django.db.models.functions import Cast

NO_SCORE = "CAST(NULL AS DOUBLE PRECISION)"


@dataclass
class Ranking:
    counts: dict = field(default_factory=dict)  # source -> number of hits
    # (source, key, relevance), best first; the relevance is the source's own
    # score, higher for better, before its weight ranked it among the others.
    hits: list = field(default_factory=list)


def scored_keys(results):
    """A source's hits as rows (hit_key, hit_score) of a queryset: the index's
    ranked entries for a search, or the listed objects with their fixed score
    for a source that listed rather than searched (the schools of a place)."""
    scored = getattr(results, "scored_keys", None)
    keys = scored() if scored else None
    if keys is not None:
        return keys
    queryset = results if not hasattr(results, "get_queryset") else None
    if queryset is None:
        # A search the index cannot rank: its objects, all alike.
        queryset = results.get_queryset().annotate(
            _score=Value(0.0, output_field=FloatField())
        )
    return queryset.order_by().values(
        hit_key=Cast("pk", TextField()), hit_score=F("_score")
    )


def scored_sql(results) -> tuple[str, list]:
    """scored_keys as SQL and parameters: written by the backend where it can,
    else compiled from the queryset."""
    written = getattr(results, "scored_sql", None)
    found = written() if written else None
    if found is not None:
        return found[0], list(found[1])
    return scored_keys(results).query.sql_with_params()


def finds_any(found) -> bool:
    """Whether any source has a hit: one statement that stops at the first
    (no scores, no counts)."""
    if not found:
        return False
    parts, params = [], []
    for number, (_source, results) in enumerate(found):
        sql, part_params = scored_sql(results)
        parts.append(f"SELECT 1 FROM ({sql}) AS kind_{number}")
        params += part_params
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT EXISTS ({' UNION ALL '.join(parts)})", params)
        return bool(cursor.fetchone()[0])


def rank(found, sign: int, window: slice, only=None, count=True) -> Ranking:
    """Counts per source and the hits in `window` of the merged list (or of
    source `only`'s list), in one statement. `sign` turns the backend's scores
    so that higher is better (SQLite's bm25 is lower for better). Without
    `count` only the window is ranked (its counts stay 0): the statement no
    longer keeps every hit aside to count it after ranking, which cost a
    fifth of a small search's statement (7 December 2026)."""
    if not found:
        return Ranking()
    if not count and only is not None:
        found = [(source, results) for source, results in found if source is only]
    parts, params = [], []
    for number, (source, results) in enumerate(found):
        sql, part_params = scored_sql(results)
        if only is None or source is only:
            # The score is read once here and weighed below: PostgreSQL pulls
            # the source's subquery up into this one, so each mention of
            # hit_score ranks the row again (0.7 of a 6 ms part, measured).
            relevance = "CAST(hit_score AS DOUBLE PRECISION) * %s"
            params.append(sign)
        else:
            # Only counted: the database need not score these (a score nobody
            # selects is never computed).
            relevance = NO_SCORE
        parts.append(
            f"SELECT {number} AS source, hit_key, {relevance} AS relevance "
            f"FROM ({sql}) AS kind_{number}"
        )
        params += part_params
    sources = [source for source, _results in found]
    only_clause = ""
    if only is not None:
        only_clause = f"WHERE source = {sources.index(only)}"
    # A weight bound as a plain number is NUMERIC to PostgreSQL, and every
    # hit's score was turned from it to a float and back (half a millisecond
    # of a 10 ms statement).
    weights = " ".join(
        f"WHEN {number} THEN CAST(%s AS DOUBLE PRECISION)"
        for number in range(len(sources))
    )
    weight_params = [source.weight for source in sources]
    window_params = [max(0, window.stop - window.start), window.start]
    # Keys are numbers as text: by length, then as text, they sort as numbers
    # whatever the database's collation.
    # Only the weighted score is selected: a relevance selected beside it was
    # a second ranking of every hit (PostgreSQL pulls the parts' subqueries up
    # into this one), a millisecond of a forum search's 9. It is the score
    # over the weight.
    ranked = (
        "SELECT source, hit_key, "
        f"relevance * CASE source {weights} END AS score FROM {{hits}} {only_clause} "
        "ORDER BY score DESC, source, LENGTH(hit_key), hit_key "
        "LIMIT %s OFFSET %s"
    )
    union = " UNION ALL ".join(parts)
    if count:
        sql = (
            f"WITH hits AS ({union}) "
            "SELECT source, hit_key, score, 0 AS total FROM ("
            f"{ranked.format(hits='hits')}) AS shown "
            "UNION ALL SELECT source, NULL, NULL, COUNT(*) FROM hits "
            "GROUP BY source"
        )
        params += weight_params + window_params
    else:
        sql = (
            "SELECT source, hit_key, score, 0 AS total FROM ("
            f"{ranked.format(hits=f'({union}) AS hits')}) AS shown"
        )
        params = weight_params + params + window_params
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    ranking = Ranking(counts=dict.fromkeys(sources, 0))
    shown = []
    for number, key, score, total in rows:
        if key is None:
            ranking.counts[sources[number]] = total
        else:
            weight = sources[number].weight
            relevance = score / weight if weight else 0.0
            shown.append((-score, number, len(key), key, relevance))
    ranking.hits = [
        (sources[number], key, relevance)
        for _score, number, _length, key, relevance in sorted(shown)
    ]
    return ranking
