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


def measure(repeat: int) -> list[tuple[str, str, float, float, int, int]]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="localhost")
    rows = []
    for name, url in URLS:
        response = client.get(url)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")
        samples = []
        for _ in range(repeat):
            start = time.perf_counter()
            client.get(url)
            samples.append((time.perf_counter() - start) * 1000)
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

    from bench.seed import SCALES, seed

    call_command("migrate", verbosity=0)
    seed(args.scale, sys.stdout)
    sizes = SCALES[args.scale]
    print(
        f"\nScale {args.scale}: {sizes['news']} news items, {sizes['articles']} "
        f"articles; database {connection.vendor}; {args.repeat} requests per URL\n"
    )
    print(f"{'page':<22} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8} {'KiB':>6}  url")
    for name, url, p50, p95, queries, size in measure(args.repeat):
        kib = size / 1024
        print(f"{name:<22} {p50:>8.1f} {p95:>8.1f} {queries:>8} {kib:>6.0f}  {url}")


if __name__ == "__main__":
    main()
