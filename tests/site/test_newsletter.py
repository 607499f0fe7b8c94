"""The newsletter: double opt-in, one-click unsubscribing, what each list may
read, and sending to everyone once."""

import datetime
from http import HTTPStatus

import pytest
from django.core import mail, signing
from django.test import Client
from django.utils import timezone
from wagtail.models import PageViewRestriction
from wagtail.rich_text import RichText

from events.models import EventPage
from lecso_site.models import (
    MemberNewsletterChoice,
    NewsletterDelivery,
    NewsletterIndexPage,
    NewsletterIssue,
    Subscriber,
)
from lecso_site.newsletter import confirm_token, unsubscribe_token
from lecso_site.newsletter_sending import start_sending
from tests import factories
from tests.conftest import publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive(home):
    return publish(home, NewsletterIndexPage(title="Nieuwsbrief", slug="nieuwsbrief"))


@pytest.fixture
def make_issue(archive):
    def make(title="Nieuwsbrief december", audience="openbaar", body=()):
        issue = NewsletterIssue(
            title=title,
            audience=audience,
            intro="Het nieuws van de maand.",
            body=list(body) or [("text", RichText("<p>Beste lezer,</p>"))],
        )
        return publish(archive, issue)

    return make


def _link(message) -> str:
    return next(
        line.strip() for line in message.body.splitlines() if "/nieuwsbrief/" in line
    )


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Runs what the block queued for after its commit (the test's own
    transaction never commits)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_subscribing_keeps_the_address_only_once_confirmed(client, archive, committed):
    page = client.get("/nieuwsbrief/")
    assert page.status_code == HTTPStatus.OK and "Aanmelden" in page.text
    with committed():
        response = client.post("/nieuwsbrief/aanmelden/", {"email": "Lezer@School.nl"})
    assert "Kijk in uw mailbox" in response.text
    assert not Subscriber.objects.exists(), "nothing kept before confirming"
    (message,) = mail.outbox
    link = _link(message)
    assert client.get(link).status_code == HTTPStatus.OK
    assert not Subscriber.objects.exists(), (
        "opening the link (a mail scanner) is not consent"
    )
    client.post(link)
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "lezer@school.nl" and subscriber.confirmed_at


def test_a_bad_subscription_is_named_at_its_field(client, archive):
    response = client.post("/nieuwsbrief/aanmelden/", {"email": "geen-adres"})
    assert "email" in response.context["form"].errors
    assert 'value="geen-adres"' in response.text
    assert not mail.outbox


def test_a_tampered_confirmation_changes_nothing(client, archive):
    token = confirm_token("lezer@school.nl", "nl")
    for bad in (token[:-2] + "xx", "onzin"):
        response = client.post(f"/nieuwsbrief/bevestigen/{bad}/")
        assert response.status_code == HTTPStatus.BAD_REQUEST
        assert "niet compleet" in response.text
    assert not Subscriber.objects.exists()


def test_an_expired_confirmation_changes_nothing(client, archive, monkeypatch):
    token = confirm_token("lezer@school.nl", "nl")
    real_time = signing.time.time
    monkeypatch.setattr(signing.time, "time", lambda: real_time() + 4 * 24 * 3600)
    response = client.post(f"/nieuwsbrief/bevestigen/{token}/")
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "verlopen" in response.text
    assert not Subscriber.objects.exists()


def test_unsubscribing_is_one_click_without_login_and_a_bad_link_changes_nothing(
    archive,
):
    Subscriber.objects.create(email="lezer@school.nl", confirmed_at=timezone.now())
    token = unsubscribe_token("lezer@school.nl", "openbaar")
    # As a mail program does it (RFC 8058): a POST, no cookie, no CSRF token.
    client = Client(enforce_csrf_checks=True)
    tampered = client.post(f"/nieuwsbrief/afmelden/{token[:-3]}abc/")
    assert tampered.status_code == HTTPStatus.BAD_REQUEST
    assert Subscriber.objects.get().unsubscribed_at is None
    page = client.get(f"/nieuwsbrief/afmelden/{token}/")
    assert page.status_code == HTTPStatus.OK
    assert Subscriber.objects.get().unsubscribed_at is None, "a GET changes nothing"
    done = client.post(
        f"/nieuwsbrief/afmelden/{token}/", {"List-Unsubscribe": "One-Click"}
    )
    assert done.status_code == HTTPStatus.OK
    gone_at = Subscriber.objects.get().unsubscribed_at
    assert gone_at is not None
    again = client.post(f"/nieuwsbrief/afmelden/{token}/")
    assert "al afgemeld" in again.text
    assert Subscriber.objects.get().unsubscribed_at == gone_at, "reuse changes nothing"


