"""Benchmarks: latency percentiles and SQL queries per page.

    python -m bench                      # realistic scale, SQLite file in bench/
    python -m bench --scale 10x
    DATABASE_URL=postgres://... python -m bench --scale realistic
    python -m bench --check              # exit 1 when a page misses its budget
    python -m bench --debug              # with DEBUG=1, as in development

The site runs as in production (DEBUG=0, static files collected, no HTTPS
redirect since the test client speaks plain HTTP) unless --debug is given.

Each URL is requested through Django's test client (the full middleware and
template stack, in process, no network), once to warm caches, then --repeat
times; the query count comes from one extra request.

Then many threads register at once for one fresh event through
events.services.register, each on its own database connection, to measure
registrations per second under contention and to check that the seats hold.

The site search is measured like the pages, on an index built once after
seeding (search_bench). Last, 200 WebSockets listen to one forum thread while a
reply is posted: the time until each socket has it, on the in-memory channel
layer and (when REDIS_URL is set) on Redis. The run fails (exit 1) when seats
go astray, when the 5,000-post thread's pages differ in query count, or when a
socket misses the reply. Search pages print beside their floor
(bench/floors.py), run once after each of the page's requests, and the
ratio; with --check, a page over its query budget or floor ratio
(bench/budgets.py) fails the run too.

Then the newsletter goes to 10,000 subscribers (100,000 at 10x) through one
real worker process (bench/newsletter_bench.py; --skip-newsletter leaves it
out): e-mails per second, and the run fails when anyone is not sent it.
"""

import argparse
import os
import queue
import statistics
import sys
import threading
import time
from pathlib import Path

from bench.budgets import judge, percentile

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
    (
        "directory, visitor, cold",
        "/deskundigen/?behoefte=communicatie",
        "anonymous",
        "cold",
    ),
    ("profile", lambda: _first_members_profile_url(), "member"),
    ("school", "/scholen/12AB/", "member"),
    ("offers", "/aanbod/"),
    ("offers, text + 2 filters", "/aanbod/?q=begeleiding&soort=ambulant&provincie=UT"),
    ("offer", lambda: _first_offer_url()),
]


def _first_members_profile_url() -> str:
    # Chosen from the data: the seed draws each person's visibility at random,
    # and a hidden profile answers a member 404.
    from network.models import Profile

    profile = (
        Profile.objects.filter(slug__startswith="schaal-", visibility="members")
        .order_by("pk")
        .first()
    )
    return profile.get_absolute_url()


def _first_offer_url() -> str:
    from network.models import SupportOffer

    return SupportOffer.objects.published().order_by("pk").first().get_absolute_url()


def configure(scale: str, debug: bool = False) -> None:
    os.environ.setdefault(
        "DATABASE_URL", f"sqlite:///{BENCH_DIR / f'.bench-{scale}.sqlite3'}"
    )
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lecso_site.settings")
    os.environ.setdefault("DEBUG", "1" if debug else "0")
    if os.environ["DEBUG"] == "0":
        # Production settings, minus what needs a real host: the test client
        # asks for http://localhost.
        os.environ.setdefault("SECRET_KEY", "bench-only-not-a-secret")
        os.environ.setdefault("ALLOWED_HOSTS", "localhost")
        os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
    # The registration benchmark runs 50 threads on PostgreSQL, each holding a
    # connection; the pool must have room for all of them.
    os.environ.setdefault("DB_POOL_MAX_SIZE", "60")
    # With REDIS_URL set, cached entries (such as Wagtail's site root paths) must
    # not leak between a bench database and the site's own.
    os.environ.setdefault("REDIS_PREFIX", f"lecso-bench-{scale}")
    import django

    django.setup()
    from django.conf import settings

    # Seeding thousands of pages need not wait for the search index.
    for backend in settings.WAGTAILSEARCH_BACKENDS.values():
        backend["AUTO_UPDATE"] = False
    if not settings.DEBUG:
        # The manifest storage needs collected files to name them in pages.
        from django.core.management import call_command

        call_command("collectstatic", interactive=False, verbosity=0)


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


