"""Asking an expert through the platform; addresses never shown to the other side."""

import re
from http import HTTPStatus

import pytest
from django.core import mail

from network.contact import ask_expert, reply
from network.models import ContactRequest, ContactStatus, Notification, Visibility
from network.services import NetworkError

pytestmark = pytest.mark.django_db
QUESTION = {
    "subject": "Picto's in groep 3",
    "message": "Hoe beginnen jullie?",
    "organisation": "",
}


@pytest.fixture
def expert(make_person, school_a):
    return make_person(
        "Anna Expert", school=school_a, visibility=Visibility.PUBLIC, questions=True
    )


@pytest.fixture
def member(make_person, school_b):
    return make_person("Bram Vrager", school=school_b)


def test_a_member_asks_and_the_expert_is_notified(
    client, expert, member, django_capture_on_commit_callbacks
):
    client.force_login(member.user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/deskundigen/{expert.slug}/vraag/", QUESTION)
    assert response.status_code == HTTPStatus.OK
    question = ContactRequest.objects.get()
    assert question.status == ContactStatus.OPEN and question.sender == member.user
    notification = Notification.objects.get(recipient=expert.user)
    assert "Bram Vrager" in notification.display_title()
    assert member.user.email not in notification.title
    assert notification.url == question.get_absolute_url()
    assert mail.outbox[-1].to == [expert.user.email]  # instant e-mail by default
    assert member.user.email not in mail.outbox[-1].body


def test_a_visitor_confirms_their_address_before_the_expert_sees_anything(
    client, expert, django_capture_on_commit_callbacks
):
    data = {**QUESTION, "name": "Ouder Van Dijk", "email": "bezoeker@regulier.nl"}
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/deskundigen/{expert.slug}/vraag/", data)
    question = ContactRequest.objects.get()
    assert question.status == ContactStatus.UNCONFIRMED
    assert not Notification.objects.exists()
    link = re.search(r"(/vraag/bevestigen/[^/\s]+/)", mail.outbox[-1].body).group(1)
    assert mail.outbox[-1].to == ["bezoeker@regulier.nl"]

    page = client.get(link)
    assert page.status_code == HTTPStatus.OK and not Notification.objects.exists()
    client.post(link)
    question.refresh_from_db()
    assert question.status == ContactStatus.OPEN
    assert Notification.objects.filter(recipient=expert.user).count() == 1
    assert client.post(link).status_code == HTTPStatus.NOT_FOUND, "a link works once"


def test_the_expert_answers_and_a_visitor_gets_it_by_mail(
    client, expert, django_capture_on_commit_callbacks
):
    from django.contrib.auth.models import AnonymousUser

    question = ask_expert(
        expert,
        user=AnonymousUser(),
        name="Ouder",
        email="ouder@regulier.nl",
        **QUESTION,
    )
    from network.contact import confirm_contact_request

    confirm_contact_request(question.confirmation_token)
    client.force_login(expert.user)
    page = client.get(question.get_absolute_url()).text
    assert "ouder@regulier.nl" not in page, "the expert never sees the address"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(question.get_absolute_url(), {"answer": "Begin met vijf picto's."})
    question.refresh_from_db()
    assert question.status == ContactStatus.ANSWERED
    assert mail.outbox[-1].to == ["ouder@regulier.nl"]
    assert "Begin met vijf picto's." in mail.outbox[-1].body
    assert expert.user.email not in mail.outbox[-1].body


def test_declining_tells_the_member_in_their_inbox(expert, member):
    question = ask_expert(expert, user=member.user, **QUESTION)
    reply(question, expert.user, answer="Geen ervaring met groep 3.", decline=True)
    question.refresh_from_db()
    assert question.status == ContactStatus.DECLINED
    assert Notification.objects.filter(
        recipient=member.user, kind="contact_answer"
    ).exists()
    with pytest.raises(NetworkError) as error:
        reply(question, expert.user, answer="Toch wel.")
    assert error.value.code == "already-handled"


def test_only_the_expert_answers_and_only_the_two_see_it(
    client, expert, member, make_person, school_a
):
    question = ask_expert(expert, user=member.user, **QUESTION)
    with pytest.raises(NetworkError):
        reply(question, member.user, answer="Ik antwoord zelf")
    stranger = make_person("Nieuwsgierig", school=school_a)
    client.force_login(stranger.user)
    assert client.get(question.get_absolute_url()).status_code == HTTPStatus.NOT_FOUND


def test_questions_are_rate_limited_per_sender(expert, member):
    for number in range(5):
        ask_expert(
            expert, user=member.user, **{**QUESTION, "subject": f"Vraag {number}"}
        )
    with pytest.raises(NetworkError) as error:
        ask_expert(expert, user=member.user, **QUESTION)
    assert error.value.code == "rate-limited"
    assert ContactRequest.objects.count() == 5


def test_rate_limit_message_appears_on_the_form(client, expert, member):
    client.force_login(member.user)
    for number in range(5):
        client.post(
            f"/deskundigen/{expert.slug}/vraag/", {**QUESTION, "subject": f"V{number}"}
        )
    response = client.post(
        f"/deskundigen/{expert.slug}/vraag/", {**QUESTION, "message": "Nog één"}
    )
    assert response.status_code == HTTPStatus.OK
    assert "Nog één" in response.text, "the question typed is kept"
    assert ContactRequest.objects.count() == 5


def test_visitors_cannot_ask_members_only_experts(client, make_person, school_a):
    private = make_person("Alleen Leden", school=school_a, questions=True)
    assert (
        client.get(f"/deskundigen/{private.slug}/vraag/").status_code
        == HTTPStatus.NOT_FOUND
    )


def test_experts_not_taking_questions_say_so(client, make_person, school_a):
    busy = make_person("Druk Bezet", school=school_a, visibility=Visibility.PUBLIC)
    response = client.get(f"/deskundigen/{busy.slug}/vraag/")
    assert "neemt op dit moment geen vragen aan" in response.text


def test_questions_outlive_either_side_deleting_their_account(expert, member):
    from network.privacy import delete_account

    asked = ask_expert(expert, user=member.user, **QUESTION)
    delete_account(expert.user)
    asked.refresh_from_db()
    assert asked.expert is None, "the asker keeps their question"
    assert asked.message == QUESTION["message"]

    delete_account(member.user)
    asked.refresh_from_db()
    assert asked.sender is None and asked.sender_name != "Bram Vrager"
    assert not Notification.objects.filter(recipient=member.user).exists()


def test_export_lists_my_questions_and_notifications(client, expert, member):
    import json

    ask_expert(expert, user=member.user, **QUESTION)
    client.force_login(expert.user)
    data = json.loads(client.post("/account/mijn-gegevens/").content)
    assert data["questions"]["received"][0]["subject"] == QUESTION["subject"]
    assert data["questions"]["asked"] == []
    assert data["notifications"][0]["title"].startswith("Vraag van Bram Vrager")
