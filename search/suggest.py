"""Suggestions while typing in the header's search box: people, topics and
support needs (leading to the expert directory), and pages. Each comes from
what the person may see, like the results themselves."""

from dataclasses import asdict, dataclass

from django.db.models import Case, Q, When
from django.utils.translation import gettext as _
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from network.directory import directory_url
from network.models import Profile, SupportNeed, Topic

from . import vocabulary
from .sources import PageSource, public_pages, registered
from .text import search_words

PER_KIND = 4
MIN_LENGTH = 2


def _word_starts(field: str, text: str) -> Q:
    """A name with a word that starts with the text: "ge" suggests "gedrag"
    and "Werk en gedrag", not "stage"."""
    return Q(**{f"{field}__istartswith": text}) | Q(
        **{f"{field}__icontains": f" {text}"}
    )


def _starts_a_word(name: str, text: str) -> bool:
    """The Python twin of _word_starts, for the short list of support needs."""
    name, text = name.lower(), text.lower()
    return name.startswith(text) or f" {text}" in name or f",{text}" in name


def searched_page_models() -> list:
    return [source.model for source in registered() if isinstance(source, PageSource)]


@dataclass
class Suggestion:
    label: str
    kind: str
    url: str


def suggestions(user, typed: str, request=None) -> list[dict]:
    words = search_words(typed)
    if not words or len(" ".join(words)) < MIN_LENGTH:
        return []
    text = " ".join(words)
    backend = get_search_backend()
    found: list[Suggestion] = []

    people = backend.autocomplete(text, Profile.objects.visible_to(user))
    found += [
        Suggestion(profile.name, _("Expert"), profile.get_absolute_url())
        for profile in people[:PER_KIND]
    ]

    # "TOS" suggests "Taal en spraak": a typed abbreviation or synonym brings
    # the support needs and topics it stands for.
    other_names = vocabulary.other_names(words)
    needs = [
        need
        for need in SupportNeed.objects.order_by("sort_order")
        if _starts_a_word(need.name, text)
        or _starts_a_word(need.also_known_as, text)
        or vocabulary.as_name(need.name) in other_names
    ]
    found += [
        Suggestion(
            need.name,
            _("Support need"),
            directory_url(support_need=need.slug),
        )
        for need in needs[:PER_KIND]
    ]
    # A topic is only named when someone this person may see carries it.
    topic_named = _word_starts("name", text) | _word_starts("also_known_as", text)
    if other_names:
        topic_named |= Q(name__iregex=vocabulary.names_regex(other_names))
    topics = (
        Topic.objects.filter(
            topic_named,
            tagged_items__content_object__in=Profile.objects.visible_to(user),
        )
        .distinct()
        .order_by("name")
    )
    found += [
        Suggestion(
            topic.name,
            _("Topic"),
            directory_url(topic=topic.slug),
        )
        for topic in topics[:PER_KIND]
    ]

    # Titles with a word starting with the text, those starting with it first.
    # A plain title match, not the index's autocomplete: that scores every
    # matching page and took 2.7 s over 20,000 pages on SQLite.
    # Pages of the kinds the search has (the page sources the apps offer), so
    # a page that is live but not for everyone (a members' newsletter) is
    # never named here.
    pages = (
        public_pages(Page.objects.type(*searched_page_models()))
        .filter(_word_starts("title", text), depth__gt=2)
        .annotate(starts=Case(When(title__istartswith=text, then=0), default=1))
        .order_by("starts", "title")
    )
    for page in pages[:PER_KIND]:
        kind = page.specific_class._meta.verbose_name if page.specific_class else ""
        found.append(
            Suggestion(page.title, str(kind).capitalize(), page.get_url(request))
        )
    return [asdict(suggestion) for suggestion in found]
