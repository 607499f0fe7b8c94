"""Rows of DUO's register of (v)so locations (see `columns`).

DUO holds the address, the board number and the denomination; it does not
hold SO/VSO, clusters, membership or e-mail domains, so those stay as the
site has them, and a school new to the site is marked "to complete".
"""

from django.utils.translation import gettext as _

from .report import RowResult
from .values import check_brin, location_number, postcode, province, tidy_case, website


def check_row(line: int, row: dict) -> RowResult:
    errors: list[str] = []
    brin = check_brin(row["BRIN NUMMER"], errors)
    number = location_number(row["VESTIGINGSNUMMER"], brin, errors)
    result = RowResult(line=line, brin=brin, location=number, errors=errors)

    name = tidy_case(row["VESTIGINGSNAAM"] or row["INSTELLINGSNAAM"])
    if not name:
        errors.append(_("The row names no school (INSTELLINGSNAAM)."))
    city = tidy_case(row["PLAATSNAAM"])
    if not city:
        errors.append(_("Column “%(column)s” is empty.") % {"column": "PLAATSNAAM"})
    board_number = row["BEVOEGD GEZAG NUMMER"]
    if not board_number.isdigit():
        errors.append(
            _("Board number “%(value)s” should be digits.")
            % {"value": row["BEVOEGD GEZAG NUMMER"]}
        )
    province_code = province(row["PROVINCIE"])
    if province_code is None:
        errors.append(_("Unknown province “%(value)s”.") % {"value": row["PROVINCIE"]})
    address = {
        "street": tidy_case(
            " ".join(
                part
                for part in (row["STRAATNAAM"], row["HUISNUMMER-TOEVOEGING"])
                if part
            )
        ),
        "postcode": postcode(row["POSTCODE"], errors),
        "city": city,
        "municipality": tidy_case(row["GEMEENTENAAM"]),
        "phone": row["TELEFOONNUMMER"],
    }
    site = website(row["INTERNETADRES"], errors)
    if errors:
        return result

    result.board_values = {"number": board_number}
    if row["BEVOEGD GEZAG NAAM"]:
        result.board_values["name"] = tidy_case(row["BEVOEGD GEZAG NAAM"])
    result.school_values = {
        "name": name,
        "province": province_code,
        "website": site,
        "denomination": row["DENOMINATIE"],
        **address,
    }
    result.location_values = {"name": name, **address}
    return result
