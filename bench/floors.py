"""Floors: what a page's database work would cost done by hand, measured in the
same run, so a page's time is read as a ratio to the least it could take on this
machine, this data and this database.

The search floor is one SQL statement, run through a raw cursor: it matches the
query's words in the same index, keeps the rows the reader may see (the same
permission subqueries the sources use, compiled once), ranks them as the page
does and returns the page's own page of (kind, key, score). On PostgreSQL it is
written two ways (each kind its own part, as on the page, and all kinds in one
WHERE) and the faster is the floor. The page itself does that and more (facet
counts, the objects shown, the template); the ratio says how much more.

Until 7 December 2026 the floor ranked by one rank of the whole stored
document and left out each kind's weight: a cheaper score, or a dearer one
where the document is long (it is kept out of line), and other rows (for a
visitor's "zelfregulatie", none of the page's twenty).

The directory's floor is its own statements (the count, the page's rows and,
cold, the facet counts), compiled once and run through a raw cursor, with the
rows rendered by a minimal template: what the page adds on top of its database
work.

A floor is run once after each of its page's requests, not in a loop of its
own (bench.measure): run back to back, the same statement kept the machine's
caches for itself and took 8-12 ms where, run between the page's requests as
the page's own statement is, it took 11-13 (7 December 2026), and the
machine's drift over a minute moved the floor alone by a third. Between the
same requests, page and floor meet the same machine."""

from urllib.parse import parse_qs, urlsplit

from django.contrib.auth.models import AnonymousUser
from django.db import connection
from modelsearch.utils import get_descendants_content_types_pks
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from search import sources as registry
from search import vocabulary
from search.backends import allowed_keys, narrowing_tsquery
from search.engine import PER_PAGE
from search.forms import SearchForm
from search.stems import dutch_stems
from search.text import search_words


def _allowed(source, user, filters, words) -> tuple[str, list, str]:
    """The index entries of a source the reader may see, asked for as the site
    search asks. On PostgreSQL (search.postgres_backend) the entry's key is
    compared as a number with the keys the source's search names: the keys
    the reader may see or, where the source says so (the people a member may
    see: all but a few), all keys but the few it excludes; filters the index
    entries name as words (network.narrowing) are matched in the text index.
    On SQLite the key is compared as text with the allowed objects' keys.
    As (condition, parameters, the source's content types)."""
    model_queryset = source.queryset(user, filters)
    types = ", ".join(
        str(ct) for ct in get_descendants_content_types_pks(model_queryset.model)
    )
    if connection.vendor != "postgresql":
        sql, params = allowed_keys(model_queryset).query.sql_with_params()
        condition = f"(e.content_type_id IN ({types}) AND e.object_id IN ({sql}))"
        return condition, list(params), types
    key = f"CASE WHEN e.content_type_id IN ({types}) THEN e.object_id::bigint END"
    searched = source.search(get_search_backend(), words, "and", user, filters)
    narrowing = getattr(searched, "narrowing_words", None)
    excluded = getattr(searched, "excluded_keys", None)
    if excluded is None:
        allowed, excluded = [model_queryset.order_by().values("pk")], []
    else:
        narrowed = searched.keys_checked_with_words()
        allowed = [] if narrowed is None else [narrowed]
    conditions, params = [f"e.content_type_id IN ({types})"], []
    for keys in allowed:
        sql, keys_params = keys.query.sql_with_params()
        conditions.append(f"{key} IN ({sql})")
        params += keys_params
    for keys in excluded:
        sql, keys_params = keys.query.sql_with_params()
        conditions.append(f"NOT ({key} IN ({sql}))")
        params += keys_params
    if narrowing:
        conditions.append("e.document @@ to_tsquery('simple', %s)")
        params.append(narrowing_tsquery(narrowing))
    return f"({' AND '.join(conditions)})", params, types


def _match(words: list[str], postgres: bool) -> str:
    """The words, each widened to its other names as the site search does
    (search.vocabulary), as a tsquery (PostgreSQL) or an FTS5 MATCH (SQLite)."""
    both, either = (" & ", " | ") if postgres else (" AND ", " OR ")
    clauses = []
    for part in vocabulary.parts(words):
        names = []
        for name in part.names:
            terms = name if postgres else dutch_stems(" ".join(name))
            quoted = [t if postgres else f'"{t}"' for t in terms]
            names.append("(" + both.join(quoted) + ")")
        clauses.append("(" + either.join(names) + ")")
    return both.join(clauses)


