"""The privacy guard: a number that looks like a citizen service number (BSN)
must not end up in a forum post, a request for support or a signal, where it
could make a pupil identifiable.

A BSN has nine digits (older ones eight, written with a leading zero) and
passes the eleven-test: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple of 11.
People write them with spaces, dots or dashes between groups, so those are
allowed between digits."""

import re

# Nine digits, maybe split by single spaces, dots or dashes, not part of a
# longer number.
CANDIDATE = re.compile(r"(?<![\d])\d(?:[ .\-]?\d){7,8}(?![\d])")
WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2, -1)


def passes_eleven_test(digits: str) -> bool:
    if len(digits) == 8:
        digits = "0" + digits
    if len(digits) != 9 or set(digits) == {"0"}:
        return False
    total = sum(int(d) * w for d, w in zip(digits, WEIGHTS, strict=True))
    return total % 11 == 0


def possible_bsns(text: str) -> list[str]:
    """The numbers in `text` that could be a BSN, as written."""
    found = []
    for match in CANDIDATE.finditer(text or ""):
        digits = re.sub(r"\D", "", match.group(0))
        if passes_eleven_test(digits):
            found.append(match.group(0))
    return found
