"""The leak sweep: every URL pattern, asked as every role, with GET and with an
empty POST, never shows a private item to someone who may not see it.

What is private comes from tests/leak_world.py (one item of every private
kind, each text field carrying a canary and the roles that may see it); which
addresses exist comes from the resolver and the page tree (tests/sweep.py), so
a new URL is swept as soon as it exists, or fails here for want of a filler.
A canary counts wherever it appears: the body, any header (Location
included), a feed, an .ics, an export, a JSON answer, or an e-mail the request
sent to the role's own address. A 500 fails the sweep too.
"""

from http import HTTPStatus

import pytest
from django.core import mail
from django.db import transaction
from django.test import Client

from tests.leak_world import ROLES, build_world
from tests.sweep import Unfillable, all_routes, leaks, response_text, urls_for

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


@pytest.fixture
def world(home, django_capture_on_commit_callbacks):
    # E-mails and live messages the world's own making sends are not the
    # sweep's business: they are run, then forgotten.
    with django_capture_on_commit_callbacks(execute=True):
        built = build_world(home)
    mail.outbox.clear()
    return built


def test_every_pattern_can_be_filled(world):
    """A new URL pattern with arguments needs a filler in tests/sweep.py
    before it can land: this names the ones that have none."""
    missing = []
    for route in all_routes():
        try:
            urls_for(route, world, "owner")
        except Unfillable as error:
            missing.append(str(error))
    assert not missing, "patterns the leak sweep cannot fill: " + ", ".join(missing)


@pytest.mark.parametrize("role", ROLES)
def test_no_url_shows_a_role_what_it_may_not_see(world, role):
    client = Client(raise_request_exception=False)
    user = world.users[role]
    forbidden = world.forbidden_for(role)
    assert forbidden, "every role has something it may not see"
    findings = []
    asked = 0
    for route in all_routes():
        for url in urls_for(route, world, role):
            for method in ("get", "post"):
                if route.is_admin and method == "post":
                    continue  # the admin's access check answers both the same
                if user is not None:
                    client.force_login(user)
                sent_before = len(mail.outbox)
                with transaction.atomic():
                    # Whatever an empty POST changes is undone: every request
                    # sees the same world.
                    response = getattr(client, method)(url)
                    transaction.set_rollback(True)
                asked += 1
                where = f"{method.upper()} {url} ({route.display})"
                if response.status_code >= HTTPStatus.INTERNAL_SERVER_ERROR:
                    findings.append(f"{where}: {response.status_code}")
                    continue
                text = response_text(response)
                for message in mail.outbox[sent_before:]:
                    if user is not None and user.email in message.to:
                        text += f"\n{message.subject}\n{message.body}"
                for word in sorted(leaks(text, forbidden, url)):
                    findings.append(f"{where}: {word}")
    print(f"\n{role}: {asked} requests over {len(all_routes())} patterns")
    assert asked > 500, f"only {asked} requests: the sweep lost its patterns"
    assert not findings, f"{role} saw:\n" + "\n".join(findings)
