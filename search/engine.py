"""One search over every source: each source's search on what the person may
see, counted per source for the facets and merged into one list ordered by
relevance (search.ranking does both in one statement).

Every source is searched by the same backend and index, so their scores are on
one scale. The merged list stops at MAX_PAGES, past which a narrower search
serves better."""

import dataclasses
import hashlib
import json
from dataclasses import dataclass, field

from django.core.cache import cache
from wagtail.search.backends import get_search_backend

from network.pagination import page_of

from . import ranking, vocabulary
from . import sources as registry
from .backends import load_in_order, lower_score_is_better
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
        """Whether the list of all kinds stops before the last result (a
        chosen kind's list holds all of its results)."""
        return not self.kind and self.page.paginator.count < self.total

    left_out: list[str] = field(default_factory=list)  # kinds a filter excludes


def _relevance_sign(backend) -> int:
    return -1 if lower_score_is_better(backend) else 1


class _Ranked:
    """One page of hits (of all kinds, or of one) for the Paginator. The
    statement that counted the kinds also fetched the page asked for; another
    page (the last, for a number past it) costs one more statement."""

    def __init__(self, user, found, sign, only, ranking, window, total):
        self.user, self.found, self.sign, self.only = user, found, sign, only
        self.ranking, self.window = ranking, window
        self.total = total

    def count(self):
        if self.only is not None:
            return self.total
        return min(self.total, PER_PAGE * MAX_PAGES)

    def __len__(self):
        return self.count()

    def __getitem__(self, window):
        start, stop = window.start or 0, window.stop
        if start != self.window.start or stop > self.window.stop:
            self.window = slice(start, stop)
            self.ranking = ranking.rank(
                self.found, self.sign, self.window, self.only, count=False
            )
        return _load(self.ranking.hits[: stop - start], self.user)


def _load(hits, user) -> list[tuple]:
    """(source, object, score) for (source, key, score) hits: each source's
    objects in one query, in the hits' order. Each is loaded among what the
    reader may see (Source.loadable) once more, by key."""
    keys_of: dict = {}
    for source, key, score in hits:
        keys_of.setdefault(source, []).append((key, score))
    loaded = {}
    for source, keys in keys_of.items():
        objects = source.loadable(user).order_by()
        for obj in load_in_order(objects, keys, "_score"):
            loaded[(source.key, str(obj.pk))] = obj
    return [
        (source, loaded[(source.key, key)], score)
        for source, key, score in hits
        if (source.key, key) in loaded
    ]


def _searches(user, words, filters, operator, backend, only=None):
    """(source, results) for every source the filters leave, and the keys of
    those they leave out. With `only` (a kind's key), only that source is
    searched; the others are listed with no results, for their facets."""
    found, left_out = [], []
    for source in registry.registered():
        if not source.applies(filters):
            left_out.append(source.key)
            continue
        if only is not None and source.key != only:
            found.append((source, None))
            continue
        results = source.search(backend, words, operator, user, filters)
        found.append((source, results))
    return found, left_out


def finds_any(user, query: str, filters: Filters) -> bool:
    """Whether a query finds anything with some of its words (for checking a
    'did you mean' before offering it)."""
    words = search_words(query)
    if not words:
        return False
    found, _left_out = _searches(user, words, filters, "or", get_search_backend())
    return ranking.finds_any(found)


# The kinds' counts beside one chosen kind: kept from the search of all kinds
# the reader came from, per person, for a short while. The chosen kind's page
# is ranked afresh, but not counted again (that cost a fifth of the ranking
# statement): see _chosen_count.
COUNTS_SECONDS = 120


def _counts_key(user, words, operator, filters) -> str:
    reader = user.pk if getattr(user, "is_authenticated", False) else "visitor"
    asked = json.dumps([words, operator, dataclasses.astuple(filters)], default=str)
    digest = hashlib.sha256(asked.encode()).hexdigest()[:32]
    return f"search:counts:{reader}:{digest}"


@dataclass
class _Searched:
    """What _rank found: every source the filters leave with its search (None
    for a source not searched), the kinds left out, the kind asked for, the
    searches the hits come from, and what the ranking statement counted and
    ranked."""

    found: list
    left_out: list[str]
    chosen: registry.Source | None
    ranked_from: list
    counted: ranking.Ranking


def _chosen_count(known: int, window: slice, shown: int) -> int:
    """The chosen kind's count from its fresh window of hits and the count
    taken a moment ago. A window that is not full ends the list, so its count
    is exact (a hit published since is counted and shown); past a full window
    the count from a moment ago stands, at least up to what is shown."""
    size = window.stop - window.start
    if 0 < shown < size or (shown == 0 and window.start == 0):
        return window.start + shown
    if shown == 0:
        # Past the end: the paginator turns to the list's last page.
        return min(known, window.start)
    return max(known, window.start + shown)


def _rank(user, words, operator, filters, kind, sign, window, backend) -> _Searched:
    """Search and rank: every kind counted and the window ranked in one
    statement, or, for one chosen kind whose counts were taken a moment ago,
    only that kind searched and its window ranked."""
    key = _counts_key(user, words, operator, filters)
    known = cache.get(key) if kind else None
    if known is not None:
        found, left_out = _searches(user, words, filters, operator, backend, kind)
        chosen = next((s for s, _r in found if s.key == kind), None)
        if chosen is not None and {s.key for s, _r in found} <= set(known):
            alone = [(chosen, dict(found)[chosen])]
            counted = ranking.rank(alone, sign, window, chosen, count=False)
            counted.counts = {source: known[source.key] for source, _results in found}
            counted.counts[chosen] = _chosen_count(
                known[chosen.key], window, len(counted.hits)
            )
            return _Searched(found, left_out, chosen, alone, counted)
    found, left_out = _searches(user, words, filters, operator, backend)
    chosen = next((s for s, _r in found if s.key == kind), None)
    counted = ranking.rank(found, sign, window, chosen)
    cache.set(
        key,
        {source.key: count for source, count in counted.counts.items()},
        COUNTS_SECONDS,
    )
    return _Searched(found, left_out, chosen, found, counted)


def _window(page_number) -> slice:
    try:
        number = max(1, int(page_number))
    except (TypeError, ValueError):
        number = 1
    return slice((number - 1) * PER_PAGE, number * PER_PAGE)


def search(user, query, filters: Filters, kind="", page_number=1, request=None):
    """The outcome of one search for this person: facets, one page of results,
    and whether it fell back to results with only some of the words. None when
    the query holds no words at all."""
    with registry.one_search():
        return _search(user, query, filters, kind, page_number, request)


def _search(user, query, filters, kind, page_number, request):
    backend = get_search_backend()
    words = search_words(query)
    if not words:
        return None
    sign = _relevance_sign(backend)
    window = _window(page_number)
    searched = _rank(user, words, "and", filters, kind, sign, window, backend)
    any_word = False
    if len(words) > 1 and not any(searched.counted.counts.values()):
        searched = _rank(user, words, "or", filters, kind, sign, window, backend)
        any_word = True

    chosen = searched.chosen
    counts = searched.counted.counts
    total = sum(counts.values())
    facets = [
        Facet(source.key, str(source.label), counts[source], source is chosen)
        for source, _results in searched.found
    ]
    hits = _Ranked(
        user,
        searched.ranked_from,
        sign,
        chosen,
        searched.counted,
        window,
        counts[chosen] if chosen is not None else total,
    )
    page = page_of(hits, window.start // PER_PAGE + 1, PER_PAGE)
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
        left_out=searched.left_out,
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
