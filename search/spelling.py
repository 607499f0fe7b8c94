"""'Did you mean': when a search finds nothing, each word that is not a known
word is swapped for the closest known one. Known words come only from what
anyone may see (each source's public_words), so a suggestion never reveals a
members-only profile or a closed group's thread."""

import difflib
import re

from django.core.cache import cache

from . import sources

CACHE_KEY = "search:vocabulary"
CACHE_SECONDS = 60 * 60
MIN_WORD = 4
WORD = re.compile(r"\w+", re.UNICODE)


def vocabulary() -> dict[str, list[str]]:
    """Known words by first letter, so a lookup compares with few words."""
    words = cache.get(CACHE_KEY)
    if words is None:
        found = set()
        for source in sources.registered():
            for text in source.public_words():
                found.update(
                    w for w in WORD.findall(text.lower()) if len(w) >= MIN_WORD
                )
        words = {}
        for word in sorted(found):
            words.setdefault(word[0], []).append(word)
        cache.set(CACHE_KEY, words, CACHE_SECONDS)
    return words


def did_you_mean(words: list[str], finds) -> str:
    """The words with unknown ones corrected, or "" when nothing changed.

    `finds(word)` says whether a word finds anything the searching person may
    see. A correction is offered only when it does: the vocabulary is cached for
    an hour, and a thread hidden or a page restricted since must not lend its
    words to a suggestion."""
    known = vocabulary()
    corrected = []
    for word in words:
        candidates = known.get(word[:1], [])
        if len(word) < MIN_WORD or word in candidates:
            corrected.append(word)
            continue
        close = difflib.get_close_matches(word, candidates, n=1, cutoff=0.75)
        corrected.append(close[0] if close and finds(close[0]) else word)
    return " ".join(corrected) if corrected != words else ""
