"""The advisers' report on signals: schools per theme and province, cluster
or quarter, and no number from 1 to 4 anywhere (table, chart, CSV, Excel)."""

import csv
import io
from http import HTTPStatus

import pytest
from openpyxl import load_workbook

from association.models import SignalTheme
from association.services import report_signal
from tests import factories

from .conftest import SIGNAL

pytestmark = pytest.mark.django_db
URL = "/admin/signalen/rapport/"


@pytest.fixture
def signals(db):
    """Six schools in Utrecht report on transport (one of them twice); two
    schools in Groningen report on funding."""
    transport = SignalTheme.objects.get(slug="leerlingenvervoer")
    funding = SignalTheme.objects.get(slug="bekostiging")
    for number in range(8):
        province = "UT" if number < 6 else "GR"
        school = factories.make_school(
            f"School {number}", f"{10 + number}AA", province=province, clusters=(4,)
        )
        member = factories.make_member(f"Melder {number}", school=school)
        theme = transport if province == "UT" else funding
        report_signal(member, theme=theme, **SIGNAL)
        if number == 0:
            report_signal(member, theme=theme, **SIGNAL)


def cells(response) -> list[list[str]]:
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def test_the_report_counts_schools_and_hides_small_numbers(admin_client, signals):
    page = admin_client.get(URL)
    assert page.status_code == HTTPStatus.OK
    report = page.context["report"]
    rows = {name: (cells_, total) for name, cells_, total in report.rows}
    utrecht = report.columns.index("Utrecht")
    groningen = report.columns.index("Groningen")
    assert rows["Leerlingenvervoer"][0][utrecht].shown == 6  # schools, not signals
    assert str(rows["Bekostiging"][0][groningen].shown) == "minder dan 5"
    assert str(rows["Bekostiging"][1].shown) == "minder dan 5"
    assert report.total.shown == 8
    # The chart draws no bar for a hidden number, and says "fewer than 5".
    bars = {bar["name"]: bar for bar in page.context["bars"]}
    assert bars["Bekostiging"]["length"] == 0
    assert str(bars["Bekostiging"]["label"]) == "minder dan 5"
    assert bars["Leerlingenvervoer"]["length"] > 0


@pytest.mark.parametrize("by", ["province", "cluster", "period"])
def test_no_export_shows_a_number_from_one_to_four(admin_client, signals, by):
    table = cells(admin_client.get(URL, {"by": by, "export": "csv"}))
    values = [value for row in table[1:] for value in row[1:]]
    assert "minder dan 5" in values
    assert not {"1", "2", "3", "4"} & set(values), table

    workbook = load_workbook(
        io.BytesIO(admin_client.get(URL, {"by": by, "export": "xlsx"}).content)
    )
    numbers = [
        value
        for row in workbook.active.iter_rows(min_row=2, min_col=2, values_only=True)
        for value in row
        if value is not None
    ]
    assert "minder dan 5" in numbers
    assert not [v for v in numbers if isinstance(v, int) and 0 < v < 5]


def test_only_advisers_open_the_report(client, signals, django_user_model):
    assert client.get(URL).status_code == HTTPStatus.FOUND  # to the admin login
    editor = factories.make_user("redacteur", is_staff=True)
    from django.contrib.auth.models import Permission

    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    response = client.get(URL, {"export": "csv"})
    assert response.status_code in (HTTPStatus.FORBIDDEN, HTTPStatus.FOUND)
    assert "Leerlingenvervoer" not in response.content.decode(errors="replace")


def test_a_period_that_ends_before_it_starts_is_said_at_the_field(admin_client):
    response = admin_client.get(URL, {"start": "2026-05-01", "end": "2026-01-01"})
    assert response.status_code == HTTPStatus.OK
    assert "end" in response.context["form"].errors
