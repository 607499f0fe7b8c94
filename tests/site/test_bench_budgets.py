"""The bench's verdicts (bench/budgets.py): `python -m bench --check` must fail
a page that misses its budget, including the absolute limits at ten times
today's network on PostgreSQL."""

from bench.budgets import judge


def _row(name, p95, queries=5):
    return (name, "/", p95 / 2, p95, queries, 1000)


def test_a_ratio_or_query_budget_missed_is_reported():
    floors = {"search, one word": (10.0, 20.0)}
    verdicts = judge([_row("search, one word", 70.0, queries=13)], floors)
    assert verdicts[0].missed == ["13 queries > 12", "p95 3.5x its floor > 3.0x"]
    assert judge([_row("search, one word", 59.0)], floors)[0].missed == []


def test_at_ten_times_on_postgresql_searches_and_the_directory_have_a_limit():
    rows = [
        _row("search, common word", 349.0),
        _row("search suggestions", 180.0),
        _row("directory, text + 2, cold", 516.0),
        _row("directory", 25.0),
    ]
    missed = {v.name: v.missed for v in judge(rows, {}, "10x", "postgresql")}
    assert missed == {
        "search, common word": ["p95 349 ms > 300 ms"],
        "search suggestions": [],
        "directory, text + 2, cold": ["p95 516 ms > 200 ms"],
        "directory": [],
    }
    # Realistic scale, or SQLite at 10x (not the path that must carry it):
    # only the ratio and query budgets.
    for scale, vendor in (("realistic", "postgresql"), ("10x", "sqlite")):
        assert all(not v.missed for v in judge(rows, {}, scale, vendor))
