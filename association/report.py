"""The advisers' report on signals: per theme, how many schools reported,
split by province, cluster or quarter, over a period.

Every count is a number of distinct schools, and any count from 1 to 4 is
shown as "fewer than 5" (network.small_numbers), in the table, the chart and
both exports alike: a small number could point to one school. The raw counts
never leave this module; only the shown values do.
"""

import csv
import datetime
import io
from dataclasses import dataclass

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook

from network.models import Cluster, Province
from network.small_numbers import is_suppressed, shown_count

from .models import Signal, SignalTheme

DIMENSIONS = {
    "province": gettext_lazy("Province"),
    "cluster": gettext_lazy("Cluster"),
    "period": gettext_lazy("Quarter"),
}


@dataclass
class Cell:
    shown: object  # an int, or the text "fewer than 5"
    suppressed: bool


@dataclass
class Report:
    dimension: str
    columns: list[str]
    rows: list[tuple[str, list[Cell], Cell]]  # theme, its cells, its total
    totals: list[Cell]
    total: Cell
    start: datetime.date
    end: datetime.date

    def chart_bars(self, width: int = 400) -> list[dict]:
        """One bar per theme for its total: suppressed totals get no bar, only
        their "fewer than 5", so the chart says no more than the table."""
        largest = max(
            (cell.shown for _name, _cells, cell in self.rows if not cell.suppressed),
            default=0,
        )
        bars = []
        for index, (name, _cells, cell) in enumerate(self.rows):
            length = 0
            if not cell.suppressed and largest:
                length = round(width * cell.shown / largest)
            bars.append(
                {"y": index * 32, "name": name, "length": length, "label": cell.shown}
            )
        return bars


def _cell(schools: set) -> Cell:
    count = len(schools)
    return Cell(shown=shown_count(count), suppressed=is_suppressed(count))


def _quarter(day: datetime.date) -> str:
    return f"{day.year} K{(day.month - 1) // 3 + 1}"


def build_report(dimension: str, start: datetime.date, end: datetime.date) -> Report:
    signals = Signal.objects.filter(
        created_at__date__gte=start, created_at__date__lte=end, school__isnull=False
    )
    if dimension == "cluster":
        columns = [str(cluster.number) for cluster in Cluster.objects.all()]
        keyed = (
            (theme, str(number), school)
            for theme, number, school in signals.values_list(
                "theme_id", "clusters__number", "school_id"
            )
            if number is not None
        )
    elif dimension == "period":
        keyed_list = [
            (theme, _quarter(timezone.localtime(created).date()), school)
            for theme, created, school in signals.values_list(
                "theme_id", "created_at", "school_id"
            )
        ]
        columns = sorted({key for _theme, key, _school in keyed_list})
        keyed = iter(keyed_list)
    else:
        dimension = "province"
        columns = [code for code, _label in Province.choices]
        keyed = signals.values_list("theme_id", "province", "school_id")

    cells: dict[tuple[int, str], set] = {}
    by_theme: dict[int, set] = {}
    by_column: dict[str, set] = {}
    everyone: set = set()
    for theme, column, school in keyed:
        cells.setdefault((theme, column), set()).add(school)
        by_theme.setdefault(theme, set()).add(school)
        by_column.setdefault(column, set()).add(school)
        everyone.add(school)
    rows = [
        (
            theme.name,
            [_cell(cells.get((theme.pk, column), set())) for column in columns],
            _cell(by_theme.get(theme.pk, set())),
        )
        for theme in SignalTheme.objects.all()
    ]
    labels = dict(Province.choices) if dimension == "province" else {}
    return Report(
        dimension=dimension,
        columns=[labels.get(column, column) for column in columns],
        rows=rows,
        totals=[_cell(by_column.get(column, set())) for column in columns],
        total=_cell(everyone),
        start=start,
        end=end,
    )


def _table(report: Report) -> list[list]:
    header = [_("Theme"), *report.columns, _("All")]
    body = [
        [name, *(cell.shown for cell in cells), total.shown]
        for name, cells, total in report.rows
    ]
    footer = [_("All themes"), *(cell.shown for cell in report.totals)]
    footer.append(report.total.shown)
    return [header, *body, footer]


def _filename(report: Report, extension: str) -> str:
    return (
        f"signalen-{report.dimension}-{report.start.isoformat()}-"
        f"{report.end.isoformat()}.{extension}"
    )


def csv_response(report: Report) -> HttpResponse:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    for row in _table(report):
        writer.writerow([str(value) for value in row])
    response = HttpResponse(
        "\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8"
    )
    name = _filename(report, "csv")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def xlsx_response(report: Report) -> HttpResponse:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = str(_("Signals"))[:31]
    for row in _table(report):
        sheet.append([value if isinstance(value, int) else str(value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    name = _filename(report, "xlsx")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
