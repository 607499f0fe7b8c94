"""Consultations: the association asks its members; each answers once (or
each board once), reminders before closing, results without small numbers."""

import datetime
import threading
from http import HTTPStatus

import pytest
from django.db import connections
from django.utils import timezone

from association.consultations import AlreadyAnswered, remind, results, submit
from association.models import Consultation, Question, Response
from network.models import Notification
from network.privacy import delete_account
from tests import factories

pytestmark = pytest.mark.django_db
BSN = "111222333"


def make_consultation(*, audience="alle", answer_by="persoon", closes_in=10, **kw):
    now = timezone.now()
    consultation = Consultation.objects.create(
        title="Standpunt thuiszitters",
        slug=f"standpunt-{Consultation.objects.count()}",
        intro="Wij stellen **voor** dat...",
        opens_at=kw.pop("opens_at", now - datetime.timedelta(days=1)),
        closes_at=now + datetime.timedelta(days=closes_in),
        audience=audience,
        answer_by=answer_by,
        **kw,
    )
    Question.objects.create(
        consultation=consultation,
        text="Steunt u het standpunt?",
        kind="een",
        choices="Ja\nNee\nWeet niet",
        sort_order=1,
    )
    Question.objects.create(
        consultation=consultation,
        text="Toelichting",
        kind="open",
        required=False,
        sort_order=2,
    )
    return consultation


def answer_fields(consultation, choice="Ja", text=""):
    first, second = consultation.questions.all()
    return {f"q{first.pk}": choice, f"q{second.pk}": text}


@pytest.fixture
def board_schools(db):
    board = factories.make_board("Stichting Kans", "41001")
    return (
        factories.make_school("De Burcht", "12AB", board=board, clusters=(4,)),
        factories.make_school("Het Baken", "34CD", board=board, clusters=(2,)),
    )


def test_a_member_answers_once_and_sees_results_after_closing(
    client, reporter, adviser
):
    consultation = make_consultation()
    client.force_login(reporter)
    page = client.get(consultation.get_absolute_url())
    assert page.status_code == HTTPStatus.OK and "<strong>voor</strong>" in page.text
    client.post(consultation.get_absolute_url(), answer_fields(consultation))
    assert Response.objects.filter(user=reporter).count() == 1
    again = client.post(
        consultation.get_absolute_url(), answer_fields(consultation, "Nee"), follow=True
    )
    assert Response.objects.count() == 1 and "u hebt deze" in again.text.lower()
    results_url = f"{consultation.get_absolute_url()}resultaten/"
    assert client.get(results_url).status_code == 404  # still open
    client.force_login(adviser)
    assert client.get(results_url).status_code == HTTPStatus.OK
    Consultation.objects.filter(pk=consultation.pk).update(closes_at=timezone.now())
    client.force_login(reporter)
    assert client.get(results_url).status_code == HTTPStatus.OK


def test_a_consultation_for_another_cluster_takes_no_answer(client, reporter):
    consultation = make_consultation(audience="cluster-2")  # the reporter is in 4
    client.force_login(reporter)
    page = client.get(consultation.get_absolute_url())
    assert page.context["form"] is None
    client.post(consultation.get_absolute_url(), answer_fields(consultation))
    assert not Response.objects.exists()
    assert consultation.title not in client.get("/raadplegingen/").text


def test_one_answer_per_board_given_by_a_coordinator(client, board_schools):
    burcht, baken = board_schools
    consultation = make_consultation(answer_by="bestuur")
    teacher = factories.make_member("Lies Leerkracht", school=burcht)
    first = factories.make_person("Coördinator 1", school=burcht, coordinator=True)
    second = factories.make_person("Coördinator 2", school=baken, coordinator=True)

    client.force_login(teacher)
    assert client.get(consultation.get_absolute_url()).context["form"] is None
    client.post(consultation.get_absolute_url(), answer_fields(consultation))
    assert not Response.objects.exists()

    client.force_login(first.user)
    client.post(consultation.get_absolute_url(), answer_fields(consultation))
    response = Response.objects.get()
    assert response.board == burcht.board
    for user in (second.user, teacher):
        client.force_login(user)
        page = client.get(consultation.get_absolute_url())
        assert page.context["form"] is None
        assert "Stichting Kans" in page.text  # it was answered, and by whom
    with pytest.raises(AlreadyAnswered):
        submit(second.user, consultation, {})


