"""The private helpdesk: a member asks, advisers work the case in the admin,
and nobody else ever learns of it."""

import datetime
import threading
from http import HTTPStatus

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connections
from django.utils import timezone

from association import helpdesk
from association.models import Case, CaseAttachment, CaseMessage, CaseStatus
from network.models import Notification
from network.privacy import delete_account
from tests import factories

pytestmark = pytest.mark.django_db
BSN = "111222333"  # passes the eleven-test
QUESTION = {
    "subject": "Geschil met het samenwerkingsverband over een TLV",
    "question": "Het SWV weigert een TLV voor een leerling met een ernstige TOS.",
}


@pytest.fixture
def coordinator(school):
    user = factories.make_user("coordinator", email="c@burcht.nl")
    factories.make_person("Cor Coördinator", school=school, user=user, coordinator=True)
    return user


@pytest.fixture
def case(reporter, theme):
    return helpdesk.ask(reporter, theme=theme, **QUESTION)


def _ask(client, theme, **extra):
    return client.post("/helpdesk/nieuw/", {**QUESTION, "theme": theme.pk, **extra})


def test_a_member_asks_and_the_advisers_hear_without_the_subject(
    client, reporter, theme, adviser, school
):
    client.force_login(reporter)
    form = client.get("/helpdesk/nieuw/")
    assert form.status_code == HTTPStatus.OK
    assert "data-helpdesk-suggestions" in form.text
    pdf = SimpleUploadedFile("brief.pdf", b"%PDF-1.7\n%...")
    response = _ask(client, theme, attachments=pdf)
    case = Case.objects.get()
    assert response["Location"] == case.get_absolute_url()
    assert case.asker == reporter and case.school == school
    assert case.status == CaseStatus.NEW and not case.share_with_coordinator
    assert case.attachments.get().name == "brief.pdf"
    note = Notification.objects.get(recipient=adviser)
    assert f"#{case.pk}" in note.title and "TLV" not in note.title
    assert note.url == f"/admin/helpdesk/{case.pk}/"
    listed = client.get("/helpdesk/").text
    assert "Geschil met het samenwerkingsverband" in listed and "Nieuw" in listed


def test_bad_input_is_named_at_its_field_and_nothing_typed_is_lost(
    client, reporter, theme
):
    client.force_login(reporter)
    response = _ask(client, theme, question=f"Leerling met BSN {BSN} zit thuis.")
    assert "question" in response.context["form"].errors
    assert "Geschil met het samenwerkingsverband" in response.text
    assert not Case.objects.exists()
    program = SimpleUploadedFile("brief.pdf", b"MZ\x90\x00 not a pdf")
    response = _ask(client, theme, attachments=program)
    assert "attachments" in response.context["form"].errors
    response = client.post("/helpdesk/nieuw/", {"theme": "999"})
    assert {"subject", "question", "theme"} <= set(response.context["form"].errors)
    _ask(client, theme, question=f"Nummer {BSN} is ons dossiernummer.", not_a_bsn="on")
    assert Case.objects.count() == 1


def test_only_members_ask(client, outsider):
    client.force_login(outsider)
    assert client.get("/helpdesk/nieuw/").status_code == HTTPStatus.FORBIDDEN
    assert client.get("/helpdesk/").status_code == HTTPStatus.FORBIDDEN
    client.logout()
    assert client.get("/helpdesk/nieuw/").status_code == HTTPStatus.FOUND


def test_who_sees_a_case_its_notes_and_its_files(
    client, case, reporter, colleague, coordinator, outsider, adviser
):
    attachment = CaseAttachment.objects.create(
        case=case,
        file=SimpleUploadedFile("brief.txt", b"Vertrouwelijk"),
        name="brief.txt",
        size=13,
        content_type="text/plain",
    )
    helpdesk.adviser_writes(case, adviser, "notitie", "Interne inschatting zqnotitie")
    helpdesk.adviser_writes(case, adviser, "antwoord", "Dien bezwaar in zqantwoord")
    case_url, file_url = case.get_absolute_url(), attachment.get_absolute_url()

    def sees(user) -> bool:
        client.logout()
        if user is not None:
            client.force_login(user)
        page = client.get(case_url)
        if page.status_code != HTTPStatus.OK:
            assert page.status_code in (HTTPStatus.NOT_FOUND, HTTPStatus.FOUND)
            assert client.get(file_url).status_code in (404, 302)
            return False
        assert "zqnotitie" not in page.text, "an internal note reached a member"
        assert "zqantwoord" in page.text
        assert client.get(file_url).status_code == HTTPStatus.OK
        return True

    assert sees(reporter)
    assert not sees(colleague) and not sees(outsider) and not sees(None)
    assert not sees(coordinator), "not shared: the coordinator does not see it"
    Case.objects.filter(pk=case.pk).update(share_with_coordinator=True)
    assert sees(coordinator)
    assert not sees(colleague), "shared with the coordinator only"
    client.force_login(coordinator)
    page = client.get(case_url).text
    assert "Vul uw vraag aan" not in page, "the coordinator reads only"
    assert "Geschil met het" in client.get("/helpdesk/").text
    # The admin's side: advisers only.
    client.force_login(reporter)
    assert client.get(f"/admin/helpdesk/{case.pk}/").status_code != HTTPStatus.OK
    client.force_login(adviser)
    admin_page = client.get(f"/admin/helpdesk/{case.pk}/").text
    assert "zqnotitie" in admin_page and "zqantwoord" in admin_page


