"""Background work (e-mail, fan-out of notifications, newsletters) through
Django's Tasks API, on the backend TASKS_BACKEND chose (site/settings.py):

- `database` (django-tasks-db, production): a task is a row written in the
  transaction that causes it, so nothing is sent for a rolled-back change and
  nothing is lost for a committed one; `manage.py db_worker` runs it.
- `immediate` (the embedded default and the tests): a task runs when the
  transaction commits, in the same process.

A task made with `retried_task` that fails for a reason that may pass (the
mail server is down, the network hiccups) is tried again later, with a
growing wait, up to TASK_ATTEMPTS times; after the last try it stays failed,
listed for admins under Reports (network.task_report) with a button to retry."""

import datetime
import functools
import logging
import smtplib
import socket

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import default_task_backend, task

logger = logging.getLogger(__name__)

# Failures that say nothing about the task itself: trying later may work.
PASSING_FAILURES = (smtplib.SMTPException, socket.error, ConnectionError, TimeoutError)


def queues_in_the_database() -> bool:
    return default_task_backend.supports_defer


def enqueue(task_, *args, **kwargs) -> None:
    """Queue `task_` as part of the current transaction: with the database
    backend its row commits or rolls back with the change; with the immediate
    backend it runs after the commit, and a failure there is logged, never
    turned into an error for the person whose change already committed."""
    if queues_in_the_database():
        task_.enqueue(*args, **kwargs)
        return

    def run() -> None:
        task_.enqueue(*args, **kwargs)

    transaction.on_commit(run, robust=True)


def retry_wait(attempt: int) -> datetime.timedelta:
    """How long to wait after try `attempt` failed: 1, 4, 16, 64... times the
    first wait, capped at six hours."""
    seconds = settings.TASK_RETRY_FIRST_WAIT_SECONDS * 4 ** (attempt - 1)
    return datetime.timedelta(seconds=min(seconds, 6 * 3600))


def retried_task(func):
    """A task that is tried again after a passing failure, when the backend
    can run it later (the database backend). The try it is on travels as the
    keyword argument `attempt`."""

    @functools.wraps(func)
    def run(*args, attempt: int = 1, **kwargs):
        try:
            return func(*args, **kwargs)
        except PASSING_FAILURES as error:
            if attempt >= settings.TASK_ATTEMPTS or not queues_in_the_database():
                raise
            wait = retry_wait(attempt)
            logger.warning(
                "%s failed (%s: %s); try %d of %d in %s",
                func.__name__,
                type(error).__name__,
                error,
                attempt + 1,
                settings.TASK_ATTEMPTS,
                wait,
            )
            the_task.using(run_after=timezone.now() + wait).enqueue(
                *args, attempt=attempt + 1, **kwargs
            )
            return None

    the_task = task()(run)
    return the_task
