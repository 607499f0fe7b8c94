"""The 5,000-post thread page beside a peer forum's, measured in one run.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench python -m bench.peer

The peer is Spirit (django-spirit from PyPI), a Django forum. It runs in its own
virtualenv (bench/.peer-venv, made on first use; Spirit pins its own
dependencies) on its own database beside the bench's (`<name>_spirit` on the
same PostgreSQL). Its topic gets the bench thread's own posts: the same texts,
rendered HTML, authors and dates, twenty to a page as both forums show them.

Both are requested the same way: Django's test client, in process, signed in
as a member, no network. The rounds alternate between the two forums, so a
busy moment on a shared machine falls on both. Run `python -m bench` first:
it seeds the thread."""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.__main__ import BENCH_DIR, _member, configure
from bench.budgets import percentile

PEER_VENV = BENCH_DIR / ".peer-venv"
PEER_PACKAGES = ["django-spirit==0.14.3", "psycopg[binary]>=3.1"]
PAGES = (1, 125, 250)


def _peer_python() -> Path:
    python = PEER_VENV / "bin" / "python"
    if not python.exists():
        print("  making the peer forum's virtualenv (once)", flush=True)
        subprocess.run([sys.executable, "-m", "venv", str(PEER_VENV)], check=True)
        subprocess.run(
            [str(python), "-m", "pip", "install", "-q", *PEER_PACKAGES], check=True
        )
    return python


def _peer_database() -> str:
    """The peer's database on the bench's PostgreSQL, made when missing."""
    from django.db import connection

    name = f"{connection.settings_dict['NAME']}_spirit"
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if cursor.fetchone() is None:
            cursor.execute(f'CREATE DATABASE "{name}"')
    return name


def _export_posts(thread) -> str:
    """The thread's posts as JSON for the peer to seed its topic with."""
    from forums.models import Post

    posts = [
        {
            "author": post.author_name,
            "body": post.body,
            "html": post.body_html,
            "created_at": post.created_at.isoformat(),
        }
        for post in Post.objects.filter(thread=thread)
        .select_related("author__profile")
        .order_by("position")
    ]
    handle, path = tempfile.mkstemp(prefix="peer-posts-", suffix=".json")
    with os.fdopen(handle, "w", encoding="utf-8") as file:
        json.dump(posts, file)
    return path


def _ours(client, url: str, count: int) -> list[float]:
    shown = client.get(url).content.decode().count('class="post')
    if shown < 20:
        raise SystemExit(f"{url} shows {shown} posts")
    samples = []
    for _ in range(count):
        start = time.perf_counter()
        response = client.get(url)
        samples.append((time.perf_counter() - start) * 1000)
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.peer", description=__doc__)
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--per-round", type=int, default=10)
    args = parser.parse_args()

    configure("realistic")
    from django.db import connection
    from django.test import Client

    from bench.forums_seed import long_thread

    if connection.vendor != "postgresql":
        raise SystemExit("The peer comparison runs on PostgreSQL: set DATABASE_URL.")
    thread = long_thread()
    python = _peer_python()
    posts = _export_posts(thread)
    database = connection.settings_dict
    peer = subprocess.Popen(
        [str(python), "-m", "bench.peer_spirit"],
        cwd=BENCH_DIR.parent,
        env={
            **os.environ,
            "PYTHONPATH": str(BENCH_DIR.parent),
            "SPIRIT_DATABASE": _peer_database(),
            "SPIRIT_DATABASE_HOST": database["HOST"] or "127.0.0.1",
            "SPIRIT_DATABASE_PORT": str(database["PORT"] or 5432),
            "SPIRIT_DATABASE_USER": database["USER"] or "postgres",
            "SPIRIT_POSTS": posts,
        },
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        ready = json.loads(peer.stdout.readline())
        print(f"  peer forum ready at {ready['ready']}", flush=True)
        client = Client(HTTP_HOST="localhost")
        client.force_login(_member())
        url = f"/forum/draad/{thread.pk}/"
        ours = {page: [] for page in PAGES}
        theirs = {page: [] for page in PAGES}
        for _round in range(args.rounds):
            for page in PAGES:
                address = f"{url}?pagina={page}" if page > 1 else url
                ours[page] += _ours(client, address, args.per_round)
                peer.stdin.write(f"measure {args.per_round} {page}\n")
                peer.stdin.flush()
                theirs[page] += json.loads(peer.stdout.readline())
        peer.stdin.write("quit\n")
        peer.stdin.flush()
    finally:
        peer.wait(timeout=60)
        os.unlink(posts)
    print(
        f"\nThe {thread.post_count:,}-post thread, 20 posts a page, "
        f"{args.rounds} alternating rounds of {args.per_round} requests"
    )
    print(
        f"{'page':>5} {'ours p50':>9} {'p95':>7} {'Spirit p50':>11} {'p95':>7} "
        f"{'Spirit / ours (p50)':>20}"
    )
    for page in PAGES:
        our_p50 = statistics.median(ours[page])
        their_p50 = statistics.median(theirs[page])
        print(
            f"{page:>5} {our_p50:>9.1f} {percentile(ours[page], 0.95):>7.1f} "
            f"{their_p50:>11.1f} {percentile(theirs[page], 0.95):>7.1f} "
            f"{their_p50 / our_p50:>19.2f}x"
        )


if __name__ == "__main__":
    main()
