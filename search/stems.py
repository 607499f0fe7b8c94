"""Dutch stems, the way PostgreSQL's `dutch` text search configuration makes
them (Snowball's Dutch Porter stemmer), for SQLite's index and for marking
matched words in snippets."""

import re
from functools import lru_cache

import snowballstemmer

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
