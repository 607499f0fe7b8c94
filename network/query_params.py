"""Reading filter values from a query string. A link the site made carries a
plain number or slug; anything else (an edited or malicious link) reads as
"no filter", never as a server error or a query PostgreSQL refuses."""

import re

SLUG = re.compile(r"[-\w]{1,100}")
# Control characters (a NUL byte among them, which PostgreSQL refuses in text)
# are never part of what someone meant to type.
CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# The largest value a 64-bit database integer holds.
MAX_INTEGER = 2**63 - 1


def int_param(params, name: str) -> int | None:
    """The value as a non-negative whole number, or None. Only ASCII digits
    count: "²".isdigit() is true, but int("²") fails."""
    value = params.get(name, "").strip()
    if not (value.isascii() and value.isdigit()) or int(value) > MAX_INTEGER:
        return None
    return int(value)


def slug_param(params, name: str) -> str:
    """The value when it looks like a slug (letters, digits, - and _, at most
    100 characters), else ""."""
    value = params.get(name, "").strip()
    return value if SLUG.fullmatch(value) else ""


def text_param(params, name: str, max_length: int) -> str:
    """Text typed into a search box: control characters read as spaces, runs
    of spaces as one, and at most `max_length` characters (a longer one could
    never match, and makes SQLite's LIKE refuse the pattern)."""
    return " ".join(CONTROL.sub(" ", params.get(name, "")).split())[:max_length]
