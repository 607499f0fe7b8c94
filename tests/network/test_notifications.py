"""The inbox: notify, read, e-mail now or as a digest, and the live unread count."""

from http import HTTPStatus

import pytest
from channels.testing import WebsocketCommunicator
from django.core import mail
from django.core.management import call_command

from lecso_site.asgi import application
from network.consumers import NotificationConsumer
from network.models import Notification
from network.notifications import notify


@pytest.fixture
def person(make_person, school_a):
    return make_person("Lotte Lezer", school=school_a)


@pytest.mark.django_db
def test_inbox_lists_and_opening_marks_read(client, person):
    first = notify(
        person.user, kind="test", title="Eerste melding", url="/deskundigen/"
    )
    notify(person.user, kind="test", title="Tweede melding")
    client.force_login(person.user)
    page = client.get("/meldingen/").text
    assert "Eerste melding" in page and "Tweede melding" in page
    assert 'data-unread-count="2"' in page

    response = client.get(f"/meldingen/{first.pk}/")
    assert (
        response.status_code == HTTPStatus.FOUND
        and response["Location"] == "/deskundigen/"
    )
    first.refresh_from_db()
    assert first.read_at is not None
    client.post("/meldingen/gelezen/")
    assert not Notification.objects.unread().filter(recipient=person.user).exists()


@pytest.mark.django_db
def test_nobody_opens_someone_elses_notification(client, person, make_person, school_a):
    mine = notify(person.user, kind="test", title="Privé")
    other = make_person("Ander", school=school_a)
    client.force_login(other.user)
    assert client.get(f"/meldingen/{mine.pk}/").status_code == HTTPStatus.NOT_FOUND
    mine.refresh_from_db()
    assert mine.read_at is None


@pytest.mark.django_db
def test_a_notification_cannot_redirect_off_site(client, person):
    sneaky = notify(person.user, kind="test", title="x", url="https://evil.example/")
    client.force_login(person.user)
    assert client.get(f"/meldingen/{sneaky.pk}/")["Location"] == "/meldingen/"


@pytest.mark.django_db
def test_email_follows_the_persons_choice(person, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        notify(person.user, kind="test", title="Direct")
    assert [m.subject for m in mail.outbox] == ["[LECSO] Direct"]

    person.user.email_notifications = "daily"
    person.user.save()
    with django_capture_on_commit_callbacks(execute=True):
        notify(person.user, kind="test", title="Voor de samenvatting")
        notify(person.user, kind="test", title="Nog een")
    assert len(mail.outbox) == 1, "nothing sent right away"
    call_command("send_notification_digests")
    digest = mail.outbox[-1]
    assert "Voor de samenvatting" in digest.body and "Nog een" in digest.body
    assert "Direct" not in digest.body, "already e-mailed"
    call_command("send_notification_digests")
    assert len(mail.outbox) == 2, "a notification is in one digest only"


@pytest.mark.django_db
def test_never_means_never(person, django_capture_on_commit_callbacks):
    person.user.email_notifications = "never"
    person.user.save()
    with django_capture_on_commit_callbacks(execute=True):
        notify(person.user, kind="test", title="Stil")
    call_command("send_notification_digests")
    assert not mail.outbox


def connect(user):
    communicator = WebsocketCommunicator(
        NotificationConsumer.as_asgi(), "/ws/meldingen/"
    )
    communicator.scope["user"] = user
    return communicator


@pytest.mark.django_db(transaction=True)
def test_socket_sends_the_count_on_connect_and_on_every_change(person, run_async):
    async def scenario():
        from channels.db import database_sync_to_async

        communicator = connect(person.user)
        connected, _ = await communicator.connect()
        assert connected
        assert await communicator.receive_json_from() == {"unread": 0}
        await database_sync_to_async(notify)(person.user, kind="test", title="Live")
        assert await communicator.receive_json_from(timeout=3) == {"unread": 1}
        await communicator.send_json_to({"unread": 999})  # the client is not trusted
        assert await communicator.receive_nothing(timeout=0.2)
        await communicator.disconnect()

    run_async(scenario)


@pytest.mark.django_db(transaction=True)
def test_socket_refuses_anonymous_and_only_hears_own_notifications(
    person, make_person, school_b, run_async
):
    from django.contrib.auth.models import AnonymousUser

    other = make_person("Ander", school=school_b)

    async def scenario():
        from channels.db import database_sync_to_async

        anonymous = connect(AnonymousUser())
        connected, code = await anonymous.connect()
        assert not connected and code == 4401

        mine = connect(person.user)
        await mine.connect()
        await mine.receive_json_from()
        await database_sync_to_async(notify)(
            other.user, kind="test", title="Niet voor jou"
        )
        assert await mine.receive_nothing(timeout=0.3)
        await mine.disconnect()

    run_async(scenario)


@pytest.mark.django_db
def test_the_route_is_behind_the_origin_check(run_async):
    # On a thread of its own with a time limit, like the tests above: once on
    # PostgreSQL + Redis, async_to_sync here waited for ever and held up the run.
    async def scenario():
        communicator = WebsocketCommunicator(
            application,
            "/ws/meldingen/",
            headers=[(b"host", b"localhost"), (b"origin", b"https://evil.example")],
        )
        connected, _ = await communicator.connect()
        return connected

    assert run_async(scenario) is False
