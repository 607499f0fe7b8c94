"""Wagtail's SQLite search, taught Dutch and ranked in the index: each indexed
text also carries its Dutch stems, and a query is searched by its stems, so
SQLite finds what PostgreSQL's `dutch` configuration finds; a page of results is
ranked by the full-text table in one query (see `ranked`). Imported only on
SQLite: the module it extends needs SQLite's full-text tables."""

from django.utils.encoding import force_str
from modelsearch.backends.database.sqlite.query import (
    BM25,
    MatchExpression,
    normalize,
)
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteFTSIndexEntry,
    SQLiteIndex,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
    SQLiteSearchResults,
)
from modelsearch.query import And, MatchAll, Not, Or, PlainText
from modelsearch.utils import get_content_type_pk, get_descendants_content_types_pks

from .backends import RankedResults, allowed_keys, load_in_order
from .stems import dutch_stems, with_stems


class DutchSQLiteIndex(SQLiteIndex):
    def add_items(self, model, objs):
        super().add_items(model, objs)
        if not objs:
            return
        ids = [force_str(obj.pk) for obj in objs]
        entries = list(
            self.entries.filter(
                content_type_id=get_content_type_pk(model), object_id__in=ids
            ).only("pk", "title", "body")
        )
        for entry in entries:
            entry.title = with_stems(entry.title)
            entry.body = with_stems(entry.body)
        self.entries.bulk_update(entries, ["title", "body"], batch_size=500)


class DutchSQLiteSearchQueryCompiler(SQLiteSearchQueryCompiler):
    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText):
            stemmed = " ".join(dutch_stems(query.query_string))
            query = PlainText(stemmed, operator=query.operator)
        return super().build_search_query_content(query, config=config)

    def build_tsrank(self, vector, query, config=None, boost=1.0):
        # bm25() already scores the whole MATCH expression, and/or groups (the
        # sector's synonyms) included; Wagtail's product and mean of per-part
        # scores would turn SQLite's negative scores' order around.
        if isinstance(query, (And, Or)):
            return BM25() * boost if boost != 1.0 else BM25()
        return super().build_tsrank(vector, query, config=config, boost=boost)

    KEY = "index_entry__object_id"

    def scored_entries(self, config, excluded=None, narrowed=None):
        """The full-text rows that match, among the objects the queryset
        allows (its filter becomes a subquery of keys), each with its bm25
        score; None for a search the ranked path does not know. The allowed
        keys are always listed here (`excluded` and `narrowed` are a
        PostgreSQL shortcut)."""
        query = normalize(self.query)
        if not self.order_by_relevance or isinstance(query, (MatchAll, Not)):
            return None
        model = self.queryset.model
        return (
            SQLiteFTSIndexEntry.objects.filter(
                MatchExpression(
                    self.fields or self.FTS_TABLE_FIELDS,
                    self.build_search_query(query, config=config),
                )
            )
            .filter(
                index_entry__content_type__in=get_descendants_content_types_pks(model),
                index_entry__object_id__in=allowed_keys(self.queryset),
            )
            .annotate(
                score=self._build_rank_expression(self.get_search_vectors(), config)
            )
        )

    def ranked(self, config, start, stop, score_field=None):
        """The hits start:stop in order of relevance, ranked inside the index.

        Wagtail's SQLite search ranks by giving every matching object its score
        through a subquery per row: with 30,000 matching profiles that is 30,000
        full-text lookups for one page of results. Here the full-text table is
        asked once for the best matches, then only those are loaded."""
        entries = self.scored_entries(config)
        if entries is None:
            return list(self.search(config, start, stop, score_field=score_field))
        hits = list(
            entries.order_by("score", self.KEY).values_list(self.KEY, "score")[
                start:stop
            ]
        )
        return load_in_order(self.queryset, hits, score_field)


class DutchSQLiteSearchResults(RankedResults, SQLiteSearchResults):
    ranked_compiler_class = DutchSQLiteSearchQueryCompiler


class DutchSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = DutchSQLiteSearchQueryCompiler
    index_class = DutchSQLiteIndex
    results_class = DutchSQLiteSearchResults
