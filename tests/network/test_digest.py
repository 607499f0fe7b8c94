"""The daily digest: every unread, un-mailed notification, once, however late."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from network.models import Notification
from network.notifications import DIGEST_MAX_AGE, notify

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader(make_person, school_a):
    person = make_person("Dirk Digest", school=school_a)
    person.user.email_notifications = "daily"
    person.user.save(update_fields=["email_notifications"])
    return person.user


def made_ago(notification, **delta):
    Notification.objects.filter(pk=notification.pk).update(
        created_at=timezone.now() - datetime.timedelta(**delta)
    )


def test_a_notification_from_30_hours_ago_is_in_the_digest_once(reader):
    late = notify(reader, kind="test", title="Van eergisteren")
    made_ago(late, hours=30)
    notify(reader, kind="test", title="Van vandaag")

    call_command("send_notification_digests")
    assert len(mail.outbox) == 1
    assert "Van eergisteren" in mail.outbox[0].body
    assert "Van vandaag" in mail.outbox[0].body
    assert not Notification.objects.filter(emailed_at__isnull=True).exists()

    call_command("send_notification_digests")
    assert len(mail.outbox) == 1, "a second run sends nothing"


def test_read_or_very_old_notifications_are_not_mailed(reader):
    read = notify(reader, kind="test", title="Al gelezen")
    Notification.objects.filter(pk=read.pk).update(read_at=timezone.now())
    ancient = notify(reader, kind="test", title="Van maanden terug")
    made_ago(ancient, days=DIGEST_MAX_AGE.days + 1)
    notify(reader, kind="test", title="Nieuw")

    call_command("send_notification_digests")
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert "Nieuw" in body
    assert "Al gelezen" not in body and "Van maanden terug" not in body


def test_a_failed_send_leaves_the_notifications_for_the_next_run(reader, settings):
    notify(reader, kind="test", title="Blijft staan")
    settings.EMAIL_BACKEND = "tests.network.test_digest.BrokenBackend"
    with pytest.raises(ConnectionError):
        call_command("send_notification_digests")
    assert Notification.objects.filter(emailed_at__isnull=True).count() == 1

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("send_notification_digests")
    assert "Blijft staan" in mail.outbox[-1].body


class BrokenBackend:
    """An SMTP server that is down."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionError("SMTP is down")