def search_statements(user, url: str) -> list[tuple[str, list]]:
    """The floor's ways of writing the statement for a search page's address,
    as (SQL, parameters): on PostgreSQL with each kind its own part, side by
    side as on the page (search.ranking), and with all kinds in one WHERE
    joined by OR. Which is faster depends on the data (at realistic scale the
    OR, at 10x the parts), so the floor is the faster of the two.

    Either way it returns the page's own page of hits, in the page's order:
    each hit scored as the page scores it (the search backend's score of the
    query, which weighs a title match by the title's length and sums or
    multiplies the parts of a word's other names), times its kind's weight,
    ties broken by kind and key."""
    query = {key: values[-1] for key, values in parse_qs(urlsplit(url).query).items()}
    words = search_words(query.get("q", ""))
    form = SearchForm(query)
    filters = form.filters()
    kind = query.get("type", "")
    page = int(query.get("page", 1))
    # (the source's number on the page, source, condition, params, content
    # types) for each kind searched
    kinds = [
        (number, source, *_allowed(source, user, filters, words))
        for number, source in enumerate(
            s for s in registry.registered() if s.applies(filters)
        )
        if not kind or source.key == kind
    ]
    either = f"({' OR '.join(clause for _n, _s, clause, _p, _t in kinds)})"
    either_params = [value for _n, _s, _c, params, _t in kinds for value in params]
    # The kind of an entry in the one WHERE: its content types name it.
    numbers, weights, weight_params = [], [], []
    for number, source, _clause, _params, types in kinds:
        numbers.append(f"WHEN e.content_type_id IN ({types}) THEN {number}")
        weights.append(f"WHEN e.content_type_id IN ({types}) THEN %s")
        weight_params.append(source.weight)
    kind_of = f"CASE {' '.join(numbers)} END"
    weight_of = f"CASE {' '.join(weights)} END"
    window = f"LIMIT {PER_PAGE} OFFSET {(page - 1) * PER_PAGE}"
    order = "ORDER BY score DESC, source, LENGTH(object_id), object_id"
    if connection.vendor != "postgresql":
        # bm25 is lower for better: turned round, as the page turns it.
        sql = (
            f"SELECT {kind_of} AS source, e.object_id AS object_id, "
            f"-bm25(wagtailsearch_indexentry_fts) * {weight_of} AS score "
            "FROM wagtailsearch_indexentry_fts JOIN wagtailsearch_indexentry e "
            "ON e.id = wagtailsearch_indexentry_fts.rowid "
            f"WHERE wagtailsearch_indexentry_fts MATCH %s AND {either} "
            f"{order} {window}"
        )
        return [(sql, [*weight_params, _match(words, postgres=False), *either_params])]
    match = _match(words, postgres=True)
    score, score_params = _page_score(words)
    matching = (
        "FROM wagtailsearch_indexentry e "
        "WHERE e.document @@ to_tsquery('dutch', %s) AND "
    )
    parts, parts_params = [], []
    for number, source, clause, params, _types in kinds:
        parts.append(
            f"SELECT {number} AS source, e.object_id, ({score}) * %s AS score "
            f"{matching}{clause}"
        )
        parts_params += [*score_params, source.weight, match, *params]
    by_kind = (
        f"SELECT source, object_id, score FROM ({' UNION ALL '.join(parts)}) "
        f"AS hits {order} {window}"
    )
    in_one = (
        f"SELECT {kind_of} AS source, e.object_id, ({score}) * {weight_of} AS score "
        f"{matching}{either} {order} {window}"
    )
    return [
        (by_kind, parts_params),
        (in_one, [*score_params, *weight_params, match, *either_params]),
    ]


def _page_score(words: list[str]) -> tuple[str, list]:
    """The score the search backend gives an index entry for these words, as
    SQL on the entry `e`: the page's own formula (for a word with other
    names, a sum and product of many ranks), so that the floor ranks as the
    page does. The formula is taken from the backend's compiler rather than
    written again here: a floor that ranked otherwise returned other rows."""
    backend = get_search_backend()
    searched = backend.search(vocabulary.query_for(words, "and"), Page.objects.all())
    compiler = searched.query_compiler
    _match, (score, params) = compiler._match_and_score(compiler.get_config(backend))
    return score.replace('"wagtailsearch_indexentry".', "e."), list(params)


def search_floor(user, url: str) -> list:
    """The search floor's ways of writing the statement for this address, each
    as a function that runs it once (bench.measure times them)."""
    return [
        _runner(sql, params)
        for sql, params in search_statements(user or AnonymousUser(), url)
    ]


def _runner(sql: str, params: list):
    def once():
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            cursor.fetchall()

    return once


def directory_statements(user, url: str, cold: bool) -> list[tuple[str, list]]:
    """The directory page's own statements for its rows, their count and (cold)
    its facet counts, compiled once by the directory's code."""
    from network.directory import SORTS, DirectoryForm, _conditions, _count
    from network.models import Profile
    from network.views import DIRECTORY_PAGE_SIZE

    query = {key: values[-1] for key, values in parse_qs(urlsplit(url).query).items()}
    filters = DirectoryForm(query).filters()
    on_profile = _conditions(filters, user)
    profiles = Profile.objects.filter(*on_profile.values()).order_by(
        *SORTS[filters.get("sort", "name")]
    )
    page = int(query.get("page", 1))
    start = (page - 1) * DIRECTORY_PAGE_SIZE
    shown = profiles.values_list("name", "job_title", "slug")[
        start : start + DIRECTORY_PAGE_SIZE
    ]
    rows = tuple(shown.query.sql_with_params())
    if cold:
        # The total and the facet counts as the directory asks them: its own
        # statements, recorded once with their parameters. The total comes
        # first, counted with the facets on the profile's own columns.
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as counting:
            _count(filters, user, on_profile)
        return [(query["sql"], None) for query in counting.captured_queries] + [rows]
    count = profiles.order_by().values("pk").query.sql_with_params()
    return [(f"SELECT COUNT(*) FROM ({count[0]}) AS shown", list(count[1])), rows]


def directory_floor(user, url: str, cold: bool) -> list:
    """The directory page's database work done by hand, with the shown rows
    rendered by a minimal template, as a function that does it once."""
    from django.template import Context, Template

    template = Template(
        "<p>{{ total }}</p><ul>{% for name, job, slug in rows %}"
        '<li><a href="/deskundigen/{{ slug }}/">{{ name }}</a> {{ job }}</li>'
        "{% endfor %}</ul>"
    )
    statements = directory_statements(user or AnonymousUser(), url, cold)

    def once():
        with connection.cursor() as cursor:
            results = []
            for sql, params in statements:
                if params is None:
                    cursor.execute(sql)
                else:
                    cursor.execute(sql, params)
                results.append(cursor.fetchall())
        template.render(Context({"total": results[0][0][0], "rows": results[-1]}))

    return [once]