def test_a_reply_reaches_the_member_by_link_and_their_reply_continues_the_case(
    client, case, reporter, adviser
):
    client.force_login(adviser)
    response = client.post(
        f"/admin/helpdesk/{case.pk}/",
        {"action": "write", "write-kind": "antwoord", "write-text": "Dien bezwaar in."},
    )
    assert response.status_code == HTTPStatus.FOUND
    case.refresh_from_db()
    assert case.status == CaseStatus.ANSWERED and case.assignee == adviser
    note = Notification.objects.get(recipient=reporter)
    assert note.url == case.get_absolute_url()
    assert "bezwaar" not in note.title + note.body and "TLV" not in note.title
    client.force_login(reporter)
    client.post(case.get_absolute_url(), {"text": "Bedankt, en de termijn?"})
    case.refresh_from_db()
    assert case.status == CaseStatus.ASSIGNED and case.awaiting_reply_since
    assert [m.kind for m in case.messages.all()] == ["antwoord", "lid"]
    assert Notification.objects.filter(recipient=adviser, kind="helpdesk").exists()


def test_a_note_changes_nothing_the_member_sees(case, reporter, adviser):
    helpdesk.adviser_writes(case, adviser, "notitie", "Even navragen bij OCW.")
    case.refresh_from_db()
    assert case.status == CaseStatus.ASSIGNED
    assert not Notification.objects.filter(recipient=reporter).exists()
    helpdesk.adviser_writes(case, adviser, "vraag", "Welk SWV is het?")
    case.refresh_from_db()
    assert case.status == CaseStatus.WAITING and case.awaiting_reply_since is None


def test_a_bad_reply_in_the_admin_keeps_the_text(client, case, adviser):
    client.force_login(adviser)
    text = f"Het nummer {BSN} noemen we niet."
    response = client.post(
        f"/admin/helpdesk/{case.pk}/",
        {"action": "write", "write-kind": "antwoord", "write-text": text},
    )
    assert response.status_code == HTTPStatus.OK
    assert text in response.text and not case.messages.exists()
    response = client.post(
        f"/admin/helpdesk/{case.pk}/", {"action": "merge", "merge-into": "999999"}
    )
    assert "999999" in response.text and "Er is geen vraag" in response.text


@pytest.mark.django_db(transaction=True)
def test_two_advisers_replying_at_once_keep_both_replies_in_order(
    reporter, theme, adviser
):
    second = factories.make_user("adviseur2", email="b@vereniging.nl", is_staff=True)
    second.groups.add(*adviser.groups.all())
    case = helpdesk.ask(reporter, theme=theme, **QUESTION)
    start = threading.Barrier(2)
    errors = []

    def write(user, kind, text):
        try:
            start.wait(timeout=30)
            helpdesk.adviser_writes(case, user, kind, text)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    workers = [
        threading.Thread(target=write, args=(adviser, "antwoord", "Eerste")),
        threading.Thread(target=write, args=(second, "vraag", "Tweede")),
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=60)

    assert errors == []
    messages = list(CaseMessage.objects.filter(case=case))
    assert sorted(m.text for m in messages) == ["Eerste", "Tweede"]
    assert messages[0].created_at <= messages[1].created_at
    case.refresh_from_db()
    last = messages[-1]
    expected = CaseStatus.ANSWERED if last.kind == "antwoord" else CaseStatus.WAITING
    assert case.status == expected, "the status is what the last reply says"
    assert case.assignee_id in (adviser.pk, second.pk)


def test_merging_moves_everything_and_only_for_one_member(
    client, case, reporter, colleague, theme, adviser
):
    again = helpdesk.ask(
        reporter, theme=theme, subject="Nog eens: TLV", question="Vergeten te zeggen."
    )
    helpdesk.member_writes(again, reporter, "En het gaat om cluster 2.")
    other = helpdesk.ask(colleague, theme=theme, subject="Iets anders", question="?")
    with pytest.raises(helpdesk.CaseError):
        helpdesk.merge(other, case, adviser)
    helpdesk.merge(again, case, adviser)
    again.refresh_from_db()
    assert again.merged_into == case and again.status == CaseStatus.CLOSED
    texts = [m.text for m in case.messages.all()]
    assert any("Vergeten te zeggen." in t for t in texts)
    assert "En het gaat om cluster 2." in texts
    client.force_login(reporter)
    response = client.get(again.get_absolute_url())
    assert response["Location"] == case.get_absolute_url()
    assert helpdesk.year_counts(timezone.now().year).total == 2, "merged counts once"


