"""Background work on the database queue (django-tasks-db) with its real
worker (`manage.py db_worker`), on the database of the run: SQLite, and
PostgreSQL in CI's second pass.

The rest of the suite runs tasks with the immediate backend, where they are
queued; these tests switch to the database backend, so they are transactional
(the worker reads only what was committed)."""

import datetime
import smtplib
import time

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from events import services
from network.notifications import notify
from tests import factories
from tests.conftest import ensure_migration_rows

pytestmark = pytest.mark.django_db(transaction=True)
DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


class MailServer(EmailBackend):
    """The locmem backend behind a switch: while `down`, every send fails as
    an unreachable SMTP server does."""

    down = False

    def send_messages(self, messages):
        if MailServer.down:
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        return super().send_messages(messages)


@pytest.fixture
def database_queue(settings):
    settings.TASKS = DATABASE_QUEUE
    settings.TASKS_BACKEND = "database"
    settings.EMAIL_BACKEND = "tests.site.test_task_queue.MailServer"
    settings.TASK_RETRY_FIRST_WAIT_SECONDS = 1
    MailServer.down = False
    yield
    MailServer.down = False


def run_worker() -> None:
    """The worker as production runs it, until nothing is ready to run."""
    call_command("db_worker", "--batch", "--interval", "0", verbosity=0)


def _member():
    ensure_migration_rows()
    return factories.make_member("Anna Lid", email="anna@burcht.nl")


def test_a_rolled_back_change_sends_nothing_and_a_committed_one_its_mail(
    database_queue,
):
    user = _member()
    with pytest.raises(RuntimeError), transaction.atomic():
        notify(user, kind="test", title="Teruggedraaid")
        raise RuntimeError("the change fails after queueing")
    # (Wagtail queues its search and reference index updates on the same queue.)
    mails = DBTaskResult.objects.filter(task_path__endswith=".send_notification_email")
    assert not mails.exists(), "no task for a rolled-back change"

    with transaction.atomic():
        notify(user, kind="test", title="Vastgelegd")
    assert mails.count() == 1, "queued with the change"
    assert mail.outbox == [], "nothing is sent in the request"
    run_worker()
    assert [m.to for m in mail.outbox] == [["anna@burcht.nl"]]
    assert mails.successful().count() == 1


def test_mail_server_down_during_200_registrations(database_queue, home, agenda):
    from events.models import EventPage, Registration

    ensure_migration_rows()
    start = timezone.now() + datetime.timedelta(days=14)
    event = EventPage(
        title="Landelijke studiedag",
        start=start,
        end=start + datetime.timedelta(hours=6),
        capacity=300,
        venue_name="Jaarbeurs",
        venue_city="Utrecht",
    )
    agenda.add_child(instance=event)
    MailServer.down = True
    for number in range(200):
        services.register(
            event, name=f"Deelnemer {number}", email=f"deelnemer{number}@school.nl"
        )
    assert Registration.objects.filter(status="confirmed").count() == 200
    assert mail.outbox == []

    run_worker()  # every first try meets the server down
    assert mail.outbox == []
    assert DBTaskResult.objects.failed().count() == 0, "tried again, not given up"
    # Queued again, each for a later try. (On a slow machine the worker's run
    # outlasts the first waits and tries some again; one whose wait ended
    # after the worker's last look is ready now, still not given up.)
    later = DBTaskResult.objects.filter(
        status="READY", task_path__endswith=".send_registration_email"
    )
    assert later.count() == 200, "each queued for a later try"

    MailServer.down = False
    waited = later.order_by("-run_after").first().run_after
    time.sleep(max(0.0, (waited - timezone.now()).total_seconds()) + 0.1)
    run_worker()
    sent_to = sorted(address for m in mail.outbox for address in m.to)
    assert sent_to == sorted(f"deelnemer{n}@school.nl" for n in range(200)), (
        "every confirmation once, none twice"
    )
    assert DBTaskResult.objects.failed().count() == 0


def test_a_task_that_keeps_failing_is_listed_for_admins_and_tried_again(
    database_queue, settings, client
):
    settings.TASK_ATTEMPTS = 2
    settings.TASK_RETRY_FIRST_WAIT_SECONDS = 0
    user = _member()
    MailServer.down = True
    with transaction.atomic():
        notify(user, kind="test", title="Uw vraag is beantwoord")
    run_worker()
    (failed,) = DBTaskResult.objects.failed()
    assert "SMTPServerDisconnected" in failed.exception_class_path

    admin = factories.make_user("beheer", is_staff=True, is_superuser=True)
    admin.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(admin)
    report = client.get("/admin/taken/mislukt/")
    assert "send_notification_email" in report.text
    assert "SMTPServerDisconnected" in report.text
    client.force_login(user)
    assert client.get("/admin/taken/mislukt/").status_code != 200

    MailServer.down = False
    client.force_login(admin)
    client.post(f"/admin/taken/mislukt/{failed.pk}/opnieuw/")
    assert not DBTaskResult.objects.failed().exists()
    run_worker()
    assert [m.to for m in mail.outbox] == [["anna@burcht.nl"]]
