"""Asking a special school for an offer: a member or a confirmed visitor
sends a request; the offer's contact and the school's coordinators accept,
decline or pass it on; nobody sees an e-mail address."""

import re
import threading
from http import HTTPStatus

import pytest
from django.core import mail
from django.db import connections

from network.models import Notification, RequestStatus, SupportRequest
from network.services import NetworkError
from network.support_requests import ACCEPT, DECLINE, REFER, respond, send_request
from tests.factories import make_offer

pytestmark = pytest.mark.django_db

GOOD = {
    "sender_school": "Basisschool De Linde, Zeist",
    "question": "Kunnen jullie meekijken bij een leerling die vastloopt?",
    "pupil_need": "Een leerling in groep 5 die veel prikkels niet kan verwerken.",
}
# Passes the eleven-test: a possible citizen service number.
BSN = "111222333"


@pytest.fixture
def people(make_person, school_a, school_b):
    contact = make_person("Ineke Contact", school=school_a)
    coordinator = make_person("Carla Coördinator", school=school_a, coordinator=True)
    return {
        "contact": contact,
        "coordinator": coordinator,
        "colleague": make_person("Kees Collega", school=school_a),
        "asker": make_person("Bram Vrager", school=school_b),
        "outsider": make_person("Olga Buiten", school=school_b),
    }


@pytest.fixture
def offer(school_a, people):
    return make_offer(
        "Meedenken bij gedrag", school=school_a, contact=people["contact"]
    )


def request_url(offer) -> str:
    return f"/aanbod/{offer.pk}-{offer.slug}/vragen/"


def test_a_members_request_reaches_the_contact_and_coordinators(client, offer, people):
    client.force_login(people["asker"].user)
    response = client.post(request_url(offer), GOOD)
    assert response.status_code == HTTPStatus.OK
    sent = SupportRequest.objects.get()
    assert sent.status == RequestStatus.OPEN and sent.sender == people["asker"].user
    reached = set(
        Notification.objects.filter(kind="support_request").values_list(
            "recipient__profile__name", flat=True
        )
    )
    assert reached == {"Ineke Contact", "Carla Coördinator"}
    # The notification names the offer and the asking school, not the question.
    note = Notification.objects.filter(kind="support_request").first()
    assert "vastloopt" not in note.title + note.body

    client.force_login(people["coordinator"].user)
    page = client.get(sent.get_absolute_url())
    assert "vastloopt" in page.text and "prikkels" in page.text
    assert people["asker"].user.email not in page.text
    response = client.post(
        sent.get_absolute_url(),
        {"action": "accept", "message": "Bel ons maandag, dan plannen we een bezoek."},
    )
    assert response.status_code == HTTPStatus.FOUND
    answer = Notification.objects.get(kind="support_answer")
    assert answer.recipient == people["asker"].user

    client.force_login(people["asker"].user)
    mine = client.get(sent.get_absolute_url())
    assert "Bel ons maandag" in mine.text
    assert people["coordinator"].user.email not in mine.text
    assert "Meedenken bij gedrag" in client.get("/account/ondersteuningsvragen/").text


def test_a_visitors_request_waits_for_the_confirmed_address(
    client, offer, people, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            request_url(offer),
            {**GOOD, "name": "Vera Bezoeker", "email": "vera@linde.nl"},
        )
    assert response.status_code == HTTPStatus.OK
    sent = SupportRequest.objects.get()
    assert sent.status == RequestStatus.UNCONFIRMED
    assert not Notification.objects.exists()
    (confirmation,) = mail.outbox
    assert confirmation.to == ["vera@linde.nl"]
    link = re.search(r"https?://\S+/aanbod/vraag/bevestigen/\S+/", confirmation.body)
    path = "/" + link.group(0).split("/", 3)[3]

    assert client.get(path).status_code == HTTPStatus.OK  # a button, not a send
    assert SupportRequest.objects.get().status == RequestStatus.UNCONFIRMED
    client.post(path)
    sent.refresh_from_db()
    assert sent.status == RequestStatus.OPEN
    assert Notification.objects.filter(kind="support_request").count() == 2
    assert client.post(path).status_code == HTTPStatus.NOT_FOUND

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        respond(
            sent,
            people["contact"].user,
            action=DECLINE,
            message="Dit valt buiten onze regio; probeer De Kade.",
        )
    (answer,) = mail.outbox
    assert answer.to == ["vera@linde.nl"]
    assert "probeer De Kade" in answer.body
    assert people["contact"].user.email not in answer.body

    client.force_login(people["contact"].user)
    page = client.get(sent.get_absolute_url())
    assert "vera@linde.nl" not in page.text and "Vera Bezoeker" in page.text


def test_a_number_like_a_bsn_is_refused_until_the_sender_says_it_is_not_one(
    client, offer, people
):
    client.force_login(people["asker"].user)
    data = {**GOOD, "pupil_need": f"Leerling {BSN} heeft veel moeite met taal."}
    response = client.post(request_url(offer), data)
    assert response.status_code == HTTPStatus.OK
    assert "pupil_need" in response.context["form"].errors
    assert "heeft veel moeite met taal" in response.text  # nothing typed is lost
    assert not SupportRequest.objects.exists()

    client.post(request_url(offer), {**data, "not_a_bsn": "on"})
    assert SupportRequest.objects.count() == 1


