"""Reading an uploaded school file: its encoding, its separator, and which
layout its header line names (the association's own or DUO's register).

Quoting is the one spreadsheet programs and DUO write: a value in double
quotes may hold the separator, line breaks and a quote written twice
(a name such as Centrum "Het Spectrum" is written with its quotes doubled).
Only the separator is read from the header line; guessing the quoting from
that line alone (as `csv.Sniffer` does) misreads every doubled quote further
down.
"""

import csv
import io
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from .columns import DUO_LAYOUT, OWN_LAYOUT, Layout, header_key

MAX_ROWS = 5000
SEPARATORS = (";", ",", "\t")


class ImportFileError(Exception):
    """The file as a whole cannot be read; nothing was imported."""


@dataclass
class Table:
    layout: Layout
    # (line number, {column name as the layout documents it: value})
    rows: list[tuple[int, dict[str, str]]]


def read_table(data: bytes) -> Table:
    text = decode(data) if b"\x00" not in data[:4096] else None
    if not text or not text.strip():
        raise ImportFileError(_("The file is empty or is not a CSV text file."))
    separator = _separator(text.splitlines()[0])
    reader = csv.reader(
        io.StringIO(text, newline=""),
        delimiter=separator,
        quotechar='"',
        doublequote=True,
        strict=True,
    )
    try:
        headers = [header_key(name) for name in next(reader)]
        layout = _layout(headers)
        rows = []
        for values in reader:
            if not any(value.strip() for value in values):
                continue
            extra = values[len(headers) :]
            if any(value.strip() for value in extra):
                raise ImportFileError(
                    _("Line %(line)d has more values than there are columns.")
                    % {"line": reader.line_num}
                )
            by_key = dict(
                zip(headers, (value.strip() for value in values), strict=False)
            )
            rows.append((reader.line_num, layout.named(by_key)))
            if len(rows) > MAX_ROWS:
                raise ImportFileError(_("A file may hold at most %d rows.") % MAX_ROWS)
    except csv.Error as error:
        raise ImportFileError(
            _("Line %(line)d is not valid CSV: %(error)s")
            % {"line": reader.line_num, "error": error}
        ) from error
    if not rows:
        raise ImportFileError(_("The file has column names but no rows."))
    return Table(layout=layout, rows=rows)


def _separator(header_line: str) -> str:
    outside_quotes = re.sub(r'"[^"]*"', "", header_line)
    counts = {sep: outside_quotes.count(sep) for sep in SEPARATORS}
    separator = max(counts, key=counts.get)
    if not counts[separator]:
        raise ImportFileError(
            _("The first line should hold the column names, separated by ; or ,.")
        )
    return separator


def _layout(headers: list[str]) -> Layout:
    layout = DUO_LAYOUT if DUO_LAYOUT.recognises(headers) else OWN_LAYOUT
    missing = layout.missing(headers)
    if missing:
        raise ImportFileError(
            _("These columns are missing: %(columns)s.")
            % {"columns": ", ".join(missing)}
        )
    return layout


def decode(data: bytes) -> str:
    """The file's text: UTF-8 (with or without a byte order mark), else
    Windows-1252, which DUO and spreadsheet programs on Windows still write.

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
