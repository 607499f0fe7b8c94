"""The search backend: Wagtail's database search, in Dutch and ranked in the
index.

On PostgreSQL, Wagtail's backend runs full-text search with the `dutch`
configuration (SEARCH_CONFIG in settings.WAGTAILSEARCH_BACKENDS), so "scholen"
finds "school". SQLite's full-text index (FTS5) has no Dutch stemmer; there
search.sqlite_backend adds the same stems PostgreSQL makes, so both databases
find the same things for the same words. On both, a page of results is ranked
inside the index (search.sqlite_backend, search.postgres_backend)."""

from django.db import connection
from django.db.models import F, TextField
from django.db.models.functions import Cast
from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend


def SearchBackend(params):
    """Wagtail's database backend for this database, with the changes above."""
    backend = DatabaseSearchBackend(params)
    kind = type(backend).__name__
    if connection.vendor == "sqlite" and kind == "SQLiteSearchBackend":
        from .sqlite_backend import DutchSQLiteSearchBackend

        return DutchSQLiteSearchBackend(params)
    if connection.vendor == "postgresql" and kind == "PostgresSearchBackend":
        from .postgres_backend import RankedPostgresSearchBackend

        return RankedPostgresSearchBackend(params)
    return backend


def lower_score_is_better(backend) -> bool:
    """SQLite's bm25 score is negative, lower meaning better; PostgreSQL
    scores higher for better."""
    return any(".sqlite" in cls.__module__ for cls in type(backend).__mro__)


def allowed_keys(queryset):
    """The queryset's keys as the index stores them (text), for a subquery."""
    return (
        queryset.order_by()
        .annotate(_search_key=Cast("pk", TextField()))
        .values("_search_key")
    )


def load_in_order(queryset, hits, score_field=None) -> list:
    """The objects of (object_id, score) hits, in the hits' order."""
    model = queryset.model
    keys = [model._meta.pk.to_python(object_id) for object_id, _score in hits]
    objects = queryset.in_bulk(keys)
    ranked = []
    for key, (_object_id, score) in zip(keys, hits, strict=True):
        obj = objects.get(key)
        if obj is not None:
            if score_field:
                setattr(obj, score_field, score)
            ranked.append(obj)
    return ranked


# RankedResults.keys_besides_words when the source did not set it.
NOT_SAID = object()


def narrowing_tsquery(groups: list[list[str]]) -> str:
    """Narrowing words (RankedResults.narrowing_words) as a text query for
    PostgreSQL's to_tsquery: one word of every group."""
    return " & ".join(f"({' | '.join(group)})" for group in groups)


class RankedResults:
    """Search results that fetch a page through the compiler's `ranked` when it
    has one (Wagtail's autocomplete compiler does not)."""

    ranked_compiler_class = None
    # Querysets of the keys NOT allowed, when they are few and together exactly
    # what the searched queryset leaves out (see PeopleSource); a backend may
    # exclude them instead of listing the allowed keys. The queryset still
    # decides which objects are loaded.
    excluded_keys = None
    # With excluded_keys, a queryset of the keys the search's filters leave
    # (None: all): those keys but the excluded are what the queryset allows.
    narrowed_keys = None
    # With narrowed_keys: the search's filters as words the index entries of
    # the objects they leave hold (network.narrowing), in groups of
    # alternatives (an entry holds one word of every group), and the keys
    # the reader may see whatever the filters (None: all but the excluded).
    # A backend that matches the words in its text index checks those keys
    # instead of the narrowed ones: the filters are then applied by the index
    # alone, which the owning app keeps current as objects change. Unless a
    # source says which keys those are, the narrowed keys are checked.
    narrowing_words = None
    keys_besides_words = NOT_SAID

    def _clone(self):
        clone = super()._clone()
        clone.excluded_keys = self.excluded_keys
        clone.narrowed_keys = self.narrowed_keys
        clone.narrowing_words = self.narrowing_words
        clone.keys_besides_words = self.keys_besides_words
        return clone

    def scored_keys(self):
        """Every hit as a row (hit_key, hit_score) of a queryset, unordered,
        for search.ranking to rank several kinds in one statement; None when
        this search cannot be ranked in the index."""
        compiler = self.query_compiler
        # SQLite's compiler builds them with the ORM; PostgreSQL's writes them
        # by hand instead (scored_sql).
        built = getattr(compiler, "scored_entries", None)
        if built is None or not isinstance(compiler, self.ranked_compiler_class):
            return None
        entries = built(
            compiler.get_config(self.backend),
            excluded=self.excluded_keys,
            narrowed=self.narrowed_keys,
        )
        if entries is None:
            return None
        return entries.values(hit_key=F(compiler.KEY), hit_score=F("score"))

    def scored_sql(self):
        """scored_keys as (sql, params), where the backend writes it by hand
        (search.postgres_backend); None when it does not."""
        compiler = self.query_compiler
        written = getattr(compiler, "scored_sql", None)
        if written is None or not isinstance(compiler, self.ranked_compiler_class):
            return None
        return written(
            compiler.get_config(self.backend),
            excluded=self.excluded_keys,
            narrowed=self.keys_checked_with_words(),
            narrowing=self.narrowing_words,
        )

    def keys_checked_with_words(self):
        """The narrowed keys a backend that matches narrowing_words in its
        text index checks: the keys the reader may see whatever the filters,
        when the source said which those are, else the narrowed keys."""
        if (
            self.narrowing_words
            and self.excluded_keys is not None
            and self.keys_besides_words is not NOT_SAID
        ):
            return self.keys_besides_words
        return self.narrowed_keys

    def _do_search(self):
        if not isinstance(self.query_compiler, self.ranked_compiler_class):
            return super()._do_search()
        return self.query_compiler.ranked(
            self.query_compiler.get_config(self.backend),
            self.start,
            self.stop,
            score_field=self._score_field,
        )
