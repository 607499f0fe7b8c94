"""Notifications refer to people; their names are rendered when shown, so a
deleted account's name leaves everyone's inbox and a new name shows at once."""

import json

import pytest
from django.core import mail
from django.core.management import call_command

from network.contact import ask_expert, reply
from network.models import Notification, Visibility
from network.notifications import notify
from network.privacy import delete_account

pytestmark = pytest.mark.django_db
QUESTION = {"subject": "Picto's in groep 3", "message": "Hoe beginnen jullie?"}


@pytest.fixture
def expert(make_person, school_a):
    person = make_person(
        "Anna Expert", school=school_a, visibility=Visibility.PUBLIC, questions=True
    )
    person.user.email_notifications = "daily"
    person.user.save(update_fields=["email_notifications"])
    return person


@pytest.fixture
def asker(make_person, school_b):
    person = make_person("Bram Vrager", school=school_b)
    person.user.first_name, person.user.last_name = "Bram", "Vrager"
    person.user.save()
    return person


def everything_the_expert_sees(client, expert) -> str:
    client.force_login(expert.user)
    inbox = client.get("/meldingen/").text
    export = client.post("/account/mijn-gegevens/").content.decode()
    call_command("send_notification_digests")
    digest = "\n".join(f"{m.subject}\n{m.body}" for m in mail.outbox)
    return "\n".join([inbox, export, digest])


def test_a_deleted_askers_name_leaves_the_experts_inbox_export_and_digest(
    client, expert, asker
):
    ask_expert(expert, user=asker.user, organisation="", **QUESTION)
    note = Notification.objects.get(recipient=expert.user)
    assert note.actor == asker.user
    assert "Bram" not in note.title, "the name is not stored as text"
    assert note.display_title() == f"Vraag van Bram Vrager: {QUESTION['subject']}"

    delete_account(asker.user)

    seen = everything_the_expert_sees(client, expert)
    assert "Bram" not in seen and "Vrager" not in seen
    assert "Vraag van een verwijderd account: Picto" in seen.replace("&#x27;", "'")
    assert QUESTION["subject"] in seen.replace("&#x27;", "'")
    assert "\ue000" not in seen, "no placeholder is ever shown"


def test_a_new_name_shows_in_notifications_made_before(client, expert, asker):
    ask_expert(expert, user=asker.user, organisation="", **QUESTION)
    asker.name = "Bram van Dijk"
    asker.save()
    client.force_login(expert.user)
    assert "Vraag van Bram van Dijk" in client.get("/meldingen/").text


def test_the_askers_inbox_names_an_expert_who_left_as_a_deleted_account(expert, asker):
    question = ask_expert(expert, user=asker.user, organisation="", **QUESTION)
    reply(question, expert.user, answer="Begin met twee picto's.")
    delete_account(expert.user)
    note = Notification.objects.get(recipient=asker.user)
    assert note.display_title().startswith("Een verwijderd account heeft")
    assert "Anna" not in note.display_title()


def test_a_typed_placeholder_cannot_put_a_name_elsewhere(expert, asker):
    ask_expert(
        expert,
        user=asker.user,
        organisation="",
        subject="Vraag \ue000 over picto's",
        message="x",
    )
    note = Notification.objects.get(recipient=expert.user)
    assert note.display_title().count("Bram Vrager") == 1


def test_older_notifications_without_actor_lose_the_name_on_deletion(
    expert, asker, make_person
):
    """Rows made before notifications knew their actor hold the name as text;
    deleting the account takes it out of them too."""
    old = notify(
        expert.user,
        kind="contact_request",
        title="Vraag van Bram Vrager: Picto's",
        email=False,
    )
    unrelated = notify(
        expert.user, kind="test", title="Bramen plukken met groep 3", email=False
    )
    delete_account(asker.user)
    old.refresh_from_db()
    unrelated.refresh_from_db()
    assert old.title == "Vraag van een verwijderd account: Picto's"
    assert unrelated.title == "Bramen plukken met groep 3"


def test_the_export_shows_titles_as_the_inbox_does(client, expert, asker):
    ask_expert(expert, user=asker.user, organisation="", **QUESTION)
    client.force_login(expert.user)
    data = json.loads(client.post("/account/mijn-gegevens/").content)
    assert data["notifications"][0]["title"] == (
        f"Vraag van Bram Vrager: {QUESTION['subject']}"
    )