def measure(urls, repeat: int) -> tuple[list, dict[str, tuple[float, float]]]:
    """Rows (name, url, p50, p95, queries, bytes) for the pages, and for each
    page with a floor (bench/floors.py) the floor's p50 and p95, the floor
    run once after each of the page's requests."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from network.directory import bump_generation

    member = _member()
    clients = {"anonymous": Client(HTTP_HOST="localhost")}
    clients["member"] = Client(HTTP_HOST="localhost")
    clients["member"].force_login(member)
    rows, floors = [], {}
    for name, url, *options in urls:
        url = url() if callable(url) else url
        reader = options[0] if options else "anonymous"
        client = clients[reader]
        # "cold": the facet counts are forgotten before every request, as for a
        # filter combination nobody asked for in the last ten minutes; the rest
        # of the cache (sessions, the header) stays warm as on a live site.
        cold = "cold" in options
        response = client.get(url)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")
        ways = _floor_ways(name, url, reader == "anonymous", member, cold)
        for way in ways:
            way()
        samples, floor_samples = [], [[] for _way in ways]
        for _ in range(repeat):
            if cold:
                bump_generation()
            start = time.perf_counter()
            client.get(url)
            samples.append((time.perf_counter() - start) * 1000)
            for way, kept in zip(ways, floor_samples, strict=True):
                start = time.perf_counter()
                way()
                kept.append((time.perf_counter() - start) * 1000)
        if ways:
            # Of the ways one floor is written, the fastest at p95.
            floors[name] = min(
                ((statistics.median(s), percentile(s, 0.95)) for s in floor_samples),
                key=lambda p50_p95: p50_p95[1],
            )
        if cold:
            bump_generation()
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
    return rows, floors


# Directory pages measured beside their floor (bench/floors.py).
DIRECTORY_FLOORS = ("directory, text + 2 filters", "directory, text + 2, cold")


def _floor_ways(name, url, visitor: bool, member, cold) -> list:
    """The floor of a search page (as the same reader) or of the directory's
    text search (as a member), each way it is written; none for other pages."""
    from bench.floors import directory_floor, search_floor

    if url.startswith("/zoeken/?"):
        return search_floor(None if visitor else member, url)
    if name in DIRECTORY_FLOORS:
        return directory_floor(member, url, cold)
    return []


# (threads, registrations) per database: SQLite has one writer at a time.
REGISTRATION_LOAD = {"sqlite": (10, 100), "postgresql": (50, 400)}


def measure_registrations(workers: int, total: int) -> dict:
    """`total` registrations from `workers` threads for one event with half as
    many seats. Latency is what one person waits for, including the e-mail the
    immediate task backend renders after the commit (into memory here)."""
    from django.db import connection
    from django.test.utils import override_settings

    from bench.events_seed import fresh_event
    from events.models import Status
    from events.services import register

    event = fresh_event(capacity=total // 2)
    jobs = queue.SimpleQueue()
    for number in range(total):
        jobs.put(number)
    latencies: list[float] = []
    errors: list[str] = []
    ready = threading.Barrier(workers + 1)

    def work():
        try:
            connection.ensure_connection()
            ready.wait()
            while True:
                try:
                    number = jobs.get_nowait()
                except queue.Empty:
                    return
                start = time.perf_counter()
                try:
                    register(
                        event,
                        name=f"Deelnemer {number}",
                        email=f"doorvoer-{number}@example.invalid",
                    )
                except Exception as error:  # reported with the results
                    errors.append(repr(error))
                latencies.append((time.perf_counter() - start) * 1000)
        finally:
            connection.close()

    with override_settings(
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"
    ):
        threads = [threading.Thread(target=work) for _ in range(workers)]
        for thread in threads:
            thread.start()
        ready.wait()
        start = time.perf_counter()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - start
    statuses = event.registrations.values_list("status", flat=True)
    return {
        "workers": workers,
        "total": total,
        "capacity": event.capacity,
        "per_second": total / elapsed,
        "p50": statistics.median(latencies),
        "p95": percentile(latencies, 0.95),
        "confirmed": sum(s == Status.CONFIRMED for s in statuses),
        "waiting": sum(s == Status.WAITING for s in statuses),
        "errors": errors,
    }


def report_registrations(result: dict) -> bool:
    """Print the row; False (with an ERROR line) when seats or rows went astray."""
    print(
        f"\nConcurrent registration: {result['total']} registrations from "
        f"{result['workers']} threads for one event with {result['capacity']} seats"
    )
    print(
        f"{'threads':>7} {'registrations':>13} {'per s':>8} {'p50 ms':>8} "
        f"{'p95 ms':>8} {'confirmed':>9} {'waiting':>7}"
    )
    print(
        f"{result['workers']:>7} {result['total']:>13} {result['per_second']:>8.1f} "
        f"{result['p50']:>8.1f} {result['p95']:>8.1f} {result['confirmed']:>9} "
        f"{result['waiting']:>7}"
    )
    problems = [f"ERROR: {error}" for error in sorted(set(result["errors"]))[:5]]
    if result["confirmed"] != result["capacity"]:
        problems.append(
            f"ERROR: {result['confirmed']} confirmed for {result['capacity']} seats"
        )
    if result["confirmed"] + result["waiting"] != result["total"]:
        problems.append(
            f"ERROR: {result['confirmed'] + result['waiting']} of {result['total']} "
            "registrations were recorded"
        )
    for problem in problems:
        print(problem)
    return not problems


def report_floors(rows, floors: dict[str, tuple[float, float]]) -> None:
    """Each search page, and the directory's text search, beside its floor."""
    header = f"{'p95 ms':>8} {'floor p50':>9} {'floor p95':>9} {'ratio':>6}"
    print(f"\n{'page':<30} {header}")
    for name, _url, _p50, p95, _queries, _size in rows:
        if name not in floors:
            continue
        floor_p50, floor_p95 = floors[name]
        print(
            f"{name:<30} {p95:>8.1f} {floor_p50:>9.1f} {floor_p95:>9.1f} "
            f"{p95 / floor_p95:>5.1f}x"
        )