@pytest.mark.django_db(transaction=True)
def test_two_coordinators_of_one_board_answering_at_once_give_one_answer(
    board_schools,
):
    burcht, baken = board_schools
    consultation = make_consultation(answer_by="bestuur")
    coordinators = [
        factories.make_person("Coördinator 1", school=burcht, coordinator=True),
        factories.make_person("Coördinator 2", school=baken, coordinator=True),
    ]
    question = consultation.questions.first()
    outcomes = []
    start = threading.Barrier(2)

    def answer(user):
        try:
            start.wait(timeout=30)
            submit(user, consultation, {question.pk: "Ja"})
            outcomes.append("ok")
        except AlreadyAnswered:
            outcomes.append("already")
        finally:
            connections.close_all()

    workers = [
        threading.Thread(target=answer, args=(person.user,)) for person in coordinators
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=60)
    assert sorted(outcomes) == ["already", "ok"]
    assert Response.objects.count() == 1


def test_results_hide_small_numbers_and_list_open_answers_without_names(db):
    consultation = make_consultation()
    first, second = consultation.questions.all()
    for number in range(9):
        member = factories.make_member(f"Lid {number}", email=f"lid{number}@x.nl")
        choice = "Ja" if number < 6 else "Nee"
        submit(member, consultation, {first.pk: choice, second.pk: f"Omdat {number}"})
    respondents, (closed, open_) = results(consultation)
    assert respondents == 9
    rows = {row.option: row for row in closed.rows}
    assert rows["Ja"].shown == 6 and rows["Ja"].percent == 67 and rows["Ja"].bar
    assert str(rows["Nee"].shown) == "minder dan 5" and rows["Nee"].percent is None
    assert rows["Nee"].bar == 0
    assert rows["Weet niet"].shown == 0
    assert open_.open_answers == sorted(f"Omdat {n}" for n in range(9))
    assert "Lid" not in " ".join(open_.open_answers)


def test_an_open_answer_with_a_bsn_is_refused_until_confirmed(client, reporter):
    consultation = make_consultation()
    client.force_login(reporter)
    data = answer_fields(consultation, text=f"Leerling {BSN} zit thuis.")
    response = client.post(consultation.get_absolute_url(), data)
    assert response.status_code == HTTPStatus.OK
    assert "zit thuis" in response.text and not Response.objects.exists()
    client.post(consultation.get_absolute_url(), {**data, "not_a_bsn": "on"})
    assert Response.objects.count() == 1


def test_a_bad_answer_is_named_at_the_question(client, reporter):
    consultation = make_consultation()
    client.force_login(reporter)
    first = consultation.questions.first()
    response = client.post(
        consultation.get_absolute_url(), {f"q{first.pk}": "Misschien"}
    )
    assert f"q{first.pk}" in response.context["form"].errors
    assert not Response.objects.exists()


def test_reminders_reach_those_who_have_not_answered_once(reporter, colleague):
    consultation = make_consultation(closes_in=2, reminder_days=3)
    later = make_consultation(closes_in=20, reminder_days=3)
    submit(colleague, consultation, {consultation.questions.first().pk: "Ja"})
    assert remind() == 1
    (note,) = Notification.objects.filter(kind="consultation")
    assert note.recipient == reporter and note.url == consultation.get_absolute_url()
    assert remind() == 0  # once only; the later one is not due yet
    later.refresh_from_db()
    assert later.reminded_at is None


def test_answers_are_exported_and_stay_counted_after_deletion(client, reporter):
    consultation = make_consultation()
    submit(reporter, consultation, {consultation.questions.first().pk: "Nee"})
    client.force_login(reporter)
    export = client.post("/account/mijn-gegevens/").json()
    (mine,) = export["consultation_answers"]
    assert mine["answers"] == [{"question": "Steunt u het standpunt?", "answer": "Nee"}]
    delete_account(reporter)
    response = Response.objects.get()
    assert response.user is None and response.answers.count() == 1


def test_only_members_see_consultations(client, outsider):
    consultation = make_consultation()
    assert client.get("/raadplegingen/").status_code == HTTPStatus.FOUND
    client.force_login(outsider)
    assert client.get("/raadplegingen/").status_code == HTTPStatus.FORBIDDEN
    assert client.get(consultation.get_absolute_url()).status_code == 404
