"""The search backend: Wagtail's database search, in Dutch.

On PostgreSQL, Wagtail's backend runs full-text search with the `dutch`
configuration (SEARCH_CONFIG in settings.WAGTAILSEARCH_BACKENDS), so "scholen"
finds "school". SQLite's full-text index (FTS5) has no Dutch stemmer; there
search.sqlite_backend adds the same stems PostgreSQL makes, so both databases
find the same things for the same words. With SEARCH_URL set, the settings name
an Elasticsearch or OpenSearch backend instead and this module is not used."""

from django.db import connection
from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend


def SearchBackend(params):
    """Wagtail's database backend for this database, Dutch-stemming on SQLite."""
    backend = DatabaseSearchBackend(params)
    if (
        connection.vendor == "sqlite"
        and type(backend).__name__ == "SQLiteSearchBackend"
    ):
        from .sqlite_backend import DutchSQLiteSearchBackend

        return DutchSQLiteSearchBackend(params)
    return backend


def lower_score_is_better(backend) -> bool:
    """SQLite's bm25 score is negative, lower meaning better; PostgreSQL and
    Elasticsearch score higher for better."""
    return any(".sqlite" in cls.__module__ for cls in type(backend).__mro__)
