"""'Did you mean': when a search finds nothing, each word that is not a known
word is swapped for the closest known one, so "autsime" offers "autisme" and
"dyslxie gedarg" offers "dyslexie gedrag".

Close means one slip for a short word and two for a long one, where a slip is
a letter left out, added, changed, or two neighbours swapped (the optimal
string alignment distance; rapidfuzz computes it in C over the whole list).
Known words come only from what anyone may see (each source's public_words and
the sector's vocabulary), so a suggestion never reveals a members-only profile
or a closed group's thread."""

import re
from collections import Counter

from django.core.cache import cache
from rapidfuzz import process
from rapidfuzz.distance import OSA

from . import sources, vocabulary

CACHE_KEY = "search:spelling"
CACHE_SECONDS = 60 * 60
MIN_WORD = 4
LONG_WORD = 8  # from this length two slips are forgiven
WORD = re.compile(r"\w+", re.UNICODE)


def known_words() -> list[str]:
    """Public words, the most frequent first: of two equally close words the
    common one is the likelier meaning."""
    words = cache.get(CACHE_KEY)
    if words is None:
        counts = Counter()
        for source in sources.registered():
            for text in source.public_words():
                counts.update(
                    w for w in WORD.findall((text or "").lower()) if len(w) >= MIN_WORD
                )
        counts.update(w for w in vocabulary.public_names() if len(w) >= MIN_WORD)
        words = [word for word, _count in counts.most_common()]
        cache.set(CACHE_KEY, words, CACHE_SECONDS)
    return words


def forget(**_kwargs):
    cache.delete(CACHE_KEY)


def closest(word: str, known: list[str]) -> str | None:
    slips = 2 if len(word) >= LONG_WORD else 1
    found = process.extractOne(word, known, scorer=OSA.distance, score_cutoff=slips)
    return found[0] if found else None


def did_you_mean(words: list[str], finds) -> str:
    """The words with unknown ones corrected, or "" when nothing changed.

    `finds(word)` says whether a word finds anything the searching person may
    see. A correction is offered only when it does: the known words are cached
    for an hour, and a thread hidden or a page restricted since must not lend
    its words to a suggestion."""
    known = known_words()
    known_set = set(known)
    corrected = []
    for word in words:
        if len(word) < MIN_WORD or word in known_set or word.isdigit():
            corrected.append(word)
            continue
        close = closest(word, known)
        corrected.append(close if close and finds(close) else word)
    return " ".join(corrected) if corrected != words else ""
