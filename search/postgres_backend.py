"""Wagtail's PostgreSQL search, ranked in the index.

Wagtail joins the searched model to its index entries on a text-cast key and
ranks every match; PostgreSQL cannot estimate how many rows a text-search match
leaves, guesses one, and joins 342 matches to 5,000 threads by comparing every
pair (1.3 s for a two-word search over the forum). Here a page of results is
ranked from the index entries alone, among the keys the queryset allows (a
hashed subquery), and only that page of objects is loaded. Imported only on
PostgreSQL."""

from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import EmptyResultSet
from django.db.models import (
    AutoField,
    BigIntegerField,
    Case,
    F,
    IntegerField,
    When,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast
from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
    PostgresSearchResults,
)
from modelsearch.query import And, Or, PlainText
from modelsearch.utils import get_descendants_content_types_pks

from .backends import RankedResults, allowed_keys, load_in_order


class RankedPostgresSearchQueryCompiler(PostgresSearchQueryCompiler):
    KEY = "object_id"

    def scored_entries(self, config, excluded=None, narrowed=None):
        """The index entries that match, among the keys the queryset allows
        (or, when `excluded` is given, the `narrowed` keys, or all, but the
        excluded ones), each with its score; None for a search the ranked path
        does not know."""
        if (
            not self.order_by_relevance
            or self.fields is not None
            or not _plain_words(self.query)
        ):
            return None
        vectors = [(F("title"), F("title_norm")), (F("body"), 1.0)]
        model = self.queryset.model
        types = get_descendants_content_types_pks(model)
        entries = IndexEntry.objects.annotate(_vector_=stored_document()).filter(
            _vector_=self.build_tsquery(self.query, config=config),
            content_type__in=types,
        )
        if isinstance(model._meta.pk, (AutoField, IntegerField)):
            # The matching entries' keys as numbers, looked up among the
            # allowed objects' own keys: PostgreSQL can then probe the primary
            # key, where comparing as text made it turn every allowed key into
            # text first (27,000 visible profiles for each search). The CASE
            # casts only this model's entries, whatever order PostgreSQL
            # evaluates the conditions in.
            number = Case(
                When(content_type__in=types, then=Cast("object_id", BigIntegerField()))
            )
            # The keys go in as compiled SQL: resolved as a subquery, Django
            # would copy every expression of the permission rules to rename
            # their tables, which cost more than compiling them.
            entries = entries.annotate(_key=number)
            if excluded is None:
                allowed = self.queryset.order_by().values("pk")
                entries = entries.filter(_key__in=RawSQL(*_compiled(allowed)))
            elif narrowed is not None:
                entries = entries.filter(_key__in=RawSQL(*_compiled(narrowed)))
            for keys in excluded or ():
                entries = entries.exclude(_key__in=RawSQL(*_compiled(keys)))
        else:
            entries = entries.filter(object_id__in=allowed_keys(self.queryset))
        return entries.annotate(score=self._build_rank_expression(vectors, config))

    def ranked(self, config, start, stop, score_field=None):
        entries = self.scored_entries(config)
        if entries is None:
            return list(self.search(config, start, stop, score_field=score_field))
        hits = list(
            entries.order_by("-score", "object_id").values_list("object_id", "score")[
                start:stop
            ]
        )
        return load_in_order(self.queryset, hits, score_field)


def stored_document():
    """The entry's whole document, title || body, as PostgreSQL keeps it in a
    column of its own with an index by kind (search/migrations/0007). Not a
    field of Wagtail's model: the database fills it."""
    table = IndexEntry._meta.db_table
    return RawSQL(f'"{table}"."document"', [], output_field=SearchVectorField())


def _compiled(queryset) -> tuple[str, tuple]:
    try:
        return queryset.query.sql_with_params()
    except EmptyResultSet:
        # A queryset that can hold nothing (a filter on an empty list):
        # a subquery of no rows, which matches no key.
        return "SELECT NULL WHERE FALSE", ()


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
