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
import os
import smtplib
import socket
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
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


def database_url() -> str:
    """The URL of the database this process uses, for another process to
    use the same one; checked by parsing it back."""
    import environ
    from django.db import connection

    database = connection.settings_dict
    if connection.vendor == "sqlite":
        url = f"sqlite:///{Path(database['NAME']).resolve()}"
    elif connection.vendor == "postgresql":
        user = quote(database["USER"] or "", safe="")
        if database.get("PASSWORD"):
            user += ":" + quote(database["PASSWORD"], safe="")
        host = database["HOST"] or "localhost"
        url = (
            f"postgres://{user}@{host}:{database['PORT'] or 5432}/"
            f"{quote(database['NAME'], safe='')}"
        )
    else:
        raise ImproperlyConfigured(f"No database URL for {connection.vendor}")
    parsed = environ.Env.db_url_config(url)
    if str(parsed["NAME"]) != str(database["NAME"]):
        raise ImproperlyConfigured(f"{url} is not {database['NAME']}")
    return url


def worker_environment(email_url: str, batch_size: int) -> dict:
    """The environment for a `manage.py db_worker` started from this process
    (the bench, the worker tests): this process's own, on its database and
    queue, sending to `email_url` in batches of `batch_size` as fast as the
    mail backend takes them."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    env.update(
        DATABASE_URL=database_url(),
        TASKS_BACKEND="database",
        EMAIL_URL=email_url,
        NEWSLETTER_BATCH_SIZE=str(batch_size),
        NEWSLETTER_PER_MINUTE="0",
        DJANGO_SETTINGS_MODULE="lecso_site.settings",
    )
    return env
