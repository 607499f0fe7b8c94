"""What each measured page may cost: SQL queries per request and, where the
bench measures a floor, p95 as a multiple of the floor's p95. `python -m bench
--check` exits non-zero when a page misses its budget."""

from dataclasses import dataclass

# Issue 15's budgets: a search page at most 12 queries and 3x its floor; the
# thread page at most 12 queries. A search that finds nothing has a floor of
# next to nothing (an index lookup that returns no row) while its page looks
# for a better word and checks it finds something: it keeps the query budget.
SEARCH = {"queries": 12, "ratio": 3.0}
NOTHING_FOUND = {"queries": 12}
THREAD = {"queries": 12}
# The directory's text search: at most 1.5x its floor (the same statements
# through a raw cursor, a minimal template).
DIRECTORY_TEXT = {"ratio": 1.5}
# At ten times today's network on PostgreSQL, whatever the floor: every search
# under 300 ms and every directory request under 200 ms at p95.
AT_10X_MS = {"search": 300.0, "directory": 200.0}


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    index = min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))
    return ordered[index]


def budget_for(name: str, scale: str = "realistic", vendor: str = "") -> dict:
    budget = {}
    if name == "search, nothing found":
        budget = dict(NOTHING_FOUND)
    elif name.startswith("search"):
        budget = dict(SEARCH)
    elif name.startswith("5,000-post thread"):
        budget = dict(THREAD)
    elif name.startswith("directory, text + 2"):
        budget = dict(DIRECTORY_TEXT)
    if scale == "10x" and vendor == "postgresql":
        kind = name.split(",")[0].split()[0]
        if kind in AT_10X_MS:
            budget["p95_ms"] = AT_10X_MS[kind]
    return budget


@dataclass
class Verdict:
    name: str
    missed: list[str]


def judge(
    rows, floors: dict[str, tuple[float, float]], scale="realistic", vendor=""
) -> list[Verdict]:
    """Each budgeted page with what it missed (empty when within budget)."""
    verdicts = []
    for name, _url, _p50, p95, queries, _size in rows:
        budget = budget_for(name, scale, vendor)
        if not budget:
            continue
        missed = []
        if "queries" in budget and queries > budget["queries"]:
            missed.append(f"{queries} queries > {budget['queries']}")
        if "ratio" in budget and name in floors:
            ratio = p95 / floors[name][1]
            if ratio > budget["ratio"]:
                missed.append(f"p95 {ratio:.1f}x its floor > {budget['ratio']}x")
        if "p95_ms" in budget and p95 > budget["p95_ms"]:
            missed.append(f"p95 {p95:.0f} ms > {budget['p95_ms']:.0f} ms")
        verdicts.append(Verdict(name, missed))
    return verdicts
