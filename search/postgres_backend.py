"""Wagtail's PostgreSQL search, ranked in the index.

Wagtail joins the searched model to its index entries on a text-cast key and
ranks every match; PostgreSQL cannot estimate how many rows a text-search match
leaves, guesses one, and joins 342 matches to 5,000 threads by comparing every
pair (1.3 s for a two-word search over the forum). Here a page of results is
ranked from the index entries alone, among the keys the queryset allows (a
hashed subquery), and only that page of objects is loaded. Imported only on
PostgreSQL."""

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import (
    AutoField,
    F,
    IntegerField,
)
from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
    PostgresSearchResults,
)
from modelsearch.query import And, Or, PlainText
from modelsearch.utils import get_descendants_content_types_pks

from .backends import (
    RankedResults,
    allowed_keys,
    load_in_order,
    narrowing_tsquery,
)


class RankedPostgresSearchQueryCompiler(PostgresSearchQueryCompiler):
    def scored_sql(self, config, excluded=None, narrowed=None, narrowing=None):
        """The index entries that match, among the keys the queryset allows
        (or, when `excluded` is given, the `narrowed` keys, or all, but the
        excluded ones), as rows (hit_key, hit_score): (sql, params), or None
        for a search the ranked path does not know. With `narrowing` (groups
        of alternative words, see RankedResults.narrowing_words) the text
        index keeps only the entries holding one word of every group.

        Written here rather than built with the ORM: one search builds a part
        per kind of result (ten of them), and building and compiling them took
        longer than the database took to answer a visitor's search. The match
        and the score are compiled once per query and kept (_match_and_score);
        the permission subqueries come from each source's queryset, compiled
        as they are."""
        if (
            not self.order_by_relevance
            or self.fields is not None
            or not _plain_words(self.query)
        ):
            return None
        model = self.queryset.model
        numbered = isinstance(model._meta.pk, (AutoField, IntegerField))
        (match, match_params), (score, score_params) = self._match_and_score(config)
        table = connection.ops.quote_name(IndexEntry._meta.db_table)
        types = ", ".join(
            str(int(pk)) for pk in get_descendants_content_types_pks(model)
        )
        where = [
            f'({table}."document") @@ ({match})',
            f'{table}."content_type_id" IN ({types})',
        ]
        params = [*score_params, *match_params]
        if narrowing:
            # The words are letters and digits, kept as they are by every
            # configuration, so the simple one reads them as the entry does;
            # a second condition on the same GIN index, which intersects both.
            where.append(f"{table}.\"document\" @@ to_tsquery('simple', %s)")
            params.append(narrowing_tsquery(narrowing))
        # The matching entries' keys as numbers, looked up among the allowed
        # objects' own keys: PostgreSQL can then probe the primary key, where
        # comparing as text made it turn every allowed key into text first
        # (27,000 visible profiles for each search). The CASE casts only this
        # model's entries, whatever order PostgreSQL evaluates the conditions
        # in. A page's key (its parent page's) is compared as text, among the
        # allowed pages, whatever `excluded` says.
        if numbered:
            key = (
                f'CASE WHEN ({table}."content_type_id" IN ({types})) '
                f'THEN ({table}."object_id")::bigint ELSE NULL END'
            )
        else:
            key = f'{table}."object_id"'
        if excluded is None or not numbered:
            keys, excluded = [_allowed_sql(self.queryset, numbered)], ()
        else:
            keys = [] if narrowed is None else [_compiled(narrowed)]
        for sql, keys_params in keys:
            where.append(f"{key} IN ({sql})")
            params += keys_params
        for queryset in excluded:
            sql, keys_params = _compiled(queryset)
            where.append(f"NOT ({key} IN ({sql}))")
            params += keys_params
        sql = (
            f'SELECT {table}."object_id" AS hit_key, ({score}) AS hit_score '
            f"FROM {table} WHERE {' AND '.join(where)}"
        )
        return sql, params

    def _match_and_score(self, config):
        """The match on the stored document and the score, each as (sql,
        params), for this compiler's query: compiled once per query and
        configuration in the process, as the same words are searched in every
        kind, and often again."""
        shape = (_shape(self.query), str(config))
        known = _MATCH_AND_SCORE.get(shape)
        if known is None:
            query = IndexEntry.objects.all().query
            compiler = query.get_compiler(connection=connection)
            vectors = [(F("title"), F("title_norm")), (F("body"), 1.0)]
            match = self.build_tsquery(self.query, config=config)
            score = self._build_rank_expression(vectors, config)
            known = tuple(
                _frozen(compiler.compile(expression.resolve_expression(query)))
                for expression in (match, score)
            )
            if len(_MATCH_AND_SCORE) >= KEPT_QUERIES:
                _MATCH_AND_SCORE.clear()
            _MATCH_AND_SCORE[shape] = known
        return known

    def ranked(self, config, start, stop, score_field=None):
        """One kind's page of hits, best first (a search's own results, as the
        helpdesk's suggested answers use them)."""
        written = self.scored_sql(config)
        if written is None:
            return list(self.search(config, start, stop, score_field=score_field))
        sql, params = written
        window = "LIMIT %s OFFSET %s" if stop is not None else "OFFSET %s"
        params = [*params, *([stop - start] if stop is not None else []), start]
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT hit_key, hit_score FROM ({sql}) AS hits "
                f"ORDER BY hit_score DESC, hit_key {window}",
                params,
            )
            hits = cursor.fetchall()
        return load_in_order(self.queryset, hits, score_field)


