"""Sending 20,000 newsletters with the real worker (`manage.py db_worker` in
its own process, as production runs it beside Daphne), stopped in the middle
and started again: every recipient gets the issue exactly once.

Transactional: the worker process reads what this test committed, from the
same database (SQLite file, or PostgreSQL in CI's second pass)."""

import re
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from django.utils import timezone
from wagtail.rich_text import RichText

from lecso_site.models import (
    NewsletterDelivery,
    NewsletterIndexPage,
    NewsletterIssue,
    Subscriber,
)
from lecso_site.newsletter_sending import start_sending
from network.background import worker_environment
from tests.conftest import publish

pytestmark = pytest.mark.django_db(transaction=True)
PROJECT = Path(__file__).resolve().parents[2]
RECIPIENTS = 20_000


def _worker(outbox: Path, log: Path, *extra: str) -> subprocess.Popen:
    # django-environ takes one slash off the path: four for an absolute one.
    env = worker_environment(f"filemail:///{outbox}", batch_size=500)
    return subprocess.Popen(
        # --no-reload: as in production (DEBUG off); the reloader's parent would
        # not pass SIGTERM on to the worker for a graceful stop.
        [sys.executable, "manage.py", "db_worker", "--no-reload", "--interval", "0.2"]
        + list(extra),
        cwd=PROJECT,
        env=env,
        stdout=log.open("a"),
        stderr=subprocess.STDOUT,
    )


def _sent() -> int:
    return NewsletterDelivery.objects.filter(status="verzonden").count()


def test_a_worker_stopped_halfway_and_started_again_sends_everyone_once(
    home, settings, tmp_path
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.TASKS_BACKEND = "database"
    archive = publish(
        home, NewsletterIndexPage(title="Nieuwsbrief", slug="nieuwsbrief")
    )
    issue = publish(
        archive,
        NewsletterIssue(
            title="Nieuwsbrief januari",
            intro="Het nieuws van de maand.",
            body=[("text", RichText("<p>Beste lezer,</p>"))],
        ),
    )
    now = timezone.now()
    Subscriber.objects.bulk_create(
        Subscriber(email=f"lezer{n}@school.nl", confirmed_at=now)
        for n in range(RECIPIENTS)
    )
    assert start_sending(NewsletterIssue.objects.get(pk=issue.pk)) == RECIPIENTS
    outbox, log = tmp_path / "outbox", tmp_path / "worker.log"
    outbox.mkdir()

    worker = _worker(outbox, log)
    deadline = time.monotonic() + 600
    while _sent() < RECIPIENTS // 4:
        assert worker.poll() is None, log.read_text()
        assert time.monotonic() < deadline, "the worker sent too little in time"
        time.sleep(0.2)  # polling another process's progress
    worker.send_signal(signal.SIGTERM)  # as systemd stops it
    worker.wait(timeout=120)
    stopped_at = _sent()
    assert RECIPIENTS // 4 <= stopped_at < RECIPIENTS, "stopped in the middle"

    # Started again, it finds the next batch waiting and goes on.
    again = _worker(outbox, log, "--batch")
    again.wait(timeout=900)
    assert again.returncode == 0, log.read_text()

    assert _sent() == RECIPIENTS
    received = Counter(
        address
        for message_file in outbox.iterdir()
        for address in re.findall(r"^To: (\S+)$", message_file.read_text(), re.M)
    )
    assert len(received) == RECIPIENTS, "everyone got it"
    assert set(received.values()) == {1}, "nobody got it twice"
    issue.refresh_from_db()
    assert issue.sending_finished_at is not None
