"""Turning what someone typed into words to search for."""

import re

MAX_WORDS = 10
MAX_LENGTH = 200
WORD = re.compile(r"\w+", re.UNICODE)

# Common Dutch (and a few English) words that say nothing about the subject.
# PostgreSQL's `dutch` configuration drops its own list; SQLite's index has none,
# so without this "hoe ga ik om met prikkels" would ask for all six words.
STOP_WORDS = frozenset(
    """
    aan al alle als an and bij dan dat de der des deze die dit door dus een en
    er ge geen had heb hebben heeft het hier hij hoe hun ik in is je kan kun
    kunnen maar me meer met mij mijn na naar niet nog nu of om on ons ook op
    over te the to tot u uit van veel voor waar wat we wel welke wie wij wil
    worden wordt zal ze zich zij zijn zo zou
    """.split()
)


# Control characters (a NUL byte among them, which PostgreSQL refuses in text)
# are never part of what someone meant to type.
CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def clean_query(raw: str) -> str:
    """The query as typed, trimmed to a sensible size, for showing back."""
    return " ".join(CONTROL.sub(" ", raw or "").split())[:MAX_LENGTH]


def _words(query: str) -> list[str]:
    """Letters and digits only (no search syntax), lower-cased, at most MAX_WORDS."""
    return [word.lower() for word in WORD.findall(query)][:MAX_WORDS]


def only_common_words(query: str) -> bool:
    """Whether the query has words, but none that says anything ("de het").
    PostgreSQL would drop them all and SQLite would find nearly everything, so
    the search page asks for a word about the subject instead."""
    words = _words(query)
    return bool(words) and all(word in STOP_WORDS for word in words)


def search_words(query: str) -> list[str]:
    """The words to search for, stop words left out unless nothing else is
    left."""
    words = _words(query)
    meaningful = [word for word in words if word not in STOP_WORDS]
    return meaningful or words