def test_passing_a_request_on_lets_the_colleague_answer_it(offer, people):
    sent = send_request(offer, user=people["asker"].user, **GOOD)
    respond(
        sent,
        people["coordinator"].user,
        action=REFER,
        message="Kees, jij kent deze vraag.",
        colleague=people["colleague"],
    )
    sent.refresh_from_db()
    assert sent.status == RequestStatus.REFERRED
    assert Notification.objects.filter(
        recipient=people["colleague"].user, kind="support_request"
    ).exists()
    respond(sent, people["colleague"].user, action=ACCEPT, message="Ik bel u.")
    sent.refresh_from_db()
    assert sent.status == RequestStatus.ACCEPTED
    assert sent.handled_by == people["colleague"].user


def test_a_request_can_only_be_passed_to_someone_at_the_school(offer, people):
    sent = send_request(offer, user=people["asker"].user, **GOOD)
    with pytest.raises(NetworkError, match="collega"):
        respond(
            sent,
            people["coordinator"].user,
            action=REFER,
            message="",
            colleague=people["outsider"],
        )


def test_a_request_reaches_no_one_else(client, offer, people, make_person, school_a):
    sent = send_request(offer, user=people["asker"].user, **GOOD)
    url = sent.get_absolute_url()
    for name in ("outsider", "colleague"):
        client.force_login(people[name].user)
        assert client.get(url).status_code == HTTPStatus.NOT_FOUND
        assert "Meedenken" not in client.get("/account/ondersteuningsvragen/").text
        with pytest.raises(NetworkError):
            respond(sent, people[name].user, action=ACCEPT, message="Ja")
    client.logout()
    assert client.get(url).status_code == HTTPStatus.FOUND  # to the login page
    # The asker cannot answer their own request.
    with pytest.raises(NetworkError):
        respond(sent, people["asker"].user, action=ACCEPT, message="Ja")


def test_the_schools_own_staff_cannot_ask_it(client, offer, people):
    client.force_login(people["colleague"].user)
    response = client.get(request_url(offer))
    assert "uw eigen school" in response.text or "eigen aanbod" in response.text
    client.post(request_url(offer), GOOD)
    assert not SupportRequest.objects.exists()


def test_an_answer_needs_a_message_and_a_referral_a_colleague(client, offer, people):
    sent = send_request(offer, user=people["asker"].user, **GOOD)
    client.force_login(people["contact"].user)
    response = client.post(sent.get_absolute_url(), {"action": "accept"})
    assert "message" in response.context["form"].errors
    response = client.post(sent.get_absolute_url(), {"action": "refer"})
    assert "colleague" in response.context["form"].errors
    assert SupportRequest.objects.get().status == RequestStatus.OPEN


def test_a_visitor_address_is_limited_per_hour(client, offer, people, settings):
    settings.RATE_LIMIT_VISITOR_QUESTIONS = "100/h"
    data = {**GOOD, "name": "Vera", "email": "vera@linde.nl"}
    for _ in range(5):
        client.post(request_url(offer), data)
    response = client.post(request_url(offer), data)
    assert SupportRequest.objects.count() == 5
    assert "korte tijd" in response.text


def test_a_client_is_limited_whatever_address_it_gives(client, offer, people, settings):
    settings.RATE_LIMIT_VISITOR_QUESTIONS = "3/h"
    for number in range(4):
        response = client.post(
            request_url(offer), {**GOOD, "name": "V", "email": f"v{number}@linde.nl"}
        )
    assert SupportRequest.objects.count() == 3
    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS


@pytest.mark.django_db(transaction=True)
def test_two_coordinators_answering_at_once_give_one_answer(offer, people):
    sent = send_request(offer, user=people["asker"].user, **GOOD)
    outcomes = []
    start = threading.Barrier(2)

    def answer(user, action):
        try:
            start.wait(timeout=30)
            respond(sent, user, action=action, message="Antwoord")
            outcomes.append("ok")
        except NetworkError as error:
            outcomes.append(error.code)
        finally:
            connections.close_all()

    workers = [
        threading.Thread(target=answer, args=(people["contact"].user, ACCEPT)),
        threading.Thread(target=answer, args=(people["coordinator"].user, DECLINE)),
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=60)

    assert sorted(outcomes) == ["already-handled", "ok"]
    assert Notification.objects.filter(kind="support_answer").count() == 1


def test_requests_are_in_the_export_and_leave_with_a_deleted_account(
    client, offer, people
):
    from network.privacy import delete_account

    sent = send_request(offer, user=people["asker"].user, **GOOD)
    respond(sent, people["contact"].user, action=ACCEPT, message="Ik bel u.")
    client.force_login(people["asker"].user)
    export = client.post("/account/mijn-gegevens/").json()
    (mine,) = export["support_requests"]["sent"]
    assert mine["question"] == GOOD["question"] and mine["answer"] == "Ik bel u."
    client.force_login(people["contact"].user)
    export = client.post("/account/mijn-gegevens/").json()
    assert export["support_requests"]["answered"][0]["status"] == "accepted"

    delete_account(people["asker"].user)
    sent.refresh_from_db()
    assert sent.sender is None and "Bram" not in sent.sender_name
    client.force_login(people["contact"].user)
    assert "Bram" not in client.get(sent.get_absolute_url()).text
