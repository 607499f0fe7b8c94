"""Reading single values the way both layouts write them."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _

from ..models import Province
from ..models.organisations import BRIN_VALIDATOR

# Spellings of provinces beside the codes and the names Province holds.
PROVINCE_ALIASES = {"fryslân": "FR", "fryslan": "FR"}
POSTCODE = re.compile(r"^([1-9][0-9]{3}) ?([A-Z]{2})$")
# Words that stay in small letters inside a name written in capitals, and
# abbreviations that stay capitals ("SO", "VSO", "ZML"...).
SMALL_WORDS = {
    "'s", "'t", "aan", "bij", "de", "den", "der", "en", "het", "in", "of", "op",
    "te", "ten", "ter", "van", "voor",
}  # fmt: skip
ABBREVIATIONS = {
    "ASS", "BV", "EMB", "LG", "LZ", "MG", "MKD", "OC", "SBO", "SO", "TOS", "VO",
    "VSO", "ZML", "ZMLK", "ZMOLK",
}  # fmt: skip


def check_brin(value: str, errors: list[str]) -> str:
    brin = value.strip().upper()
    if not brin:
        errors.append(_("BRIN code is missing."))
        return ""
    try:
        BRIN_VALIDATOR(brin)
    except ValidationError as error:
        errors.extend(error.messages)
    return brin


def location_number(value: str, brin: str, errors: list[str]) -> str:
    """Two digits: `0`, `00`, `01` or a full code `12AB01` of this BRIN."""
    value = value.strip().upper()
    if not value:
        return "00"
    if len(value) == 6 and value[:4] == brin:
        value = value[4:]
    if value.isdigit() and len(value) <= 2:
        return value.zfill(2)
    errors.append(
        _("Location number “%(value)s” should be two digits, for example 01.")
        % {"value": value}
    )
    return ""


def province(value: str) -> str | None:
    value = value.strip().lower()
    for code, label in Province.choices:
        if value in (code.lower(), label.lower()):
            return code
    return PROVINCE_ALIASES.get(value)


def postcode(value: str, errors: list[str]) -> str:
    value = value.strip().upper()
    if not value:
        return ""
    match = POSTCODE.match(value)
    if match is None:
        errors.append(
            _("Postcode “%(value)s” should look like 3521 AB.") % {"value": value}
        )
        return ""
    return f"{match[1]} {match[2]}"


def website(value: str, errors: list[str]) -> str:
    """A web address; DUO often leaves out the scheme (`www.school.nl`)."""
    value = value.strip()
    if not value:
        return ""
    if "://" not in value:
        value = "https://" + value
    try:
        URLValidator(schemes=["http", "https"])(value)
    except ValidationError:
        errors.append(_("Website “%(value)s” is not a web address.") % {"value": value})
        return ""
    return value


def split(value: str) -> list[str]:
    return [part.strip() for part in value.replace(",", ";").split(";") if part.strip()]


def tidy_case(value: str) -> str:
    """A name DUO writes in capitals as people write it:
    `ORTHOPEDAGOGISCH CENTRUM "HET SPECTRUM"` becomes
    `Orthopedagogisch Centrum "Het Spectrum"`, `'S-HERTOGENBOSCH` becomes
    `'s-Hertogenbosch`. A name already in mixed case is left as written."""
    value = " ".join(value.split())
    if not value.isupper():
        return value
    words = re.split(r"([\s\-/]+)", value)
    tidy = []
    for position, word in enumerate(words):
        bare = word.strip("\"'()").lower()
        if word.strip("\"'()") in ABBREVIATIONS:
            tidy.append(word)
        elif word.lower() in ("'s", "'t") or (
            position and bare in SMALL_WORDS and word[0].isalpha()
        ):
            tidy.append(word.lower())
        else:
            first_letter = re.compile(r"[^\W\d_]")
            tidy.append(first_letter.sub(lambda m: m[0].upper(), word.lower(), count=1))
    return "".join(tidy)