def test_members_get_the_members_newsletter_unless_they_opt_out(
    client, make_issue, committed
):
    member = factories.make_member("Anna Lid", email="anna@burcht.nl")
    other = factories.make_member("Bram Lid", email="bram@burcht.nl")
    client.force_login(member)
    assert "ledennieuwsbrief" in client.get("/account/").text
    client.post("/account/nieuwsbrief/", {})  # the box unticked
    assert MemberNewsletterChoice.objects.get(user=member).receives is False
    export = client.post("/account/mijn-gegevens/").json()["newsletter"]
    assert export["members_newsletter"] is False
    assert export["members_newsletter_choice_at"]
    issue = make_issue("Ledenbrief", audience="leden")
    with committed():
        start_sending(issue)
    assert [m.to for m in mail.outbox] == [[other.email]]


def test_a_members_item_never_reaches_the_public_list(
    client, make_issue, agenda, committed
):
    start = timezone.now() + datetime.timedelta(days=10)
    members_meeting = EventPage(
        title="Ledenvergadering zqledenvergadering",
        venue_name="De Brug",
        start=start,
        end=start + datetime.timedelta(hours=2),
        audience="members",
    )
    agenda.add_child(instance=members_meeting)
    open_meeting = EventPage(
        title="Open studiemiddag",
        venue_name="De Brug",
        start=start,
        end=start + datetime.timedelta(hours=2),
        audience="open",
    )
    agenda.add_child(instance=open_meeting)
    body = [
        ("meeting", members_meeting),
        ("meeting", open_meeting),
        ("upcoming_meetings", {"heading": "Binnenkort", "count": 5}),
    ]
    public = make_issue("Openbare brief", body=body)
    members = make_issue("Ledenbrief", audience="leden", body=body)
    Subscriber.objects.create(email="lezer@school.nl", confirmed_at=timezone.now())
    factories.make_member("Anna Lid", email="anna@burcht.nl")

    web = client.get(public.url).text
    assert "Open studiemiddag" in web and "zqledenvergadering" not in web
    with committed():
        start_sending(public)
    (sent,) = mail.outbox
    html = sent.alternatives[0][0]
    assert "Open studiemiddag" in sent.body + html
    assert "zqledenvergadering" not in sent.body + html
    assert client.get(members.url).status_code == HTTPStatus.NOT_FOUND
    mail.outbox.clear()
    with committed():
        start_sending(members)
    (to_member,) = mail.outbox
    assert "zqledenvergadering" in to_member.body


def test_a_private_section_stays_out(
    make_issue, make_article, knowledge_index, committed
):
    article = make_article("Intern protocol zqintern")
    PageViewRestriction.objects.create(page=article, restriction_type="login")
    issue = make_issue("Brief", body=[("knowledge", article)])
    Subscriber.objects.create(email="lezer@school.nl", confirmed_at=timezone.now())
    with committed():
        start_sending(issue)
    (sent,) = mail.outbox
    assert "zqintern" not in sent.body + sent.alternatives[0][0]


def test_every_message_can_be_left_with_one_click_and_has_a_text_part(
    make_issue, committed
):
    issue = make_issue()
    for number in range(3):
        Subscriber.objects.create(
            email=f"lezer{number}@school.nl", confirmed_at=timezone.now()
        )
    Subscriber.objects.create(
        email="weg@school.nl",
        confirmed_at=timezone.now(),
        unsubscribed_at=timezone.now(),
    )
    with committed():
        assert start_sending(issue) == 3
    assert sorted(m.to[0] for m in mail.outbox) == [
        f"lezer{n}@school.nl" for n in range(3)
    ]
    for message in mail.outbox:
        link = message.extra_headers["List-Unsubscribe"].strip("<>")
        assert "/nieuwsbrief/afmelden/" in link and link in message.body
        assert message.extra_headers["List-Unsubscribe-Post"] == (
            "List-Unsubscribe=One-Click"
        )
        html, kind = message.alternatives[0]
        assert kind == "text/html" and 'lang="nl"' in html
        assert "<img" not in html, "no tracking pixel"
    assert NewsletterDelivery.objects.filter(status="verzonden").count() == 3
    with pytest.raises(Exception, match="al verzonden"):
        start_sending(issue)


