"""What the search searches: one source per kind of result.

Each source gives the queryset of what a person may see (permission rules come
from the owning app's permissions module; nothing here decides visibility), how
the search filters apply to it, and how its hits read in the result list.
Apps offer sources through the Wagtail hook `search_sources` (a function
returning a Source) in their wagtail_hooks.py: `site` offers its pages, events
and forum threads (site/search_sources.py), this app offers people."""

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from types import SimpleNamespace

from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.db.models import (
    Exists,
    F,
    OuterRef,
    Q,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Length, Substr
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, PageViewRestriction, Site

from network import narrowing
from network.models import (
    Cluster,
    Profile,
    SchoolType,
    SupportNeed,
    Topic,
)
from network.permissions import (
    is_member,
    profiles_hidden_from,
    profiles_of_closed_accounts,
    profiles_seen_by_visibility,
)
from network.prefetch import names_beside

from . import vocabulary
from .snippets import mark, snippet

PERIOD_DAYS = {"maand": 31, "jaar": 365}
UPCOMING = "komend"


@dataclass(frozen=True)
class Filters:
    """The filters of one search. Each applies to the sources that know it; a
    source that does not know a chosen filter drops out of the results."""

    cluster: int | None = None
    school_type: str = ""  # "so" or "vso"
    support_need: str = ""  # a SupportNeed slug
    period: str = ""  # "maand", "jaar" or "komend"

    def chosen(self) -> set[str]:
        """What the chosen filters ask of a source. "Upcoming" is a date filter
        only events can answer."""
        chosen = {
            name
            for name in ("cluster", "school_type", "support_need", "period")
            if getattr(self, name)
        }
        if self.period == UPCOMING:
            chosen = chosen - {"period"} | {"upcoming"}
        return chosen

    def since(self) -> datetime | None:
        days = PERIOD_DAYS.get(self.period)
        return timezone.now() - timedelta(days=days) if days else None


@dataclass
class Result:
    kind: str
    kind_label: str
    title: SafeString
    url: str
    snippet: SafeString
    meta: list[str] = field(default_factory=list)
    when: date | datetime | None = None
    badge: str = ""
    relevance: float = 0.0

    @property
    def when_local(self):
        """`when` as the reader's clock shows it (as the date filter does)."""
        if isinstance(self.when, datetime) and timezone.is_aware(self.when):
            return timezone.localtime(self.when)
        return self.when

    @property
    def when_iso(self) -> str:
        """The date filter's "c", for <time datetime>."""
        return self.when_local.isoformat() if self.when else ""

    @property
    def when_text(self) -> str:
        """The date filter's "j F Y" ("7 december 2026"), written out with the
        month names of the language: the date filter took 33 microseconds
        a result for both formats, and turned the clock twice."""
        local = self.when_local
        if not local:
            return ""
        return f"{local.day} {month_names()[local.month - 1]} {local.year}"


class Source:
    key = ""
    label = ""  # the facet's name, plural
    singular = ""  # the kind of one result, shown with it
    order = 50  # place among the facets
    understands: frozenset[str] = frozenset()
    # Scales the scores when kinds are merged into one list: a kind whose short
    # texts score high for a passing mention can step back.
    weight = 1.0

    def applies(self, filters: Filters) -> bool:
        return filters.chosen() <= self.understands

    def queryset(self, user, filters: Filters):
        raise NotImplementedError

    def search(self, backend, words, operator, user, filters):
        """This source's hits for the words, best first, each with a `_score`."""
        return ranked(backend, words, operator, self.built(user, filters))

    def loadable(self, user):
        """Where a page of hits is loaded from, by key: what the reader may
        see, read again, without the filters (the ranking applied those;
        asking them again ran the filters' subqueries a second time)."""
        return self.built(user, Filters())

    def built(self, user, filters):
        """queryset(user, filters), built once in one search (one_search)."""
        built = _BUILT.get()
        if built is None:
            return self.queryset(user, filters)
        # The reader in the key too: a rule is never handed to another.
        key = (self.key, filters, getattr(user, "pk", None))
        if key not in built:
            queryset = self.queryset(user, filters)
            alike = self.same_sql_for(user, filters)
            if alike is not None:
                queryset = marked_same(queryset, self.key, filters, alike)
            built[key] = queryset
        return fresh_copy(built[key])

    def same_sql_for(self, user, filters):
        """A name for the readers to whom queryset(user, filters) compiles to
        the same SQL and parameters, at any moment (it names no reader's key
        and no clock): a backend may then keep that SQL compiled
        (search.postgres_backend). None where the source cannot promise it,
        the default: a name that promised wrongly would hand one reader's
        rule to another."""
        return None

    def results(self, objects, pattern, request) -> list[Result]:
        """Results for a page of hits, loading what they show in few queries."""
        raise NotImplementedError

    def narrowing_words(self, filters) -> list[list[str]]:
        """Words the index entries of what the filters leave all hold, in
        groups of alternatives (see RankedResults.narrowing_words); none
        for a source whose entries hold no such words."""
        return []

    def public_words(self):
        """Texts anyone may see, for 'did you mean' (search.spelling)."""
        return []

    def result(self, obj, **kwargs) -> Result:
        return Result(kind=self.key, kind_label=str(self.singular), **kwargs)


def month_names() -> list[str]:
    """The twelve month names (as the date filter's "F" writes them) in the
    active language, translated once per language in the process."""
    language = get_language()
    names = _MONTH_NAMES.get(language)
    if names is None:
        names = _MONTH_NAMES[language] = [str(MONTHS[n]) for n in range(1, 13)]
    return names


_MONTH_NAMES: dict[str, list[str]] = {}


# The querysets built in the search under way, by source and filters.
_BUILT: ContextVar[dict | None] = ContextVar("search_querysets", default=None)


@contextmanager
def one_search():
    """Within it, a source's queryset for the reader and the filters is built
    once: ranking the hits and loading a page of them, without filters, ask
    for the same one. Building the forum's rule for a reader took a
    millisecond of a request, twice (7 December 2026). Kept for one search
    only, so no rule outlives the request that asked it."""
    token = _BUILT.set({})
    try:
        yield
    finally:
        _BUILT.reset(token)


def ranked(backend, words, operator, queryset):
    """The backend's hits among the queryset for the words and every other
    name they go by (search.vocabulary), with their scores."""
    query = vocabulary.query_for(words, operator)
    return backend.search(query, queryset).annotate_score("_score")


def registered() -> list[Source]:
    """Every source the apps offer through the `search_sources` hook (a
    function returning a Source or a list of them), in facet order."""
    from wagtail import hooks

    sources = {}
    for offer in hooks.get_hooks("search_sources"):
        offered = offer()
        for source in offered if isinstance(offered, list | tuple) else [offered]:
            sources[source.key] = source
    return sorted(sources.values(), key=lambda source: source.order)


def get(key: str) -> Source | None:
    return next((s for s in registered() if s.key == key), None)


class PageSource(Source):
    """Wagtail pages: only live pages outside private sections, for everyone.
    Unpublished work stays in the admin."""

    model = None
    date_field = "last_published_at"
    understands = frozenset({"period"})

    def queryset(self, user, filters):
        pages = public_pages_of(self.model)
        since = filters.since()
        if since is not None:
            pages = pages.filter(**{f"{self.date_field}__gte": since})
        return pages

    def texts(self, page) -> list[str]:
        """The page's own words, first the summary, then the body."""
        texts = [getattr(page, "intro", "") or page.search_description]
        body = getattr(page, "body", None)
        if body is not None:
            field = page._meta.get_field("body")
            texts += field.get_searchable_content(body)
        return texts

    def meta(self, page) -> list[str]:
        return []

    def public_words(self):
        return public_pages_of(self.model).values_list("title", flat=True)

    def when(self, page):
        return getattr(page, self.date_field, None)

    def results(self, pages, pattern, request):
        urls = page_urls(pages)
        return [
            self.result(
                page,
                title=SafeString(mark(page.title, pattern)),
                url=url,
                snippet=snippet(self.texts(page), pattern),
                meta=self.meta(page),
                when=self.when(page),
            )
            for page, url in zip(pages, urls, strict=True)
        ]


class PeopleSource(Source):
    key = "mensen"
    label = _("Experts")
    singular = _("Expert")
    order = 30
    understands = frozenset({"cluster", "school_type", "support_need"})

    def queryset(self, user, filters):
        # Profile.objects.visible_to holds the rule, from network.permissions.
        people = Profile.objects.visible_to(user)
        if filters.chosen():
            people = people.filter(pk__in=self._narrowed(filters).values("pk"))
        return people

    def _narrowed(self, filters):
        """The profiles the chosen filters leave, whoever reads."""
        profiles = Profile.objects.order_by()
        if filters.cluster:
            profiles = profiles.filter(clusters__number=filters.cluster)
        if filters.support_need:
            profiles = profiles.filter(support_needs__slug=filters.support_need)
        if filters.school_type:
            profiles = profiles.filter(
                school_type__in=SchoolType.matching(filters.school_type)
            )
        return profiles

    def loadable(self, user):
        # Only what a result shows (results): a profile's directory text and
        # the rest of its columns stay in the database.
        return super().loadable(user).only("slug", "name", "job_title", "bio")

    def narrowing_words(self, filters) -> list[list[str]]:
        """The chosen filters as words of the profiles' index entries, groups
        of alternatives (network.narrowing)."""
        groups = []
        if filters.cluster:
            groups.append([narrowing.cluster_word(filters.cluster)])
        if filters.support_need:
            groups.append([narrowing.support_need_word(filters.support_need)])
        if filters.school_type:
            values = SchoolType.matching(filters.school_type)
            groups.append([narrowing.school_type_word(value) for value in values])
        return groups

    def search(self, backend, words, operator, user, filters):
        results = super().search(backend, words, operator, user, filters)
        if filters.chosen():
            results.narrowing_words = self.narrowing_words(filters)
        if is_member(user):
            # A member may see all but a few profiles (hidden ones, closed
            # accounts): excluding those few costs far less than listing the
            # many (270,000 at ten times today's network). With filters, the
            # keys they leave are asked without joining every account.
            # The rule depends on being a member alone: the same SQL for
            # every member (network.permissions).
            results.excluded_keys = [
                marked_same(keys, self.key, "hidden from members", number)
                for number, keys in enumerate(profiles_hidden_from(user))
            ]
            results.keys_besides_words = None  # all but the excluded
            if filters.chosen():
                results.narrowed_keys = self._narrowed(filters).values("pk")
        else:
            # Anyone else sees the public profiles but those of closed
            # accounts: asked so, by key, rather than by joining every
            # profile to its account (hashing all accounts on every search).
            # The same for everyone who is not a member.
            seen = marked_same(
                profiles_seen_by_visibility(user), self.key, "seen by non-members"
            )
            results.keys_besides_words = seen
            if filters.chosen():
                seen = seen.filter(pk__in=self._narrowed(filters).values("pk"))
            results.narrowed_keys = seen
            results.excluded_keys = [
                marked_same(profiles_of_closed_accounts(), self.key, "closed")
            ]
        return results

    def public_words(self):
        public = Profile.objects.visible_to(AnonymousUser())
        yield from SupportNeed.objects.values_list("name", flat=True)
        yield from Cluster.objects.values_list("name", flat=True)
        yield from (
            Topic.objects.filter(tagged_items__content_object__in=public)
            .values_list("name", flat=True)
            .distinct()
        )
        yield from public.values_list("job_title", flat=True)

    def results(self, profiles, pattern, request):
        # The hits are whole profiles already: only the names they show are
        # loaded, in one query for the three relations.
        schools, needs, topics = names_beside([profile.pk for profile in profiles])
        results = []
        for profile in profiles:
            expertise = needs.get(profile.pk, []) + topics.get(profile.pk, [])
            texts = [profile.bio, ", ".join(expertise)]
            meta = [profile.job_title, ", ".join(schools.get(profile.pk, []))]
            results.append(
                self.result(
                    profile,
                    title=SafeString(mark(profile.name, pattern)),
                    url=profile.get_absolute_url(),
                    snippet=snippet(texts, pattern),
                    meta=[m for m in meta if m],
                )
            )
        return results


PEOPLE = PeopleSource()


def page_urls(pages) -> list[str]:
    """Each page's address, as Page.get_url gives it (the path on a site of
    its own, else the full address), with the site root paths read from the
    cache once for all: get_url keeps them on the request it is given, and
    finding the request's site would cost a query."""
    roots = Site.get_site_root_paths()
    # Where get_url_parts looks for them before it reads the cache again.
    paths = SimpleNamespace(_wagtail_cached_site_root_paths=roots)
    one_site = len({root[0] for root in roots}) == 1
    urls = []
    for page in pages:
        site_id, root_url, path = page.get_url_parts(paths) or (None, None, None)
        if path is None:
            urls.append("")
        else:
            urls.append(path if one_site else root_url + path)
    return urls


def public_pages_of(model):
    """public_pages of every page of this model: built once per model and
    handed out as a fresh copy. Building it (the private sections' subquery
    resolved into the query) took more time per search than the database's
    own lookup of the four kinds of page; it holds neither a reader nor a
    time, so every search can start from the same one."""
    known = _PUBLIC_PAGES.get(model)
    if known is None:
        known = _PUBLIC_PAGES[model] = public_pages(model.objects.all())
        # This very queryset, and no filtered copy of it (filtering does not
        # carry the mark), compiles the same for every search: the backend
        # may keep its SQL (search.postgres_backend).
        known.same_for_everyone = model._meta.label
    return fresh_copy(known)


def marked_same(queryset, *name):
    """The queryset marked as compiling to the same SQL wherever it is built
    under this name (see Source.same_sql_for): the mark is the name."""
    queryset.same_for_everyone = name
    return queryset


def fresh_copy(queryset):
    """A copy of the queryset to filter or evaluate, with its mark
    (same_for_everyone) where it has one: a plain copy drops it."""
    copy = queryset.all()
    same = getattr(queryset, "same_for_everyone", None)
    if same is not None:
        copy.same_for_everyone = same
    return copy


_PUBLIC_PAGES: dict = {}


def public_pages(pages):
    """Live pages outside private sections: Wagtail's live().public(), with the
    private sections asked inside the same query. Wagtail's public() first reads
    every view restriction in a query of its own, once per kind of page."""
    # As a key filter: the search backends accept filters on indexed fields.
    return pages.live().exclude(pk__in=_private_sections())


def _private_sections() -> RawSQL:
    """The keys of pages in a private section (under a view restriction), as
    SQL compiled once per process: it names no reader and no time, and
    compiling it took half a millisecond for each kind of page in every
    search."""
    known = _PRIVATE_SECTIONS.get(connection.vendor)
    if known is None:
        restricted = PageViewRestriction.objects.annotate(
            section=Length("page__path")
        ).filter(page__path=Substr(OuterRef("path"), 1, F("section")))
        private = Page.objects.filter(Exists(restricted)).order_by().values("pk")
        known = _PRIVATE_SECTIONS[connection.vendor] = private.query.sql_with_params()
    sql, params = known
    return RawSQL(sql, params)


_PRIVATE_SECTIONS: dict = {}


def period_q(field_name: str, filters: Filters) -> Q:
    since = filters.since()
    return Q(**{f"{field_name}__gte": since}) if since else Q()
