"""The site's part of the one search: its own pages, the agenda's events, the
forum's threads and the association's published dossiers. `site` may know
every app; the search app knows none of them but `network`, so the sources
that need events, forums and the association are declared here."""

from django.contrib.auth.models import AnonymousUser
from django.db.models import OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from association.models import Consultation, Dossier
from association.permissions import can_read_dossiers
from events.models import EventPage
from forums.models import Category, Post
from forums.permissions import visible_threads
from network.models import SchoolType
from search.snippets import mark, snippet
from search.sources import (
    UPCOMING,
    PageSource,
    Source,
    period_q,
    public_pages_of,
)

from .models import KnowledgeArticle, NewsPage, StandardPage


def _cluster_pages(model, number, *, empty_means_all=False):
    pages = Q(clusters__number=number)
    if empty_means_all:
        pages |= Q(clusters__isnull=True)
    return model.objects.filter(pages).values("pk")


class KnowledgeSource(PageSource):
    key = "kennisbank"
    label = _("Knowledge base")
    singular = _("Knowledge article")
    order = 10
    model = KnowledgeArticle
    understands = frozenset({"period", "cluster", "school_type"})

    def queryset(self, user, filters):
        articles = super().queryset(user, filters)
        if filters.cluster:
            # An article without clusters is for every cluster.
            articles = articles.filter(
                pk__in=_cluster_pages(
                    KnowledgeArticle, filters.cluster, empty_means_all=True
                )
            )
        if filters.school_type:
            articles = articles.filter(
                audience__in=SchoolType.matching(filters.school_type)
            )
        return articles

    def meta(self, page):
        return [page.get_audience_display()]


class NewsSource(PageSource):
    key = "nieuws"
    label = _("News")
    singular = _("News")
    order = 20
    model = NewsPage
    date_field = "date"


class EventSource(PageSource):
    key = "agenda"
    label = _("Meetings")
    singular = _("Meeting")
    order = 40
    model = EventPage
    date_field = "start"
    understands = frozenset({"period", "upcoming", "cluster"})

    def queryset(self, user, filters):
        events = public_pages_of(EventPage)
        now = timezone.now()
        if filters.period == UPCOMING:
            events = events.filter(end__gte=now)
        elif filters.since():
            events = events.filter(start__gte=filters.since(), start__lte=now)
        if filters.cluster:
            events = events.filter(pk__in=_cluster_pages(EventPage, filters.cluster))
        return events

    def texts(self, event):
        field = event._meta.get_field("programme")
        return [event.intro] + field.get_searchable_content(event.programme)

    def meta(self, event):
        return [event.venue_city or event.get_format_display()]


class PageSourceForStandardPages(PageSource):
    key = "paginas"
    label = _("Pages")
    singular = _("Page")
    order = 60
    model = StandardPage


class ThreadSource(Source):
    key = "forum"
    label = _("Forum")
    singular = _("Forum thread")
    order = 50
    understands = frozenset({"period", "cluster"})

    def queryset(self, user, filters):
        # The forum's own rule; the search adds only the chosen filters.
        threads = visible_threads(user).filter(period_q("last_post_at", filters))
        # What a result shows of its place comes with the hit.
        threads = threads.select_related("category", "group")
        if filters.cluster:
            threads = threads.filter(
                category__in=Category.objects.filter(
                    cluster__number=filters.cluster
                ).values("pk")
            )
        return threads

    def same_sql_for(self, user, filters):
        # A visitor's rule names only the categories open to visitors; a
        # period names the clock. A signed-in reader's names their groups.
        if getattr(user, "is_authenticated", False) or filters.period:
            return None
        return "visitor"

    def public_words(self):
        # Only what a visitor may read, the most recent first.
        visible = visible_threads(AnonymousUser()).order_by("-last_post_at")
        return visible.values_list("title", flat=True)[:5000]

    def loadable(self, user):
        # A page of hits comes with the texts of its snippets, the opening
        # post and any accepted answer (a later post), in the same query:
        # asked apart, they cost a query of their own to build and send.
        shown = Post.objects.filter(is_hidden=False).order_by()
        opening = shown.filter(thread=OuterRef("pk"), position=1)
        answer = shown.filter(pk=OuterRef("accepted_post_id"), position__gt=1)
        return (
            super()
            .loadable(user)
            .annotate(
                opening_text=Subquery(opening.values("body")[:1]),
                answer_text=Subquery(answer.values("body")[:1]),
            )
        )

    def results(self, threads, pattern, request):
        # The hits come with their place (queryset) and their texts (loadable).
        results = []
        for thread in threads:
            result = self.result(
                thread,
                title=SafeString(mark(thread.title, pattern)),
                url=thread.get_absolute_url(),
                snippet=snippet(_texts(thread), pattern),
                meta=[thread.place.name],
                when=thread.last_post_at,
            )
            if thread.is_solved:
                result.badge = str(_("Solved"))
            results.append(result)
        return results


def _texts(thread) -> list[str]:
    return [text for text in (thread.opening_text, thread.answer_text) if text]


def nothing_of(model):
    """No object of the model, as SQL the backends can rank in (.none() has
    none), naming no moment: the same for every reader who may see none."""
    return model.objects.filter(pk__isnull=True)


class DossierSource(Source):
    """What the association did with members' signals: for members, once
    published. The signals themselves are never searchable."""

    key = "dossiers"
    label = _("Dossiers")
    singular = _("Dossier")
    order = 60

    def queryset(self, user, filters):
        if not can_read_dossiers(user):
            return nothing_of(Dossier)
        return Dossier.objects.filter(published_at__lte=timezone.now())

    def same_sql_for(self, user, filters):
        return None if can_read_dossiers(user) else "nobody"

    def results(self, dossiers, pattern, request):
        return [
            self.result(
                dossier,
                title=SafeString(mark(dossier.title, pattern)),
                url=dossier.get_absolute_url(),
                snippet=snippet([dossier.summary], pattern),
                when=dossier.published_at,
            )
            for dossier in dossiers
        ]


class ConsultationSource(Source):
    """Open consultations, for members: the association's questions to them."""

    key = "raadplegingen"
    label = _("Consultations")
    singular = _("Consultation")
    order = 62

    def queryset(self, user, filters):
        if not can_read_dossiers(user):
            return nothing_of(Consultation)
        now = timezone.now()
        return Consultation.objects.filter(opens_at__lte=now, closes_at__gt=now)

    def same_sql_for(self, user, filters):
        return None if can_read_dossiers(user) else "nobody"

    def results(self, consultations, pattern, request):
        return [
            self.result(
                consultation,
                title=SafeString(mark(consultation.title, pattern)),
                url=consultation.get_absolute_url(),
                snippet=snippet([consultation.intro], pattern),
                when=consultation.closes_at,
            )
            for consultation in consultations
        ]


# Offered to the search through the `search_sources` hook (site/wagtail_hooks.py).
SOURCES = (
    KnowledgeSource(),
    NewsSource(),
    EventSource(),
    PageSourceForStandardPages(),
    ThreadSource(),
    DossierSource(),
    ConsultationSource(),
)