def _allowed_sql(queryset, numbered: bool) -> tuple[str, tuple]:
    """The keys of the queryset's objects as a subquery: numbers, or text as
    the index stores them. A queryset that names neither a reader nor a
    moment (search.sources.public_pages_of marks it) compiles to the same SQL
    for every search: compiled once per process, where compiling the four
    kinds of page took half a millisecond of every search."""

    def allowed():
        if numbered:
            return _sql_of(queryset.order_by().values("pk"))
        return _sql_of(allowed_keys(queryset))

    return _kept(("allowed", numbered), queryset, allowed)


def _compiled(queryset) -> tuple[str, tuple]:
    """The queryset's SQL and parameters; kept by the process for a queryset
    marked as the same for everyone it is built for (search.sources
    .marked_same), as the people's rule for every member is."""
    return _kept(("keys",), queryset, lambda: _sql_of(queryset))


def _kept(use, queryset, compile_sql) -> tuple[str, tuple]:
    """compile_sql(), kept under the queryset's mark (and what it is used
    for) when it has one; compiled afresh when it has none."""
    same = getattr(queryset, "same_for_everyone", None)
    if same is None:
        return compile_sql()
    key = (*use, same)
    known = _KEPT_SQL.get(key)
    if known is None:
        known = compile_sql()
        _keep_sql(key, known)
    return known


# Compiled rules by their mark; a mark names the filters too, so a process
# keeps at most a few hundred of them.
_KEPT_SQL: dict = {}
KEPT_RULES = 512


def _keep_sql(key, compiled) -> None:
    if len(_KEPT_SQL) >= KEPT_RULES:
        _KEPT_SQL.clear()
    _KEPT_SQL[key] = compiled


def _sql_of(queryset) -> tuple[str, tuple]:
    try:
        return queryset.query.sql_with_params()
    except EmptyResultSet:
        # A queryset that can hold nothing (a filter on an empty list):
        # a subquery of no rows, which matches no key.
        return "SELECT NULL WHERE FALSE", ()


# Compiled matches and scores by query shape (see _match_and_score); a
# process keeps the last few hundred queries' worth.
KEPT_QUERIES = 256
_MATCH_AND_SCORE: dict = {}


def _shape(query) -> tuple:
    """A query of words in and/or groups as a tuple that names it exactly."""
    if isinstance(query, PlainText):
        return ("words", query.query_string, query.operator)
    return (type(query).__name__, tuple(_shape(sub) for sub in query.subqueries))


def _frozen(compiled) -> tuple[str, tuple]:
    sql, params = compiled
    return sql, tuple(params)


def _plain_words(query) -> bool:
    """Whether the query is words, or (for the sector's synonyms) words in
    and/or groups: what the ranked path knows how to rank."""
    if isinstance(query, PlainText):
        return True
    return isinstance(query, (And, Or)) and all(
        _plain_words(sub) for sub in query.subqueries
    )


class RankedPostgresSearchResults(RankedResults, PostgresSearchResults):
    ranked_compiler_class = RankedPostgresSearchQueryCompiler


class RankedPostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = RankedPostgresSearchQueryCompiler
    results_class = RankedPostgresSearchResults