def test_a_reminder_after_the_set_working_days(case, adviser, settings):
    settings.HELPDESK_REMINDER_WORKING_DAYS = 2
    friday = timezone.make_aware(datetime.datetime(2026, 12, 4, 15, 0))
    Case.objects.filter(pk=case.pk).update(awaiting_reply_since=friday)
    monday = friday + datetime.timedelta(days=3)
    tuesday = monday + datetime.timedelta(days=1)
    assert helpdesk.working_days_between(friday, monday) == 1
    assert helpdesk.remind(now=monday) == 0, "a weekend is no waiting"
    Notification.objects.all().delete()
    assert helpdesk.remind(now=tuesday) == 1
    assert Notification.objects.filter(recipient=adviser).count() == 1
    assert helpdesk.remind(now=tuesday) == 0, "reminded once"
    call_command("send_helpdesk_reminders")


def test_the_year_counts_per_theme_and_status(client, case, adviser, theme):
    helpdesk.adviser_writes(case, adviser, "antwoord", "Zo.")
    counts = helpdesk.year_counts(timezone.now().year)
    row = next(r for r in counts.rows if r[0] == theme.name)
    answered = [s for s, _label in counts.statuses].index(CaseStatus.ANSWERED)
    assert row[1][answered] == 1 and counts.total == 1
    client.force_login(adviser)
    csv = client.get("/admin/helpdesk/jaar/?export=csv").content.decode()
    assert theme.name in csv


def test_closed_cases_are_purged_after_the_set_months(case, settings):
    settings.HELPDESK_PURGE_AFTER_MONTHS = 24
    helpdesk.set_status(case, CaseStatus.CLOSED)
    assert helpdesk.purge_closed() == 0
    Case.objects.filter(pk=case.pk).update(
        closed_at=timezone.now() - datetime.timedelta(days=30 * 25)
    )
    assert helpdesk.purge_closed() == 1 and not Case.objects.exists()


def test_export_and_deletion(client, case, reporter, adviser):
    helpdesk.adviser_writes(case, adviser, "notitie", "Intern.")
    helpdesk.adviser_writes(case, adviser, "antwoord", "Dien bezwaar in.")
    helpdesk.member_writes(
        case, reporter, "Groet, Rianne Melder (r@burcht.nl), De Burcht"
    )
    client.force_login(reporter)
    (exported,) = client.post("/account/mijn-gegevens/").json()["helpdesk_questions"]
    assert exported["subject"] == QUESTION["subject"]
    assert [m["text"] for m in exported["messages"]][0] == "Dien bezwaar in."
    assert "Intern." not in str(exported)
    delete_account(reporter)
    case.refresh_from_db()
    assert case.asker is None, "anonymised, not lost"
    assert case.question == QUESTION["question"]
    signed = case.messages.get(kind="lid").text
    assert "Rianne" not in signed and "Melder" not in signed
    assert "r@burcht.nl" not in signed and "De Burcht" not in signed


def test_suggestions_show_articles_and_solved_forum_questions_one_may_see(
    client, make_article, reporter
):
    from forums import services
    from forums.models import Category

    make_article("Een TLV aanvragen bij het samenwerkingsverband")
    client.force_login(reporter)
    # Before the forum has a helpdesk category: the articles alone.
    (only,) = client.get("/helpdesk/suggesties/?q=TLV").json()["items"]
    assert only["title"] == "Een TLV aanvragen bij het samenwerkingsverband"
    helpdesk_category = Category.objects.create(
        name="Helpdesk", slug="helpdesk", is_helpdesk=True
    )
    thread = services.start_thread(
        reporter, helpdesk_category, title="TLV verlengen?", body="Hoe?"
    )
    answer = services.reply(reporter, thread, body="Zo.")
    services.start_thread(
        reporter, helpdesk_category, title="TLV onbeantwoord", body="Nog niemand?"
    )
    client.force_login(reporter)
    found = client.get("/helpdesk/suggesties/?q=TLV").json()["items"]
    titles = [item["title"] for item in found]
    assert "Een TLV aanvragen bij het samenwerkingsverband" in titles
    assert "TLV verlengen?" not in titles, "not solved yet"
    services.accept_answer(reporter, answer)
    titles = [
        i["title"] for i in client.get("/helpdesk/suggesties/?q=TLV").json()["items"]
    ]
    assert "TLV verlengen?" in titles and "TLV onbeantwoord" not in titles
    assert client.get("/helpdesk/suggesties/?q=").json()["items"] == []