def report_budgets(rows, floors, scale: str) -> bool:
    """Print each budgeted page's verdict; False when any missed its budget."""
    from django.db import connection

    verdicts = judge(rows, floors, scale, connection.vendor)
    print("\nBudgets (bench/budgets.py)")
    for verdict in verdicts:
        said = "MISSED: " + "; ".join(verdict.missed) if verdict.missed else "ok"
        print(f"{verdict.name:<30} {said}")
    return not any(verdict.missed for verdict in verdicts)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--scale", choices=["realistic", "10x"], default="realistic")
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--check", action="store_true", help="fail on a missed budget")
    parser.add_argument("--debug", action="store_true", help="run with DEBUG=1")
    parser.add_argument(
        "--skip-newsletter", action="store_true", help="leave the newsletter out"
    )
    args = parser.parse_args()

    configure(args.scale, debug=args.debug)
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    from bench import events_seed, forums_seed, search_bench
    from bench.network_seed import SCALES as PEOPLE
    from bench.network_seed import seed_offers, seed_people
    from bench.seed import SCALES, seed

    call_command("migrate", verbosity=0)
    seed(args.scale, sys.stdout)
    seed_people(args.scale, sys.stdout)
    seed_offers(args.scale, sys.stdout)
    events_seed.seed_events(args.scale, sys.stdout)
    forums_seed.seed_forums(args.scale, sys.stdout, member=_member())
    search_bench.ensure_index(sys.stdout)
    # Fresh bulk loads leave the planner without statistics; a live database has
    # them from autovacuum (PostgreSQL) or PRAGMA optimize (SQLite).
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    sizes = SCALES[args.scale]
    schools, people = PEOPLE[args.scale]
    events, registrations = events_seed.counts()
    threads, posts = forums_seed.counts()
    print(
        f"\nScale {args.scale}: {sizes['news']} news items, {sizes['articles']} "
        f"articles, {schools} schools, {people} people, {events} events, "
        f"{registrations} registrations, {threads} forum threads, {posts} posts; "
        f"database {connection.vendor}; DEBUG={int(settings.DEBUG)}; "
        f"{args.repeat} requests per URL\n"
    )
    print(f"{'page':<30} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8} {'KiB':>6}  url")
    rows, floors = measure(
        URLS
        + events_seed.bench_urls()
        + forums_seed.bench_urls()
        + search_bench.bench_urls(),
        args.repeat,
    )
    for name, url, p50, p95, queries, size in rows:
        kib = size / 1024
        print(f"{name:<30} {p50:>8.1f} {p95:>8.1f} {queries:>8} {kib:>6.0f}  {url}")
    report_floors(rows, floors)
    ok = forums_seed.check_thread_queries(rows)
    ok = report_budgets(rows, floors, args.scale) and ok if args.check else ok
    workers, total = REGISTRATION_LOAD.get(connection.vendor, (10, 100))
    ok = report_registrations(measure_registrations(workers, total)) and ok
    ok = forums_seed.report_fanout(forums_seed.measure_fanout()) and ok
    if not args.skip_newsletter:
        from bench.newsletter_bench import measure_newsletter, report_newsletter

        ok = report_newsletter(measure_newsletter(args.scale)) and ok
    if not ok:
        sys.exit(1)


if __name__ == "__main__":
    main()
