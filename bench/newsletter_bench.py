"""Newsletter throughput: e-mails per second through the real task worker.

    python -m bench.newsletter_bench                  # realistic: 10,000 recipients
    python -m bench.newsletter_bench --scale 10x      # 100,000
    DATABASE_URL=postgres://... python -m bench.newsletter_bench --email dummy

On the bench database (the one `python -m bench` uses, set up the same way):
a fresh public issue in the newsletter archive, confirmed subscribers at
@bench.invalid (made once with bulk_create and kept for the next run), the
sending started as the editor starts it (start_sending, with the database task
backend), then ONE worker process, `manage.py db_worker --no-reload --batch`,
as production runs it (with NEWSLETTER_PER_MINUTE=0: as fast as it goes), sends
every batch and exits. Timed from starting the worker to its exit; the steady
rate (first to last e-mail, without the worker's start) is printed beside it.

E-mail goes to Django's file backend in a temporary folder by default: each
message is built and serialised as for SMTP and written out, which is the
closest to a mail server's cost without a network. `--email dummy` throws
messages away unserialised (the floor). The worker counts its SQL queries
(an execute wrapper installed before manage.py runs, one function call per
query) to give queries per e-mail.

The worker also runs the search and reference index updates that saving the
issue queues when sending starts, as in production. Afterwards the issue, its
deliveries and its task rows are deleted; the subscribers stay.
"""

import argparse
import datetime
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SCALES = {"realistic": 10_000, "10x": 100_000}
DOMAIN = "bench.invalid"
SLUG_PREFIX = "bench-verzending-"
EMAIL_URLS = {
    # Built and serialised per message, as for SMTP, then appended to a file.
    "file": "filemail:///{outbox}",  # four slashes: environ drops one
    # Dropped as it is handed over: no serialising, no writing.
    "dummy": "dummymail://",
}
PROJECT = Path(__file__).resolve().parents[1]
QUERIES_MARK = "bench-newsletter-queries:"
# Runs manage.py as `python manage.py ...` would, counting every SQL query of
# the process on every connection it opens.
WORKER = f"""
import atexit, runpy, sys
from django.db.backends.signals import connection_created

queries = 0

def count(execute, sql, params, many, context):
    global queries
    queries += 1
    return execute(sql, params, many, context)

def watch(sender, connection, **kwargs):
    if count not in connection.execute_wrappers:
        connection.execute_wrappers.append(count)

connection_created.connect(watch)
atexit.register(lambda: print("{QUERIES_MARK}", queries, file=sys.stderr))
sys.argv = ["manage.py", *sys.argv[1:]]
runpy.run_path("manage.py", run_name="__main__")
"""


def ensure_subscribers(total: int) -> int:
    """`total` confirmed subscribers at DOMAIN, numbered 0 to total - 1: those
    of an earlier run are kept, the missing ones made, any above the number (a
    run at a larger scale) removed. Returns how many were made."""
    from django.utils import timezone

    from lecso_site.models import Subscriber

    ours = Subscriber.objects.filter(email__endswith=f"@{DOMAIN}")
    wanted = {_address(number): number for number in range(total)}
    have = set(ours.values_list("email", flat=True))
    surplus = have - wanted.keys()
    for start in range(0, len(surplus), 5_000):
        ours.filter(email__in=sorted(surplus)[start : start + 5_000]).delete()
    ours.filter(unsubscribed_at__isnull=False).update(unsubscribed_at=None)
    now = timezone.now()
    missing = sorted(wanted.keys() - have)
    Subscriber.objects.bulk_create(
        (
            Subscriber(
                email=email,
                # One in twenty reads it in English, as the site offers.
                language="en" if wanted[email] % 20 == 0 else "nl",
                confirmed_at=now - datetime.timedelta(days=wanted[email] % 700),
            )
            for email in missing
        ),
        batch_size=5_000,
        ignore_conflicts=True,
    )
    return len(missing)


def _address(number: int) -> str:
    return f"lezer-{number:06d}@{DOMAIN}"


