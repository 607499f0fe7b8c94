"""The search backend: Wagtail's database search, taught Dutch.

On PostgreSQL, Wagtail's backend runs full-text search with the `dutch`
configuration (settings.WAGTAILSEARCH_BACKENDS), so "scholen" finds "school".
SQLite's full-text index (FTS5) has no Dutch stemmer. There each indexed text
also carries its Snowball Dutch stems, the stemmer PostgreSQL's `dutch`
configuration uses, and a query is searched by its stems: both databases then
find the same things for the same words. With SEARCH_URL set, the settings name
an Elasticsearch or OpenSearch backend instead and this module is not used."""

import re
from functools import lru_cache

import snowballstemmer
from django.db import connection
from django.utils.encoding import force_str
from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteIndex,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from modelsearch.query import PlainText
from modelsearch.utils import get_content_type_pk

WORD = re.compile(r"\w+", re.UNICODE)


@lru_cache(maxsize=1)
def _stemmer():
    # PostgreSQL's `dutch` text search configuration is this algorithm.
    return snowballstemmer.stemmer("dutch_porter")


def dutch_stems(text: str) -> list[str]:
    words = WORD.findall(text.lower())
    return _stemmer().stemWords(words)


def with_stems(text: str) -> str:
    """The text followed by the stems that differ from its words."""
    words = set(WORD.findall(text.lower()))
    extra = sorted({stem for stem in dutch_stems(text) if stem not in words})
    return f"{text} {' '.join(extra)}" if extra else text


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


def SearchBackend(params):
    """Wagtail's database backend for this database, Dutch-stemming on SQLite."""
    backend = DatabaseSearchBackend(params)
    if connection.vendor == "sqlite" and isinstance(backend, SQLiteSearchBackend):
        return DutchSQLiteSearchBackend(params)
    return backend
