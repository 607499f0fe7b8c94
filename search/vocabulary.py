"""The sector's words: a search for "TOS" also searches "taalontwikkelingsstoornis"
and the support need "Taal en spraak".

Names that mean the same form a group. They come from the editors' search terms
(search.models.Term: term, abbreviations, synonyms) and from the "also known as"
of support needs and topics; two lists that share a name join into one group.
Expansion happens when a query is built, not in the index, so a new synonym
works at once on both databases without re-indexing anything.

A name is compared as the search compares words: lower case, letters and digits
only, common words left out ("taal en spraak" is the words taal, spraak)."""

import re
import time
from dataclasses import dataclass

from django.core.cache import cache
from modelsearch.query import And, Or, PlainText

from network.models import SupportNeed, Topic

from .models import Term, split_names
from .stems import dutch_stems
from .text import search_words

CACHE_KEY = "search:synonyms"
CACHE_SECONDS = 60 * 60
LONGEST_NAME = 5  # words; longer names are not looked for inside a query

Name = tuple[str, ...]


def as_name(text: str) -> Name:
    """A name as the search compares it: "Taal en spraak" is (taal, spraak)."""
    return tuple(search_words(text))


def _lists() -> list[list[str]]:
    """Every list of names that mean the same thing."""
    lists = [term.names() for term in Term.objects.all()]
    for model in (SupportNeed, Topic):
        for name, others in model.objects.exclude(also_known_as="").values_list(
            "name", "also_known_as"
        ):
            lists.append([name, *split_names(others)])
    return lists


def build_groups(lists) -> dict[Name, frozenset[Name]]:
    """For every name, the group of names it belongs to (lists sharing a name
    are joined)."""
    parent: dict[Name, Name] = {}

    def root(name):
        while parent.setdefault(name, name) != name:
            parent[name] = parent[parent[name]]
            name = parent[name]
        return name

    for names in lists:
        keys = [key for key in (as_name(n) for n in names) if key]
        for key in keys[1:]:
            parent[root(key)] = root(keys[0])
    groups: dict[Name, set[Name]] = {}
    for key in parent:
        groups.setdefault(root(key), set()).add(key)
    return {key: frozenset(groups[root(key)]) for key in parent}


# One search asks for the groups once per kind of result: the process keeps
# what it read from the cache for a moment. An editor's change reaches this
# process at once (forget) and the others within that moment.
LOCAL_SECONDS = 2.0
_local: dict = {}


def _vocabulary() -> tuple[dict[Name, frozenset[Name]], frozenset[Name]]:
    read = _local.get("read")
    if read is not None and time.monotonic() - read[0] < LOCAL_SECONDS:
        return read[1]
    found = cache.get(CACHE_KEY)
    if found is None:
        known = build_groups(_lists())
        found = (known, _ambiguous(known))
        cache.set(CACHE_KEY, found, CACHE_SECONDS)
    _local["read"] = (time.monotonic(), found)
    return found


def groups() -> dict[Name, frozenset[Name]]:
    return _vocabulary()[0]


def _ambiguous(known) -> frozenset[Name]:
    """Abbreviations that are also the stem of another public word: "ASS"
    is the stem of "Assen", and both databases index "Assen" as "ass"."""
    from .spelling import known_words  # spelling reads this module's names

    short = {name[0] for name in known if len(name) == 1 and len(name[0]) <= 4}
    words = known_words()
    stems = {
        stem
        for word, stem in zip(words, dutch_stems(" ".join(words)), strict=True)
        if stem != word and stem in short
    }
    return frozenset((stem,) for stem in stems)


def forget(**_kwargs):
    """Drop the cached groups (a term, support need or topic changed)."""
    _local.clear()
    cache.delete(CACHE_KEY)


@dataclass(frozen=True)
class Part:
    """One word of the query, or one name found in it, with its other names."""

    typed: Name
    alternatives: frozenset[Name]

    ambiguous: frozenset[Name] = frozenset()

    @property
    def names(self) -> list[Name]:
        """What to search for. An ambiguous abbreviation is searched by its
        other names only, even when typed: "ASS" would find every colleague at
        a school in Assen before anyone who knows about autism."""
        others = sorted(self.alternatives - {self.typed} - self.ambiguous)
        if self.typed in self.ambiguous and others:
            return others
        return [self.typed, *others]


def parts(words: list[str]) -> list[Part]:
    """The query's words, with each known name (the longest first) and the
    names it stands for."""
    known, ambiguous = _vocabulary()
    found, start = [], 0
    while start < len(words):
        for length in range(min(LONGEST_NAME, len(words) - start), 0, -1):
            name = tuple(words[start : start + length])
            if name in known:
                found.append(Part(name, known[name], ambiguous))
                start += length
                break
        else:
            found.append(Part((words[start],), frozenset()))
            start += 1
    return found


def query_for(words: list[str], operator: str = "and"):
    """The query the backend searches: plain words when none is a known name,
    else every part must match (or, with operator "or", any part) in any of
    its names."""
    found = parts(words)
    if not any(part.alternatives for part in found):
        return PlainText(" ".join(words), operator=operator)
    clauses = [
        Or([PlainText(" ".join(name), operator="and") for name in part.names])
        if part.alternatives
        else PlainText(" ".join(part.typed))
        for part in found
    ]
    if len(clauses) == 1:
        return clauses[0]
    return And(clauses) if operator == "and" else Or(clauses)


def all_words(words: list[str]) -> list[str]:
    """The words of the query and of every name they stand for: what a result
    may have matched, for marking it."""
    found = []
    for part in parts(words):
        for name in part.names:
            found += [word for word in name if word not in found]
    return found


def other_names(words: list[str]) -> frozenset[Name]:
    """What a query that is one known name also goes by ("tos": the words of
    "taal en spraak", "taalontwikkelingsstoornis", ...); empty otherwise."""
    found = parts(words)
    if len(found) == 1 and found[0].alternatives:
        return found[0].alternatives - {found[0].typed}
    return frozenset()


def names_regex(names) -> str:
    """A regex for a text that is exactly one of the names, one common word
    allowed between two of their words ("taal en spraak"); for PostgreSQL and
    SQLite alike."""
    alternatives = (
        r"\W+(\w+\W+)?".join(re.escape(word) for word in name) for name in names
    )
    return "^(" + "|".join(sorted(alternatives)) + ")$"


def public_names() -> list[str]:
    """Every word of every name, for 'did you mean': they are the site's own
    words, not anyone's content. Read from the lists, not the cached groups,
    which are built with the spelling's words."""
    return sorted({word for names in _lists() for n in names for word in as_name(n)})