def _remove(issues) -> None:
    """Bench issues with their deliveries and their batches' task rows."""
    from django_tasks_db.models import DBTaskResult

    from lecso_site.models import NewsletterDelivery
    from lecso_site.newsletter_sending import send_newsletter_batch

    for issue in issues:
        NewsletterDelivery.objects.filter(issue_id=issue.pk).delete()
        DBTaskResult.objects.filter(
            task_path=send_newsletter_batch.module_path,
            args_kwargs__args__0=issue.pk,
        ).delete()
        # Saving the issue as sending starts queues its search and reference
        # index updates, which the worker runs as it would in production.
        DBTaskResult.objects.filter(
            args_kwargs__args__1="newsletterissue",
            args_kwargs__args__2=str(issue.pk),
        ).delete()
        issue.delete()


def fresh_issue():
    """A published public issue in the archive (made when missing), with the
    blocks of a real one; an earlier run's issue, if one was left, removed."""
    from demo.newsletter import monthly_body
    from lecso_site.models import (
        HomePage,
        KnowledgeArticle,
        NewsletterIndexPage,
        NewsletterIssue,
        NewsPage,
    )

    _remove(NewsletterIssue.objects.filter(slug__startswith=SLUG_PREFIX))
    archive = NewsletterIndexPage.objects.first()
    if archive is None:
        archive = NewsletterIndexPage(title="Nieuwsbrief", slug="nieuwsbrief")
        HomePage.objects.first().add_child(instance=archive)
        archive.save_revision().publish()
    news = NewsPage.objects.live().order_by("-date")[:2]
    articles = KnowledgeArticle.objects.live().order_by("title")[:1]
    issue = NewsletterIssue(
        title="Nieuwsbrief (doorvoertest)",
        slug=f"{SLUG_PREFIX}{int(time.time())}",
        intro="Het nieuws van de maand, de kennis uit de scholen en de "
        "bijeenkomsten van deze winter.",
        body=monthly_body(news, articles),
    )
    archive.add_child(instance=issue)
    issue.save_revision().publish()
    return NewsletterIssue.objects.get(pk=issue.pk)


def measure_newsletter(
    scale: str, email: str = "file", count_queries: bool = True
) -> dict:
    """Send a fresh issue to SCALES[scale] subscribers through one worker."""
    from django.conf import settings
    from django.db import connection
    from django.db.models import Max, Min
    from django.test import override_settings
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    from lecso_site.models import NewsletterDelivery, NewsletterIssue
    from lecso_site.newsletter_sending import start_sending
    from network.background import worker_environment

    wanted = SCALES[scale]
    made = ensure_subscribers(wanted)
    issue = fresh_issue()
    other_tasks = DBTaskResult.objects.ready().count()
    with override_settings(
        TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}},
        TASKS_BACKEND="database",
    ):
        recipients = start_sending(issue)
    with connection.cursor() as cursor:
        # As autovacuum would soon after the bulk insert of the deliveries.
        cursor.execute("ANALYZE")
    result = {
        "scale": scale,
        "vendor": connection.vendor,
        "email": email,
        "subscribers_made": made,
        "recipients": recipients,
        "batch_size": settings.NEWSLETTER_BATCH_SIZE,
        "other_tasks": other_tasks,
        "errors": [],
    }
    try:
        with tempfile.TemporaryDirectory(prefix="bench-newsletter-") as folder:
            outbox, log = Path(folder) / "outbox", Path(folder) / "worker.log"
            outbox.mkdir()
            command = [sys.executable]
            command += ["-c", WORKER] if count_queries else ["manage.py"]
            # No startup delay: a random sleep of up to a second, for a pool of
            # workers starting at once.
            command += ["db_worker", "--no-reload", "--batch", "--no-startup-delay"]
            env = worker_environment(
                EMAIL_URLS[email].format(outbox=outbox),
                batch_size=settings.NEWSLETTER_BATCH_SIZE,
            )
            started_at = timezone.now()
            start = time.perf_counter()
            with log.open("w") as output:
                worker = subprocess.run(
                    command,
                    cwd=PROJECT,
                    env=env,
                    stdout=output,
                    stderr=subprocess.STDOUT,
                    check=False,
                )
            result["seconds"] = time.perf_counter() - start
            text = log.read_text()
            result["outbox_bytes"] = sum(f.stat().st_size for f in outbox.iterdir())
        if worker.returncode:
            result["errors"].append(
                f"worker exited with {worker.returncode}: {text[-2000:]}"
            )
        if found := re.search(rf"^{QUERIES_MARK} (\d+)$", text, re.M):
            result["queries"] = int(found[1])
        deliveries = NewsletterDelivery.objects.filter(issue=issue)
        sent = deliveries.filter(status="verzonden")
        span = sent.aggregate(first=Min("sent_at"), last=Max("sent_at"))
        result["sent"] = sent.count()
        result["not_sent"] = deliveries.exclude(status="verzonden").count()
        result["finished"] = NewsletterIssue.objects.filter(
            pk=issue.pk, sending_finished_at__isnull=False
        ).exists()
        if span["first"] is not None:
            result["to_first"] = (span["first"] - started_at).total_seconds()
            result["steady"] = (span["last"] - span["first"]).total_seconds()
    finally:
        _remove([issue])
    return result


