"""One search over every source: run each source's search on what the person
may see, count per source for the facets, and merge the hits into one list
ordered by relevance.

Every source is searched by the same backend and index, so their scores are on
one scale. The merged list of page n needs the best n pages of each source;
it stops at MAX_PAGES, past which a narrower search serves better."""

from dataclasses import dataclass, field

from django.db import connection
from wagtail.search.backends import get_search_backend

from network.pagination import page_of

from . import sources as registry
from . import vocabulary
from .backends import lower_score_is_better
from .snippets import word_pattern
from .sources import Filters, Result
from .text import search_words

PER_PAGE = 20
MAX_PAGES = 25


@dataclass
class Facet:
    key: str
    label: str
    count: int
    selected: bool


@dataclass
class Outcome:
    query: str
    words: list[str]
    kind: str
    page: object  # a Django Page of Result
    facets: list[Facet]
    total: int
    any_word: bool = False  # no result had every word; these have some

    @property
    def kind_label(self) -> str:
        return next((f.label for f in self.facets if f.selected), "")

    @property
    def capped(self) -> bool:
        """Whether the list of all kinds stops before the last result."""
        return self.page.paginator.count < self.total

    left_out: list[str] = field(default_factory=list)  # kinds a filter excludes


def _relevance_sign(backend) -> int:
    return -1 if lower_score_is_better(backend) else 1


class _Merged:
    """Sliceable hits of several sources in one order, for the Paginator."""

    def __init__(self, found, sign, total):
        self.found = found  # [(source, search results with _score)]
        self.sign = sign
        self.total = total

    def count(self):
        return min(self.total, PER_PAGE * MAX_PAGES)

    def __len__(self):
        return self.count()

    def __getitem__(self, window):
        hits = []
        for order, (source, results) in enumerate(self.found):
            for rank, obj in enumerate(results[: window.stop]):
                score = (obj._score or 0.0) * self.sign * source.weight
                hits.append((-score, order, rank, source, obj))
        hits.sort(key=lambda hit: hit[:3])
        return [(source, obj, -score) for score, _o, _r, source, obj in hits][window]


class _Single:
    def __init__(self, source, results, sign, total):
        self.source, self.results, self.sign = source, results, sign
        self.total = total

    def count(self):
        return self.total

    def __len__(self):
        return self.count()

    def __getitem__(self, window):
        return [
            (self.source, obj, (obj._score or 0.0) * self.sign)
            for obj in self.results[window]
        ]


def _searches(user, words, filters, operator, backend):
    found, left_out = [], []
    for source in registry.registered():
        if not source.applies(filters):
            left_out.append(source.key)
            continue
        results = source.search(backend, words, operator, user, filters)
        found.append((source, results))
    return found, left_out


def count_each(found) -> list[tuple]:
    """(source, count) for each source's results, asked of the database in one
    statement: the counts' subqueries side by side in one SELECT."""
    subqueries = [
        _query_of(results).order_by().values("pk").query.sql_with_params()
        for _source, results in found
    ]
    if not subqueries:
        return []
    sql = "SELECT " + ", ".join(
        f"(SELECT COUNT(*) FROM ({inner}) AS hits_{n})"
        for n, (inner, _params) in enumerate(subqueries)
    )
    params = [param for _inner, inner_params in subqueries for param in inner_params]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    return [
        (source, count) for (source, _results), count in zip(found, row, strict=True)
    ]


def _query_of(results):
    """The Django queryset behind a source's hits: the search's own, or the
    queryset itself for a source that listed rather than searched (schools
    of a place)."""
    return results.get_queryset() if hasattr(results, "get_queryset") else results


def count_hits(user, query: str, filters: Filters) -> int:
    """How many results a query would find with some of its words (for
    checking a 'did you mean' before offering it)."""
    words = search_words(query)
    if not words:
        return 0
    backend = get_search_backend()
    found, _left_out = _searches(user, words, filters, "or", backend)
    return sum(count for _source, count in count_each(found))


def search(user, query, filters: Filters, kind="", page_number=1, request=None):
    """The outcome of one search for this person: facets, one page of results,
    and whether it fell back to results with only some of the words. None when
    the query holds no words at all."""
    backend = get_search_backend()
    words = search_words(query)
    if not words:
        return None
    found, left_out = _searches(user, words, filters, "and", backend)
    counts = count_each(found)
    any_word = False
    if len(words) > 1 and not any(count for _s, count in counts):
        found, left_out = _searches(user, words, filters, "or", backend)
        counts = count_each(found)
        any_word = True

    total = sum(count for _source, count in counts)
    chosen = next((s for s, _r in found if s.key == kind), None)
    facets = [
        Facet(source.key, str(source.label), count, source is chosen)
        for source, count in counts
    ]
    sign = _relevance_sign(backend)
    if chosen is not None:
        hits = _Single(chosen, dict(found)[chosen], sign, dict(counts)[chosen])
    else:
        # A source with nothing to show is not asked for its best hits.
        counted = dict(counts)
        hits = _Merged([(s, r) for s, r in found if counted[s]], sign, total)
    page = page_of(hits, page_number, PER_PAGE)
    pattern = word_pattern(" ".join(vocabulary.all_words(words)))
    page.object_list = _describe(list(page.object_list), pattern, request)
    return Outcome(
        query=query,
        words=words,
        kind=chosen.key if chosen else "",
        page=page,
        facets=facets,
        total=total,
        any_word=any_word,
        left_out=left_out,
    )


def _describe(hits, pattern, request) -> list[Result]:
    """Results for the hits of one page, each source describing its own hits in
    one go, returned in the merged order."""
    by_source: dict = {}
    for source, obj, _score in hits:
        by_source.setdefault(source, []).append(obj)
    described = {}
    for source, objects in by_source.items():
        for obj, result in zip(
            objects, source.results(objects, pattern, request), strict=True
        ):
            described[(source.key, obj.pk)] = result
    ordered = []
    for source, obj, score in hits:
        result = described[(source.key, obj.pk)]
        result.relevance = score
        ordered.append(result)
    return ordered
