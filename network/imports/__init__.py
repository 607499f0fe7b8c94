"""Import of schools, their boards and locations from a CSV file: the
association's own layout or DUO's register of (v)so locations (see `columns`).

Every row is checked before anything is written. A file with errors changes
nothing unless the caller asks to import the valid rows anyway; either way the
report says, per row, what was (or would be) created, updated, left unchanged
or rejected, and why. Nothing is ever deleted: a school a DUO file no longer
lists is reported for an editor to look at.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from ..models import Cluster, School, SchoolLocation
from . import duo_layout, own_layout
from .reading import MAX_ROWS, ImportFileError, read_table
from .report import ImportReport, RowResult
from .writing import write_row

__all__ = ["MAX_ROWS", "ImportFileError", "ImportReport", "RowResult", "import_schools"]


def import_schools(
    data: bytes, *, apply_valid_rows: bool = False, dry_run: bool = False
) -> ImportReport:
    """Check every row of `data`, then write the valid ones in one transaction
    when the file has no errors or `apply_valid_rows` is set (and not `dry_run`).

    Raises ImportFileError when the file itself is unreadable."""
    table = read_table(data)
    if table.layout.name == "duo":
        results = [duo_layout.check_row(line, row) for line, row in table.rows]
    else:
        known_clusters = set(Cluster.objects.values_list("number", flat=True))
        results = [
            own_layout.check_row(line, row, known_clusters) for line, row in table.rows
        ]
    _reject_duplicates(results)
    if table.layout.name == "duo":
        _choose_school_rows(results)
    else:
        _reject_locations_without_school(results)
    for result in results:
        if result.errors:
            result.action = "rejected"
    apply = not dry_run and (apply_valid_rows or not any(r.errors for r in results))
    report = ImportReport(rows=results, applied=apply, layout=table.layout.name)
    # Valid rows are always written, so the report can tell created from updated
    # from unchanged; when nothing may change, the transaction is rolled back.
    with transaction.atomic():
        # Schools first, so that a location finds its school whatever the order.
        for result in sorted(results, key=lambda r: not r.is_school_row):
            if not result.errors:
                result.action = write_row(result)
        if table.layout.name == "duo":
            report.not_in_file = _not_in_file(results)
        if not apply:
            transaction.set_rollback(True)
    return report


def _reject_duplicates(results: list[RowResult]) -> None:
    first_line = {}
    for result in results:
        if not result.brin:
            continue
        code = result.brin + (result.location or "00")
        if code in first_line:
            result.errors.append(
                _("%(code)s already appears on line %(line)d.")
                % {"code": result.code, "line": first_line[code]}
            )
        else:
            first_line[code] = result.line


def _choose_school_rows(results: list[RowResult]) -> None:
    """Per BRIN, the valid row that carries the school: the main location 00,
    or the lowest-numbered location when the file holds no 00."""
    chosen: dict[str, RowResult] = {}
    for result in results:
        if result.errors:
            continue
        best = chosen.get(result.brin)
        if best is None or result.location < best.location:
            chosen[result.brin] = result
    for result in results:
        result.is_school_row = chosen.get(result.brin) is result


def _reject_locations_without_school(results: list[RowResult]) -> None:
    in_file = {r.brin for r in results if r.is_school_row and not r.errors}
    orphans = [r for r in results if r.is_location and not r.errors]
    on_site = set(
        School.objects.filter(brin__in={r.brin for r in orphans}).values_list(
            "brin", flat=True
        )
    )
    for result in orphans:
        if result.brin not in in_file | on_site:
            result.errors.append(
                _(
                    "Location %(code)s belongs to a school that is neither in this "
                    "file nor on the site."
                )
                % {"code": result.code}
            )


def _not_in_file(results: list[RowResult]) -> list[str]:
    brins = {r.brin for r in results if r.brin}
    codes = {r.brin + r.location for r in results if r.brin and r.location}
    schools = School.objects.exclude(brin__in=brins).order_by("brin")
    locations = (
        SchoolLocation.objects.filter(school__brin__in=brins)
        .exclude(code__in=codes)
        .order_by("code")
    )
    return [f"{school.brin} {school.name}, {school.city}" for school in schools] + [
        f"{location.code} {location.name}, {location.city}" for location in locations
    ]
