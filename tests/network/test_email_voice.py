"""One voice in every e-mail and account message: formal Dutch ("u"), the
person greeted by their name (never a username), LECSO in the subject and in
the closing, whether the text is the site's own or django-allauth's."""

import re
from http import HTTPStatus

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.core.management import call_command

from events.services import register
from network.contact import ask_expert
from network.notifications import notify
from tests import factories

pytestmark = pytest.mark.django_db
PASSWORD = "Een-lang-wachtwoord-42"
INFORMAL = re.compile(r"\b(je|jij|jouw|jullie|jezelf)\b", re.IGNORECASE)


def assert_one_voice(message, greeting: str) -> None:
    text = f"{message.subject}\n{message.body}"
    assert message.subject.startswith("[LECSO] "), message.subject
    assert message.body.startswith(greeting), message.body[:80]
    assert message.body.count(greeting) == 1, "greeted once"
    assert "Met vriendelijke groet," in message.body
    assert "LECSO, het netwerk van speciale scholen" in message.body
    assert not INFORMAL.search(text), INFORMAL.search(text)
    assert "Hallo van" not in text and "127.0.0.1:8000!" not in text


def test_sign_up_mail_is_formal_and_greets_by_name(client, school_a):
    client.post(
        "/account/signup/",
        {
            "name": "Anna Jansen",
            "email": "juf.anna@deburcht.nl",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    [message] = mail.outbox
    assert_one_voice(message, "Beste Anna Jansen,")
    assert "bevestig" in message.body.lower()


def test_password_reset_mail_greets_the_member_by_name(client, school_a):
    member = factories.make_member(
        "Marieke de Vries", school=school_a, username="x7q2", password=PASSWORD
    )
    response = client.post("/account/password/reset/", {"email": member.email})
    assert response.status_code == HTTPStatus.FOUND
    [message] = mail.outbox
    assert_one_voice(message, "Beste Marieke de Vries,")
    assert "x7q2" not in message.body, "never the username"


def test_signing_in_says_who_by_name(client, school_a):
    from allauth.account.models import EmailAddress

    member = factories.make_member(
        "Marieke de Vries", school=school_a, username="x7q2", password=PASSWORD
    )
    EmailAddress.objects.create(
        user=member, email=member.email, verified=True, primary=True
    )
    response = client.post(
        "/account/login/", {"login": member.email, "password": PASSWORD}
    )
    said = [str(m) for m in get_messages(response.wsgi_request)]
    assert said == ["U bent ingelogd als Marieke de Vries."]


def test_a_visitors_question_is_confirmed_in_the_same_voice(
    school_a, django_capture_on_commit_callbacks
):
    from django.contrib.auth.models import AnonymousUser

    expert = factories.make_person(
        "Ilse Jansen", school=school_a, open_for_questions=True, visibility="public"
    )
    with django_capture_on_commit_callbacks(execute=True):
        ask_expert(
            expert,
            user=AnonymousUser(),
            subject="Leerling met TOS",
            message="Hoe begin ik?",
            name="Piet Pieters",
            email="piet@regulier.nl",
            organisation="Basisschool De Linde",
        )
    [message] = mail.outbox
    assert_one_voice(message, "Beste Piet Pieters,")
    assert "Ilse Jansen" in message.body


def test_registration_mail_greets_once(make_event, django_capture_on_commit_callbacks):
    event = make_event(title="Regio-overleg", days=5, capacity=10)
    with django_capture_on_commit_callbacks(execute=True):
        register(event, name="Anna Jansen", email="anna@deburcht.nl")
    [message] = mail.outbox
    assert_one_voice(message, "Beste Anna Jansen,")
    assert message.subject == "[LECSO] U bent aangemeld: Regio-overleg"


def test_the_daily_digest_greets_by_name(school_a):
    member = factories.make_member(
        "Marieke de Vries", school=school_a, email_notifications="daily"
    )
    notify(member, kind="test", title="Nieuwe reactie", body="", url="/forum/")
    mail.outbox.clear()

    call_command("send_notification_digests", stdout=open("/dev/null", "w"))

    [message] = mail.outbox
    assert_one_voice(message, "Beste Marieke de Vries,")
