"""Taking people out of a text before others read it: a helpdesk question or a
forum question that becomes a knowledge article, a deleted member's words.

Removed are what the caller knows (names, schools) and what can be recognised
without knowing: e-mail addresses, phone numbers and numbers that pass the BSN
eleven-test. An editor still reads the draft before it is published; this
takes away what a busy editor could miss."""

import re

from django.utils.translation import gettext as _

from .guard import possible_bsns

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Dutch numbers as people write them: 06-12345678, 030 123 4567, +31 6 1234 5678.
PHONE = re.compile(r"(?<![\w+])(?:\+31[ -]?|0)\d(?:[ -]?\d){8}(?!\d)")
# Words of a name too common to remove on their own ("de", "van", "Jan" is not).
NAME_PARTICLES = {"de", "den", "der", "van", "het", "ten", "ter", "te", "la", "le"}
MIN_NAME_PART = 3


def _phrase(text: str) -> re.Pattern | None:
    text = " ".join(text.split())
    if not text:
        return None
    words = [re.escape(word) for word in text.split(" ")]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)


def _name_parts(name: str) -> list[str]:
    """A full name, then its parts long enough to be a name on their own:
    "Anna de Vries" also takes out "Anna" and "Vries"."""
    parts = [
        part
        for part in re.split(r"[\s\-]+", name)
        if len(part) >= MIN_NAME_PART and part.lower() not in NAME_PARTICLES
    ]
    return [name, *parts]


def anonymise(text: str, *, names=(), schools=()) -> str:
    """`text` without the given people's names and schools (longest first, so
    a full name goes before its parts), e-mail addresses, phone numbers and
    BSN-like numbers, each replaced by what it was, in brackets."""
    text = EMAIL.sub(f"[{_('e-mail address')}]", text or "")
    for number in possible_bsns(text):
        text = text.replace(number, f"[{_('number')}]")
    text = PHONE.sub(f"[{_('phone number')}]", text)
    replacements = [(school, _("school")) for school in schools if school] + [
        (part, _("name")) for name in names if name for part in _name_parts(name)
    ]
    for phrase, label in sorted(replacements, key=lambda item: -len(item[0])):
        pattern = _phrase(phrase)
        if pattern is not None:
            text = pattern.sub(f"[{label}]", text)
    return text


def names_of(user) -> list[str]:
    """What `user` is called on the site: their profile's name and the name
    on their account."""
    if user is None:
        return []
    found = [user.get_full_name(), user.first_name, user.last_name]
    profile = getattr(user, "profile", None)
    if profile is not None:
        found.append(profile.name)
    return [name for name in found if name and name.strip()]


def schools_of(user) -> list[str]:
    """The names and BRIN codes of `user`'s schools."""
    if user is None:
        return []
    from .models import School

    found = []
    for name, brin in School.objects.filter(
        affiliations__profile__user=user
    ).values_list("name", "brin"):
        found += [name, brin]
    return found
