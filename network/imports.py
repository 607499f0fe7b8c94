"""CSV import of schools and their boards.

One row per school; the row names its board, which is created or updated too.
Every row is checked before anything is written. A file with errors changes
nothing unless the caller asks to import the valid rows anyway; either way the
report says, per row, what was (or would be) created, updated or rejected, and why.

Columns (header names are matched case-insensitively; `;` or `,` separated, as
spreadsheet programs save them):

    brin, naam, plaats, provincie, soort, clusters, bestuursnummer, bestuursnaam,
    lid, lid_sinds, samenwerkingsverband, website, emaildomeinen, uitstroomprofielen,
    omschrijving
"""

import csv
import datetime
import io
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import Board, Cluster, Province, School, SchoolType
from .models.organisations import BRIN_VALIDATOR

REQUIRED_COLUMNS = [
    "brin",
    "naam",
    "plaats",
    "provincie",
    "soort",
    "clusters",
    "bestuursnummer",
    "bestuursnaam",
]
OPTIONAL_COLUMNS = [
    "lid",
    "lid_sinds",
    "samenwerkingsverband",
    "website",
    "emaildomeinen",
    "uitstroomprofielen",
    "omschrijving",
]
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
MAX_ROWS = 5000


ACTION_LABELS = {
    "created": gettext_lazy("created"),
    "updated": gettext_lazy("updated"),
    "unchanged": gettext_lazy("unchanged"),
    "rejected": gettext_lazy("rejected"),
}


class ImportFileError(Exception):
    """The file as a whole cannot be read; nothing was imported."""


@dataclass
class RowResult:
    line: int
    brin: str
    action: str = ""  # "created", "updated", "unchanged" or "rejected"
    errors: list[str] = field(default_factory=list)
    school_values: dict = field(default_factory=dict)
    board_values: dict = field(default_factory=dict)
    clusters: list[int] = field(default_factory=list)

    @property
    def action_label(self) -> str:
        return str(ACTION_LABELS.get(self.action, self.action))


@dataclass
class ImportReport:
    rows: list[RowResult]
    applied: bool

    def count(self, action: str) -> int:
        return sum(1 for row in self.rows if row.action == action)

    @property
    def has_errors(self) -> bool:
        return any(row.errors for row in self.rows)

    def summary(self) -> str:
        verb = _("imported") if self.applied else _("nothing imported")
        return _(
            "%(created)d created, %(updated)d updated, %(unchanged)d unchanged, "
            "%(rejected)d rejected (%(verb)s)"
        ) % {
            "created": self.count("created"),
            "updated": self.count("updated"),
            "unchanged": self.count("unchanged"),
            "rejected": self.count("rejected"),
            "verb": verb,
        }


def import_schools(
    data: bytes, *, apply_valid_rows: bool = False, dry_run: bool = False
) -> ImportReport:
    """Check every row of `data`, then write the valid ones in one transaction
    when the file has no errors or `apply_valid_rows` is set (and not `dry_run`).

    Raises ImportFileError when the file itself is unreadable."""
    rows = _read(data)
    known_clusters = set(Cluster.objects.values_list("number", flat=True))
    results = [_check_row(line, row, known_clusters) for line, row in rows]
    _reject_duplicates(results)
    for result in results:
        if result.errors:
            result.action = "rejected"
    apply = not dry_run and (apply_valid_rows or not any(r.errors for r in results))
    # Valid rows are always written, so the report can tell created from updated
    # from unchanged; when nothing may change, the transaction is rolled back.
    with transaction.atomic():
        for result in results:
            if not result.errors:
                result.action = _write(result)
        if not apply:
            transaction.set_rollback(True)
    return ImportReport(rows=results, applied=apply)


def _read(data: bytes) -> list[tuple[int, dict]]:
    text = _decode(data) if _is_text(data) else None
    if not text or not text.strip():
        raise ImportFileError(_("The file is empty or is not a CSV text file."))
    try:
        dialect = csv.Sniffer().sniff(text.splitlines()[0], delimiters=";,\t")
    except csv.Error as error:
        raise ImportFileError(
            _("The first line should hold the column names, separated by ; or ,.")
        ) from error
    reader = csv.DictReader(io.StringIO(text), dialect=dialect, strict=True)
    headers = [(name or "").strip().lower() for name in reader.fieldnames or []]
    missing = [name for name in REQUIRED_COLUMNS if name not in headers]
    if missing:
        raise ImportFileError(
            _("These columns are missing: %(columns)s.")
            % {"columns": ", ".join(missing)}
        )
    reader.fieldnames = headers
    rows = []
    try:
        for row in reader:
            if None in row:
                raise ImportFileError(
                    _("Line %(line)d has more values than there are columns.")
                    % {"line": reader.line_num}
                )
            if any((value or "").strip() for value in row.values()):
                rows.append(
                    (reader.line_num, {k: (v or "").strip() for k, v in row.items()})
                )
            if len(rows) > MAX_ROWS:
                raise ImportFileError(_("A file may hold at most %d rows.") % MAX_ROWS)
    except csv.Error as error:
        raise ImportFileError(_("The file is not valid CSV: %s") % error) from error
    if not rows:
        raise ImportFileError(_("The file has column names but no rows."))
    return rows


def _is_text(data: bytes) -> bool:
    return b"\x00" not in data[:4096]