def test_only_a_published_issue_is_sent(make_issue, client):
    issue = make_issue()
    issue.title = "Nog niet goedgekeurd"
    issue.save_revision()
    from lecso_site.newsletter_sending import NotReady

    with pytest.raises(NotReady):
        start_sending(NewsletterIssue.objects.get(pk=issue.pk))


def test_who_leaves_the_list_while_it_is_sent_gets_nothing(
    make_issue, django_capture_on_commit_callbacks
):
    from lecso_site.newsletter import unsubscribe
    from lecso_site.newsletter_sending import progress

    issue = make_issue()
    for name in ("blijft", "gaat"):
        Subscriber.objects.create(
            email=f"{name}@school.nl", confirmed_at=timezone.now()
        )
    with django_capture_on_commit_callbacks() as queued:
        start_sending(issue)
    assert unsubscribe("gaat@school.nl", "openbaar")
    for callback in queued:
        callback()
    assert [m.to for m in mail.outbox] == [["blijft@school.nl"]]
    counts = progress(NewsletterIssue.objects.get(pk=issue.pk))
    assert counts["sent"] == 1 and counts["skipped"] == 1
    assert counts["unsubscribed_since"] == 1 and counts["waiting"] == 0


def test_the_editor_sends_a_test_and_then_the_issue(client, make_issue, committed):
    from django.contrib.auth.models import Permission

    issue = make_issue()
    Subscriber.objects.create(email="lezer@school.nl", confirmed_at=timezone.now())
    editor = factories.make_user(
        "redactie", email="redactie@lecso.nl", is_staff=True, is_superuser=True
    )
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    sending = client.get(f"/admin/nieuwsbrief/{issue.pk}/verzenden/")
    assert sending.status_code == HTTPStatus.OK
    assert "Stuur mij een test" in sending.text
    with committed():
        client.post(f"/admin/nieuwsbrief/{issue.pk}/verzenden/", {"action": "test"})
    (test,) = mail.outbox
    assert test.to == ["redactie@lecso.nl"] and test.subject.startswith("[Test]")
    assert not NewsletterDelivery.objects.exists(), "a test sends to nobody else"
    with committed():
        client.post(f"/admin/nieuwsbrief/{issue.pk}/verzenden/", {"action": "send"})
    assert [m.to for m in mail.outbox[1:]] == [["lezer@school.nl"]]
    page = client.get(f"/admin/nieuwsbrief/{issue.pk}/verzenden/").text
    assert "Verzenden klaar" in page
    member = factories.make_member("Anna Lid", email="anna@burcht.nl")
    client.force_login(member)
    assert client.get(f"/admin/nieuwsbrief/{issue.pk}/verzenden/").status_code in (
        HTTPStatus.FOUND,
        HTTPStatus.FORBIDDEN,
    )


def test_the_email_preview_is_the_email(make_issue, rf):
    issue = make_issue()
    response = issue.serve_preview(rf.get("/"), "email")
    html = response.content.decode()
    assert "<!DOCTYPE html>" in html and 'name="color-scheme"' in html
    assert "Beste lezer" in html and "Direct afmelden" in html


def test_a_scheduled_issue_goes_out_once_published_and_its_moment_has_come(
    make_issue, committed
):
    from lecso_site.newsletter_sending import start_scheduled

    Subscriber.objects.create(email="lezer@school.nl", confirmed_at=timezone.now())
    issue = make_issue()
    later = timezone.now() + datetime.timedelta(hours=2)
    NewsletterIssue.objects.filter(pk=issue.pk).update(send_at=later)
    with committed():
        assert start_scheduled() == 0, "not yet"
    with committed():
        assert start_scheduled(now=later) == 1
        assert start_scheduled(now=later) == 0, "once"
    assert [m.to for m in mail.outbox] == [["lezer@school.nl"]]
