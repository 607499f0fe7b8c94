"""Wagtail's SQLite search, taught Dutch: each indexed text also carries its
Dutch stems, and a query is searched by its stems, so SQLite finds what
PostgreSQL's `dutch` configuration finds. Imported only on SQLite: the module
it extends needs SQLite's full-text tables."""

from django.utils.encoding import force_str
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteIndex,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from modelsearch.query import PlainText
from modelsearch.utils import get_content_type_pk

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


class DutchSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = DutchSQLiteSearchQueryCompiler
    index_class = DutchSQLiteIndex
