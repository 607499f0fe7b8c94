"""Visitor registrations are limited per client (IP address), on top of the
per-address limit on confirmation e-mails."""

import re
from http import HTTPStatus

import pytest
from django.core import mail

from events.models import Audience

pytestmark = pytest.mark.django_db
OTHER_IP = "192.0.2.44"


def register_visitor(client, event, number, **extra):
    return client.post(
        event.url,
        {"name": f"Bezoeker {number}", "email": f"bezoeker{number}@regulier.nl"},
        **extra,
    )


def test_visitor_registrations_are_limited_per_client_at_the_form(
    client, make_event, settings
):
    settings.RATE_LIMIT_VISITOR_REGISTRATIONS = "3/h"
    event = make_event(audience=Audience.OPEN)
    for number in range(3):
        assert register_visitor(client, event, number).status_code == HTTPStatus.OK
    assert len(mail.outbox) == 3

    refused = register_visitor(client, event, 99)
    assert refused.status_code == HTTPStatus.TOO_MANY_REQUESTS
    text = refused.text
    assert "Vanaf uw netwerk zijn in korte tijd veel aanmeldingen verstuurd" in text
    # A fixed window of an hour: near its end the wait is "1 minuut".
    assert re.search(r"over \d+ minu(ut|ten) opnieuw", text)
    assert 'value="Bezoeker 99"' in text, "the name typed is kept"
    assert 'value="bezoeker99@regulier.nl"' in text
    assert int(refused["Retry-After"]) > 0
    assert len(mail.outbox) == 3, "no e-mail for a refused registration"

    elsewhere = register_visitor(client, event, 100, REMOTE_ADDR=OTHER_IP)
    assert elsewhere.status_code == HTTPStatus.OK
    assert len(mail.outbox) == 4


def test_refused_input_does_not_count_against_the_client(client, make_event, settings):
    settings.RATE_LIMIT_VISITOR_REGISTRATIONS = "1/h"
    event = make_event(audience=Audience.OPEN)
    for _attempt in range(3):
        invalid = client.post(event.url, {"name": "Bezoeker", "email": "geen-adres"})
        assert invalid.status_code == HTTPStatus.BAD_REQUEST
    assert register_visitor(client, event, 1).status_code == HTTPStatus.OK
    assert len(mail.outbox) == 1


def test_members_are_not_counted_per_client(client, make_event, member, settings):
    settings.RATE_LIMIT_VISITOR_REGISTRATIONS = "1/h"
    event = make_event(audience=Audience.OPEN)
    register_visitor(client, event, 1)
    assert register_visitor(client, event, 2).status_code == (
        HTTPStatus.TOO_MANY_REQUESTS
    )
    client.force_login(member)
    assert client.post(event.url, {}).status_code == HTTPStatus.FOUND
