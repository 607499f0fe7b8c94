"""Benchmarks: latency percentiles and SQL queries per page.

    python -m bench                      # realistic scale, SQLite file in bench/
    python -m bench --scale 10x
    DATABASE_URL=postgres://... python -m bench --scale realistic

Each URL is requested through Django's test client (the full middleware and
template stack, in process, no network), once to warm caches, then --repeat
times; the query count comes from one extra request.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent

# (name, url, who): "member" requests run signed in as a member of a member school,
# who also sees members-only profiles.
URLS = [
    ("home", "/"),
    ("news index", "/nieuws/"),
    ("news index, page 5", "/nieuws/?page=5"),
    ("news index, by tag", "/nieuws/?tag=jeugdhulp"),
    ("news item", "/nieuws/handreiking-ondersteuningsbehoefte/"),
    ("news feed", "/nieuws/feed/"),
    ("knowledge base", "/kennisbank/"),
    ("knowledge, 2 filters", "/kennisbank/?audience=vso&cluster=4"),
    ("knowledge article", "/kennisbank/ondersteunde-communicatie/"),
    ("English home", "/en/"),
    ("sitemap", "/sitemap.xml"),
    ("directory", "/deskundigen/", "member"),
    ("directory, cold cache", "/deskundigen/", "member", "cold"),
    (
        "directory, text + 2 filters",
        "/deskundigen/?q=communicatie&behoefte=gedragsregulatie&cluster=4",
        "member",
    ),
    (
        "directory, 2 filters, page 20",
        "/deskundigen/?soort=vso&beschikbaar=questions&page=20",
        "member",
    ),
    (
        "directory, text + 2, cold",
        "/deskundigen/?q=communicatie&behoefte=gedragsregulatie&cluster=4",
        "member",
        "cold",
    ),
    ("directory, visitor", "/deskundigen/?behoefte=communicatie", "anonymous"),
    ("profile", "/deskundigen/schaal-100/", "member"),
    ("school", "/scholen/12AB/", "member"),
]


def configure(scale: str) -> None:
    os.environ.setdefault(
        "DATABASE_URL", f"sqlite:///{BENCH_DIR / f'.bench-{scale}.sqlite3'}"
    )
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lecso_site.settings")
    os.environ.setdefault("DEBUG", "1")  # seed_demo and static files need it
    import django

    django.setup()
    from django.conf import settings

    # Seeding thousands of pages need not wait for the search index.
    for backend in settings.WAGTAILSEARCH_BACKENDS.values():
        backend["AUTO_UPDATE"] = False


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    index = min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))
    return ordered[index]


def _member():
    from django.contrib.auth import get_user_model

    from network.models import Affiliation, Profile, School

    user, created = get_user_model().objects.get_or_create(
        username="bench-member", defaults={"email": "bench@example.invalid"}
    )
    if created:
        profile = Profile.objects.create(user=user, name="Bench Lid")
        Affiliation.objects.create(
            profile=profile, school=School.objects.get(brin="12AB")
        )
    return user


def measure(repeat: int) -> list[tuple[str, str, float, float, int, int]]:
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    clients = {"anonymous": Client(HTTP_HOST="localhost")}
    clients["member"] = Client(HTTP_HOST="localhost")
    clients["member"].force_login(_member())
    rows = []
    for name, url, *options in URLS:
        client = clients[options[0] if options else "anonymous"]
        # "cold": the facet-count cache is emptied before every request, as for
        # a filter combination nobody asked for in the last ten minutes.
        cold = "cold" in options
        response = client.get(url)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")
        samples = []
        for _ in range(repeat):
            if cold:
                cache.clear()
            start = time.perf_counter()
            client.get(url)
            samples.append((time.perf_counter() - start) * 1000)
        if cold:
            cache.clear()
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        rows.append(
            (
                name,
                url,
                statistics.median(samples),
                percentile(samples, 0.95),
                len(queries),
                len(response.content),
            )
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--scale", choices=["realistic", "10x"], default="realistic")
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()

    configure(args.scale)
    from django.core.management import call_command
    from django.db import connection

    from bench.network_seed import SCALES as PEOPLE
    from bench.network_seed import seed_people
    from bench.seed import SCALES, seed

    call_command("migrate", verbosity=0)
    seed(args.scale, sys.stdout)
    seed_people(args.scale, sys.stdout)
    # Fresh bulk loads leave the planner without statistics; a live database has
    # them from autovacuum (PostgreSQL) or PRAGMA optimize (SQLite).
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    sizes = SCALES[args.scale]
    schools, people = PEOPLE[args.scale]
    print(
        f"\nScale {args.scale}: {sizes['news']} news items, {sizes['articles']} "
        f"articles, {schools} schools, {people} people; database {connection.vendor}; "
        f"{args.repeat} requests per URL\n"
    )
    print(f"{'page':<30} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8} {'KiB':>6}  url")
    for name, url, p50, p95, queries, size in measure(args.repeat):
        kib = size / 1024
        print(f"{name:<30} {p50:>8.1f} {p95:>8.1f} {queries:>8} {kib:>6.0f}  {url}")


if __name__ == "__main__":
    main()