def report_newsletter(result: dict) -> bool:
    """Print the row; False (with an ERROR line) when someone was not sent the
    issue or the worker failed."""
    email = {
        "file": "file backend (built and serialised as for SMTP, written to disk)",
        "dummy": "dummy backend (dropped unserialised)",
    }[result["email"]]
    print(
        f"\nNewsletter: {result['recipients']} recipients through one worker "
        f"(manage.py db_worker --batch) on {result['vendor']}, batches of "
        f"{result['batch_size']}, no pacing; e-mail to the {email}"
    )
    if result["subscribers_made"]:
        print(f"  ({result['subscribers_made']} bench subscribers made first)")
    if result["other_tasks"]:
        waiting = result["other_tasks"]
        print(f"  ({waiting} other tasks were waiting; the worker ran them too)")
    sent = result.get("sent", 0)
    seconds = result.get("seconds", 0.0)
    steady = result.get("steady", 0.0)
    queries = result.get("queries")
    print(
        f"{'e-mails':>8} {'seconds':>8} {'per s':>8} {'steady/s':>8} "
        f"{'start s':>8} {'batches':>7} {'q/e-mail':>8} {'MiB out':>7}"
    )
    print(
        f"{sent:>8} {seconds:>8.1f} {sent / seconds if seconds else 0:>8.1f} "
        f"{(sent - 1) / steady if steady else 0:>8.1f} "
        f"{result.get('to_first', 0):>8.1f} "
        f"{-(-sent // result['batch_size']):>7} "
        f"{f'{queries / sent:.1f}' if queries and sent else '-':>8} "
        f"{result.get('outbox_bytes', 0) / 2**20:>7.1f}"
    )
    problems = [f"ERROR: {error}" for error in result["errors"]]
    if sent != result["recipients"] or result.get("not_sent"):
        problems.append(
            f"ERROR: {sent} of {result['recipients']} sent, "
            f"{result.get('not_sent')} not"
        )
    elif not result.get("finished"):
        problems.append("ERROR: the issue was not marked finished")
    for problem in problems:
        print(problem)
    return not problems


def main() -> None:
    parser = argparse.ArgumentParser(
        prog="python -m bench.newsletter_bench",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--scale", choices=list(SCALES), default="realistic")
    parser.add_argument("--email", choices=list(EMAIL_URLS), default="file")
    parser.add_argument(
        "--no-query-count",
        action="store_true",
        help="run manage.py itself, without counting the worker's queries",
    )
    parser.add_argument("--debug", action="store_true", help="run with DEBUG=1")
    args = parser.parse_args()

    from bench.__main__ import configure

    configure(args.scale, debug=args.debug)
    from django.core.management import call_command

    from lecso_site.models import HomePage

    call_command("migrate", verbosity=0)
    if not HomePage.objects.exists():
        call_command("seed_demo", force=True, stdout=sys.stdout)
    result = measure_newsletter(
        args.scale, email=args.email, count_queries=not args.no_query_count
    )
    if not report_newsletter(result):
        sys.exit(1)


if __name__ == "__main__":
    main()
