"""Words in a profile's search index entry that say which of the search's
filters it passes (its clusters, SO/VSO and support needs), so the full-text
index can narrow a filtered search before anything is ranked.

At ten times today's network a word like "communicatie" matches 84,000
people; checking each match against the chosen cluster and school type cost
most of a filtered search. With these words in the entry, PostgreSQL's text
index intersects the match with the filters itself, and the filters are not
checked again (what the reader may see still is). So every change of what a
profile is filtered by writes its entry again (network.search_text; a test
holds each path), in the same transaction as the change.

Each word is letters and digits in one, which PostgreSQL's parser keeps as it
is in every language configuration (not stemmed, not split), and which no
one searches for by chance."""

import re

PREFIX = "zz0"


def cluster_word(number: int) -> str:
    return f"{PREFIX}cluster{int(number)}"


def school_type_word(value: str) -> str:
    return f"{PREFIX}type{_letters_and_digits(value)}"


def support_need_word(slug: str) -> str:
    return f"{PREFIX}need{_letters_and_digits(slug)}"


def words_of(profile) -> str:
    """The narrowing words of a profile, for its index entry (clusters and
    support needs read through prefetches where the caller made them)."""
    words = [cluster_word(cluster.number) for cluster in profile.clusters.all()]
    words += [support_need_word(need.slug) for need in profile.support_needs.all()]
    if profile.school_type:
        words.append(school_type_word(profile.school_type))
    return " ".join(words)


def _letters_and_digits(value: str) -> str:
    return re.sub(r"[^a-z0-9]", "", value.lower())
