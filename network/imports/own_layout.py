"""Rows in the association's own layout (see `columns`): one school per row,
naming its board; a row with a `vestigingsnummer` other than 00 adds a
location to a school in the file or on the site."""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _

from ..models import SchoolType
from .report import RowResult
from .values import check_brin, location_number, postcode, province, split

SCHOOL_TYPES = {
    "so": SchoolType.SO,
    "vso": SchoolType.VSO,
    "so-vso": SchoolType.BOTH,
    "so/vso": SchoolType.BOTH,
    "beide": SchoolType.BOTH,
}
EXIT_PROFILES = {
    "vervolgonderwijs": "offers_vervolgonderwijs",
    "arbeidsmarktgericht": "offers_arbeidsmarkt",
    "dagbesteding": "offers_dagbesteding",
}
YES = {"ja", "j", "yes", "y", "1", "waar", "true", "x"}
NO = {"nee", "n", "no", "0", "onwaar", "false", ""}


def check_row(line: int, row: dict, known_clusters: set[int]) -> RowResult:
    errors: list[str] = []
    brin = check_brin(row["brin"], errors)
    number = location_number(row["vestigingsnummer"], brin, errors)
    if number not in ("", "00"):
        return _check_location_row(line, row, brin, number, errors)
    result = RowResult(line=line, brin=brin, errors=errors, clusters=[])
    for column in ("naam", "plaats", "bestuursnummer", "bestuursnaam"):
        if not row[column]:
            errors.append(_("Column “%(column)s” is empty.") % {"column": column})

    province_code = province(row["provincie"])
    if province_code is None:
        errors.append(_("Unknown province “%(value)s”.") % {"value": row["provincie"]})
    kind = SCHOOL_TYPES.get(row["soort"].lower().replace(" ", ""))
    if kind is None:
        errors.append(
            _("School type must be SO, VSO or SO-VSO, not “%(value)s”.")
            % {"value": row["soort"]}
        )

    for part in split(row["clusters"]):
        if not part.isdigit() or int(part) not in known_clusters:
            errors.append(
                _("Unknown cluster “%(value)s”: use 1, 2, 3 or 4.") % {"value": part}
            )
        else:
            result.clusters.append(int(part))
    if not split(row["clusters"]):
        errors.append(_("At least one cluster is needed."))

    site = row["website"]
    if site:
        try:
            URLValidator(schemes=["http", "https"])(site)
        except ValidationError:
            errors.append(
                _("Website “%(value)s” is not a web address.") % {"value": site}
            )

    member = row["lid"].lower()
    if member not in YES | NO:
        errors.append(
            _("Column “lid” must be ja or nee, not “%(value)s”.") % {"value": member}
        )
    member_since = None
    if row["lid_sinds"]:
        try:
            member_since = datetime.date.fromisoformat(row["lid_sinds"])
        except ValueError:
            errors.append(_("“lid_sinds” must be a date like 2019-08-01."))

    exit_profiles = {}
    for part in split(row["uitstroomprofielen"]):
        name = EXIT_PROFILES.get(part.lower())
        if name is None:
            errors.append(_("Unknown exit profile “%(value)s”.") % {"value": part})
        else:
            exit_profiles[name] = True
    code = postcode(row["postcode"], errors)

    if not errors:
        result.board_values = {
            "number": row["bestuursnummer"],
            "name": row["bestuursnaam"],
            "is_member": member in YES,
            "member_since": member_since,
        }
        result.school_values = {
            "name": row["naam"],
            "city": row["plaats"],
            "province": province_code,
            "school_type": kind,
            "alliance": row["samenwerkingsverband"],
            "website": site,
            "email_domains": "\n".join(split(row["emaildomeinen"])),
            "description": row["omschrijving"],
            **{name: name in exit_profiles for name in EXIT_PROFILES.values()},
        }
        # The address columns are optional: a file without them keeps the
        # address an earlier DUO import brought.
        if row["adres"]:
            result.school_values["street"] = row["adres"]
        if code:
            result.school_values["postcode"] = code
    return result


def _check_location_row(line, row, brin, number, errors) -> RowResult:
    result = RowResult(
        line=line, brin=brin, location=number, errors=errors, is_school_row=False
    )
    if not row["plaats"]:
        errors.append(_("Column “%(column)s” is empty.") % {"column": "plaats"})
    code = postcode(row["postcode"], errors)
    if not errors:
        result.location_values = {
            "name": row["naam"],
            "street": row["adres"],
            "postcode": code,
            "city": row["plaats"],
        }
    return result