def _decode(data: bytes) -> str:
    """The file's text: UTF-8 (with or without a byte order mark), else
    Windows-1252, which spreadsheet programs on Windows still save CSV in.

    Raises ImportFileError naming the line of the first byte neither can read."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as not_utf8:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError as not_cp1252:
            # Which byte is "the bad one" depends on what the file was meant to
            # be. Real UTF-8 characters elsewhere mean a UTF-8 file with a broken
            # byte (Windows-1252 would stop at an innocent "Ł", whose second
            # byte it lacks); otherwise it is an 8-bit file, and the bad byte is
            # the one Windows-1252 does not define.
            meant_utf8 = any(
                ord(char) > 0x7F and char != "\ufffd"
                for char in data.decode("utf-8", errors="replace")
            )
            error = not_utf8 if meant_utf8 else not_cp1252
    position = error.start
    raise ImportFileError(
        _(
            "Line %(line)d holds a character that cannot be read (byte "
            "%(byte)s): the file is neither UTF-8 nor Windows-1252. Save it as "
            "“CSV UTF-8” and try again."
        )
        % {
            "line": data.count(b"\n", 0, position) + 1,
            "byte": f"0x{data[position]:02X}",
        }
    )


def _check_row(line: int, row: dict, known_clusters: set[int]) -> RowResult:
    result = RowResult(line=line, brin=row.get("brin", "").upper())
    errors = result.errors

    if not result.brin:
        errors.append(_("BRIN code is missing."))
    else:
        try:
            BRIN_VALIDATOR(result.brin)
        except ValidationError as error:
            errors.extend(error.messages)
    for column in ("naam", "plaats", "bestuursnummer", "bestuursnaam"):
        if not row.get(column):
            errors.append(_("Column “%(column)s” is empty.") % {"column": column})

    province = _province(row.get("provincie", ""))
    if province is None:
        errors.append(
            _("Unknown province “%(value)s”.") % {"value": row.get("provincie", "")}
        )
    kind = SCHOOL_TYPES.get(row.get("soort", "").lower().replace(" ", ""))
    if kind is None:
        errors.append(
            _("School type must be SO, VSO or SO-VSO, not “%(value)s”.")
            % {"value": row.get("soort", "")}
        )

    for part in _split(row.get("clusters", "")):
        if not part.isdigit() or int(part) not in known_clusters:
            errors.append(
                _("Unknown cluster “%(value)s”: use 1, 2, 3 or 4.") % {"value": part}
            )
        else:
            result.clusters.append(int(part))
    if not _split(row.get("clusters", "")):
        errors.append(_("At least one cluster is needed."))

    website = row.get("website", "")
    if website:
        try:
            URLValidator(schemes=["http", "https"])(website)
        except ValidationError:
            errors.append(
                _("Website “%(value)s” is not a web address.") % {"value": website}
            )

    member = row.get("lid", "").lower()
    if member not in YES | NO:
        errors.append(
            _("Column “lid” must be ja or nee, not “%(value)s”.") % {"value": member}
        )
    member_since = None
    if row.get("lid_sinds"):
        try:
            member_since = datetime.date.fromisoformat(row["lid_sinds"])
        except ValueError:
            errors.append(_("“lid_sinds” must be a date like 2019-08-01."))

    exit_profiles = {}
    for part in _split(row.get("uitstroomprofielen", "")):
        name = EXIT_PROFILES.get(part.lower())
        if name is None:
            errors.append(_("Unknown exit profile “%(value)s”.") % {"value": part})
        else:
            exit_profiles[name] = True

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
            "province": province,
            "school_type": kind,
            "alliance": row.get("samenwerkingsverband", ""),
            "website": website,
            "email_domains": "\n".join(_split(row.get("emaildomeinen", ""))),
            "description": row.get("omschrijving", ""),
            **{name: name in exit_profiles for name in EXIT_PROFILES.values()},
        }
    return result


def _reject_duplicates(results: list[RowResult]) -> None:
    first_line = {}
    for result in results:
        if not result.brin:
            continue
        if result.brin in first_line:
            result.errors.append(
                _("BRIN %(brin)s already appears on line %(line)d.")
                % {"brin": result.brin, "line": first_line[result.brin]}
            )
        else:
            first_line[result.brin] = result.line


def _write(result: RowResult) -> str:
    board_values = dict(result.board_values)
    board, _created = Board.objects.update_or_create(
        number=board_values.pop("number"), defaults=board_values
    )
    school = School.objects.filter(brin=result.brin).first()
    values = {**result.school_values, "board": board}
    clusters = Cluster.objects.filter(number__in=result.clusters)
    if school is None:
        school = School(brin=result.brin, **values)
        # School is a ClusterableModel: relations set before save() are saved with it.
        school.clusters.set(clusters)
        school.save()
        return "created"
    changed = any(getattr(school, key) != value for key, value in values.items())
    changed |= sorted(school.clusters.values_list("number", flat=True)) != sorted(
        result.clusters
    )
    if not changed:
        return "unchanged"
    for key, value in values.items():
        setattr(school, key, value)
    school.clusters.set(clusters)
    school.save()
    return "updated"


def _province(value: str) -> str | None:
    value = value.strip().lower()
    for code, label in Province.choices:
        if value in (code.lower(), label.lower()):
            return code
    return None


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.replace(",", ";").split(";") if part.strip()]
