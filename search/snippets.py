"""Snippets: a short piece of a result's text around the first word that
matched, with the matching words marked. Words match by their Dutch stem, as the
search does, so "scholen" marks "school" too."""

import re
from functools import lru_cache

from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe

from .stems import dutch_stems

SNIPPET_LENGTH = 220
LEAD = 60  # characters shown before the first match


# The accents Snowball's Dutch stemmer takes off (umlaut and acute), each to
# its own letter, so that a folded text keeps every word where it was.
_FOLD = str.maketrans("äëïöüáéíóúÄËÏÖÜÁÉÍÓÚ", "aeiouaeiouAEIOUAEIOU")


class WordMatcher:
    """Finds the words of a text whose Dutch stem is one of the query's stems:
    the same rule the search matched them by.

    Only words that begin as a stem does are stemmed: the stemmer keeps a
    word's first two letters (it lowers them and takes their accents off;
    suffixes go only after the third letter, and a doubled vowel loses a
    letter only after a consonant). Stemming every word of the texts of a
    page of results took a third of describing them (7 December 2026)."""

    WORD = re.compile(r"\w+", re.UNICODE)

    def __init__(self, query: str):
        self.stems = set(dutch_stems(query))
        starts = sorted({stem[:2] for stem in self.stems}, key=len, reverse=True)
        self.candidates = re.compile(
            r"(?<!\w)(?:" + "|".join(re.escape(start) for start in starts) + r")\w*",
            re.IGNORECASE,
        )

    def finditer(self, text: str):
        for candidate in self.candidates.finditer(text.translate(_FOLD)):
            match = self.WORD.match(text, candidate.start())
            if _stem(match.group(0)) in self.stems:
                yield match

    def search(self, text: str):
        return next(self.finditer(text), None)


@lru_cache(maxsize=20000)
def _stem(word: str) -> str:
    return dutch_stems(word)[0]


def word_pattern(query: str) -> WordMatcher | None:
    matcher = WordMatcher(query)
    return matcher if matcher.stems else None


def plain(text: str) -> str:
    return " ".join(strip_tags(text or "").split())


def snippet(texts, pattern, length=SNIPPET_LENGTH) -> SafeString:
    """From the first text with a match (or else the first non-empty text),
    a piece of about `length` characters with the matches in <mark>."""
    texts = [plain(text) for text in texts if text]
    texts = [text for text in texts if text]
    if not texts:
        return mark_safe("")
    chosen, start = texts[0], 0
    if pattern is not None:
        for text in texts:
            match = pattern.search(text)
            if match:
                chosen, start = text, match.start()
                break
    begin = 0 if start <= LEAD else chosen.rfind(" ", 0, start - LEAD) + 1
    end = begin + length
    if end < len(chosen):
        end = (
            chosen.rfind(" ", begin, end)
            if chosen.rfind(" ", begin, end) > begin
            else end
        )
    piece = chosen[begin:end]
    html = mark(piece, pattern)
    prefix = "… " if begin > 0 else ""
    suffix = " …" if end < len(chosen) else ""
    return mark_safe(f"{prefix}{html}{suffix}")


def mark(text: str, pattern) -> str:
    """Escaped text with the pattern's matches wrapped in <mark>."""
    if pattern is None:
        return escape(text)
    out, last = [], 0
    for match in pattern.finditer(text):
        out.append(escape(text[last : match.start()]))
        out.append(f"<mark>{escape(match.group(0))}</mark>")
        last = match.end()
    out.append(escape(text[last:]))
    return "".join(out)
