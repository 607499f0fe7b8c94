"""Organiser tools: who may use them, moving people, adding by hand, exports,
check-in, messages to attendees, and the Wagtail admin overview."""

import csv
import io
from http import HTTPStatus

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from events.models import EventOrganiser, Registration, Status
from events.services import register
from network.models import Notification

pytestmark = pytest.mark.django_db


@pytest.fixture
def event_with_people(make_event, organiser, member):
    event = make_event(
        capacity=2,
        questions=[{"label": "Dieetwensen", "kind": "text", "sort_order": 0}],
    )
    EventOrganiser.objects.create(event=event, user=organiser)
    diet = event.questions.get()
    people = [
        register(
            event, name="Anna", email="anna@school.nl", answers={str(diet.pk): "Halal"}
        ),
        register(event, name="Marieke", email=member.email, user=member),
        register(event, name="Bram", email="bram@school.nl"),
    ]
    return event, people


def test_only_organisers_and_editors_see_registrations(
    client, event_with_people, member, organiser, outsider
):
    event, _ = event_with_people
    url = f"/agenda/beheer/{event.pk}/"
    assert client.get(url).status_code == 302, "visitors are sent to sign in"
    for person in (member, outsider):
        client.force_login(person)
        assert client.get(url).status_code == 403
        assert client.get(url + "export.csv").status_code == 403
        assert (
            client.post(
                f"{url}toevoegen/", {"name": "x", "email": "x@x.nl"}
            ).status_code
            == 403
        )
    client.force_login(organiser)
    page = client.get(url)
    assert page.status_code == 200
    assert "Halal" in page.text and "Bram" in page.text
    event_page = client.get(event.url).text
    assert "Aanmeldingen beheren" in event_page
    assert "Olga Organisator" in event_page and "organisator</" not in event_page


def test_confirming_from_the_waiting_list_needs_a_free_seat(
    client, event_with_people, organiser, django_capture_on_commit_callbacks
):
    event, (anna, marieke, bram) = event_with_people
    client.force_login(organiser)
    move = f"/agenda/beheer/{event.pk}/{bram.pk}/verplaatsen/"
    response = client.post(move, {"to": "confirmed"}, follow=True)
    assert "Er is geen plaats vrij" in response.text
    bram.refresh_from_db()
    assert bram.status == Status.WAITING

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/agenda/beheer/{event.pk}/{marieke.pk}/verplaatsen/", {"to": "waiting"}
        )
        client.post(move, {"to": "confirmed"})
    marieke.refresh_from_db()
    bram.refresh_from_db()
    assert (marieke.status, bram.status) == ("waiting", "confirmed")
    assert Registration.objects.filter(event=event, status="confirmed").count() == 2
    # Marieke is a member: the change reaches her inbox as well as her e-mail.
    assert Notification.objects.filter(
        recipient=marieke.user, kind="event_moved"
    ).exists()
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert subjects["bram@school.nl"].startswith("[LECSO] Een plek voor u")
    assert subjects[marieke.email].startswith("[LECSO] Naar de wachtlijst")


def test_add_by_hand_after_registration_closed(client, make_event, organiser):
    import datetime

    from django.utils import timezone

    event = make_event(
        capacity=1,
        registration_closes=timezone.now() - datetime.timedelta(hours=1),
    )
    EventOrganiser.objects.create(event=event, user=organiser)
    client.force_login(organiser)
    url = f"/agenda/beheer/{event.pk}/toevoegen/"
    client.post(
        url, {"name": "Telefonisch", "email": "tel@school.nl", "language": "nl"}
    )
    client.post(url, {"name": "Tweede", "email": "twee@school.nl", "language": "en"})
    statuses = dict(Registration.objects.values_list("email", "status"))
    assert statuses == {"tel@school.nl": "confirmed", "twee@school.nl": "waiting"}
    again = client.post(
        url, {"name": "Dubbel", "email": "TEL@school.nl", "language": "nl"}
    )
    assert again.status_code == 400 and "al aangemeld" in again.text
    bad = client.post(url, {"name": "", "email": "geen-adres", "language": "nl"})
    assert bad.status_code == 400 and 'value="geen-adres"' in bad.text
    assert Registration.objects.count() == 2


def test_exports_hold_answers_and_defuse_formulas(client, event_with_people, organiser):
    event, (anna, *_) = event_with_people
    anna.name = '=HYPERLINK("http://kwaad.example")'
    anna.save()
    client.force_login(organiser)
    response = client.get(f"/agenda/beheer/{event.pk}/export.csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:5] == ["Nr.", "Naam", "E-mailadres", "School", "Status"]
    assert rows[0][-1] == "Dieetwensen"
    assert rows[1][1].startswith("'="), "a formula is written as text"
    assert rows[1][-1] == "Halal"
    assert rows[2][3] == "De Burcht", "a member's school is listed"
    assert [r[4] for r in rows[1:]] == ["Bevestigd", "Bevestigd", "Op de wachtlijst"]

    waiting = client.get(f"/agenda/beheer/{event.pk}/export.csv?status=waiting")
    assert len(list(csv.reader(io.StringIO(waiting.content.decode("utf-8-sig"))))) == 2

    xlsx = client.get(f"/agenda/beheer/{event.pk}/export.xlsx")
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0][-1] == "Dieetwensen" and values[1][-1] == "Halal"
    assert values[1][1].startswith("'=")
    assert len(values) == 4


def test_check_in_at_the_door(client, event_with_people, organiser):
    event, (anna, marieke, bram) = event_with_people
    client.force_login(organiser)
    page = client.get(f"/agenda/beheer/{event.pk}/inchecken/?q=ann")
    assert "Anna" in page.text and "Bram" not in page.text
    url = f"/agenda/beheer/{event.pk}/inchecken/{anna.pk}/"
    client.post(url, {"present": "1"})
    anna.refresh_from_db()
    assert anna.status == Status.ATTENDED and anna.attended_at
    assert (
        "1 van de 2 ingecheckt"
        in client.get(f"/agenda/beheer/{event.pk}/inchecken/").text
    )
    client.post(url, {"present": "0"})
    anna.refresh_from_db()
    assert anna.status == Status.CONFIRMED and anna.attended_at is None
    waiting_in = client.post(
        f"/agenda/beheer/{event.pk}/{bram.pk}/verplaatsen/",
        {"to": "attended"},
        follow=True,
    )
    assert "Alleen mensen met een bevestigde plaats" in waiting_in.text
    refused = client.post(
        f"/agenda/beheer/{event.pk}/inchecken/{bram.pk}/", {"present": "1"}, follow=True
    )
    assert "Alleen mensen met een bevestigde plaats" in refused.text
    bram.refresh_from_db()
    assert bram.status == Status.WAITING


def test_message_reaches_everyone_with_a_seat_only(
    client, event_with_people, organiser, member, django_capture_on_commit_callbacks
):
    event, _ = event_with_people
    client.force_login(organiser)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/agenda/beheer/{event.pk}/bericht/",
            {"subject": "Parkeren", "body": "Parkeer <b>achter</b> het gebouw."},
            follow=True,
        )
    assert "Uw bericht gaat naar 2 mensen" in response.text
    assert sorted(m.to[0] for m in mail.outbox) == ["anna@school.nl", member.email]
    assert "Parkeer <b>achter</b> het gebouw." in mail.outbox[0].body
    assert (
        Notification.objects.filter(recipient=member, kind="event_message").count() == 1
    )
    assert "Parkeren" in client.get(f"/agenda/beheer/{event.pk}/").text

    empty = client.post(
        f"/agenda/beheer/{event.pk}/bericht/", {"subject": "", "body": "x"}
    )
    assert empty.status_code == 400


def test_admin_overview_and_header_button(client, event_with_people, django_user_model):
    event, _ = event_with_people
    admin = django_user_model.objects.create_superuser(
        "beheer", "beheer@lecso.nl", "wachtwoord-voor-test"
    )
    client.force_login(admin)
    overview = client.get("/admin/aanmeldingen/")
    assert overview.status_code == 200
    assert (
        event.title in overview.text and f"/agenda/beheer/{event.pk}/" in overview.text
    )
    edit = client.get(f"/admin/pages/{event.pk}/edit/")
    assert edit.status_code == 200
    assert f"/agenda/beheer/{event.pk}/" in edit.text
    chooser = client.get("/admin/person_chooser/?q=organisator")
    assert chooser.status_code == 200
    add = client.get(f"/admin/pages/add/events/eventpage/{event.get_parent().pk}/")
    assert add.status_code == 200
    assert "Vragen bij aanmelding" in add.text and "Workshoprondes" in add.text


def test_purge_from_the_admin_needs_a_confirmation(
    client, make_event, django_user_model
):
    import datetime

    from django.utils import timezone

    admin = django_user_model.objects.create_superuser(
        "beheer", "beheer@lecso.nl", "wachtwoord-voor-test"
    )
    long_ago = timezone.now() - datetime.timedelta(days=400)
    old = make_event(start=long_ago, end=long_ago + datetime.timedelta(hours=2))
    register(old, name="Oud", email="oud@school.nl", added_by=admin)
    client.force_login(admin)
    assert (
        "1 bijeenkomst liep meer dan 12 maanden"
        in client.get("/admin/aanmeldingen/").text
    )
    refused = client.post(
        "/admin/aanmeldingen/opschonen/", {"months": "12"}, follow=True
    )
    assert "Er is niets verwijderd" in refused.text
    assert Registration.objects.filter(event=old).exists()
    client.post("/admin/aanmeldingen/opschonen/", {"months": "12", "confirm": "on"})
    assert not Registration.objects.filter(event=old).exists()


def test_admin_overview_lists_what_each_person_may_manage_in_constant_queries(
    client, agenda, make_event, organiser, member, django_user_model
):
    """The overview shows an organiser their own meetings, past ones too, and an
    editor of the agenda every meeting; its query count does not grow with the
    number of meetings. It agrees with can_manage for every person and event."""
    import datetime

    from django.contrib.auth.models import Group, Permission
    from django.utils import timezone
    from wagtail.models import GroupPagePermission

    from events.models import EventPage
    from events.permissions import can_manage, manageable_events

    access_admin = Permission.objects.get(codename="access_admin")
    organiser.user_permissions.add(access_admin)
    mine = make_event(title="Mijn studiedag")
    EventOrganiser.objects.create(event=mine, user=organiser)
    make_event(title="Andermans studiedag")
    long_ago = timezone.now() - datetime.timedelta(days=400)
    for n in range(32):
        # More past meetings than the overview lists, all newer than the one below.
        make_event(title=f"Oud {n}", start=long_ago + datetime.timedelta(days=n + 1))
    old_one = make_event(title="Mijn oude studiedag", start=long_ago)
    EventOrganiser.objects.create(event=old_one, user=organiser)

    editors = Group.objects.create(name="Agenda-redactie")
    editors.permissions.add(access_admin)
    GroupPagePermission.objects.create(
        group=editors,
        page=agenda,
        permission=Permission.objects.get(codename="change_page"),
    )
    editor = django_user_model.objects.create_user(
        username="redacteur", email="redactie@lecso.nl", password="wachtwoord-voor-test"
    )
    editor.groups.add(editors)

    client.force_login(organiser)
    client.get("/admin/aanmeldingen/")  # the first request fills caches
    with CaptureQueriesContext(connection) as few:
        response = client.get("/admin/aanmeldingen/")
    assert response.status_code == HTTPStatus.OK
    overview = response.text
    assert "Mijn studiedag" in overview and "Mijn oude studiedag" in overview
    assert "Andermans studiedag" not in overview and "Oud 1" not in overview

    for n in range(5):
        extra = make_event(title=f"Extra {n}")
        EventOrganiser.objects.create(event=extra, user=organiser)
    with CaptureQueriesContext(connection) as more:
        response = client.get("/admin/aanmeldingen/")
    assert response.status_code == HTTPStatus.OK
    assert "Extra 4" in response.text
    assert len(more) == len(few)

    client.force_login(editor)
    overview = client.get("/admin/aanmeldingen/").text
    assert "Mijn studiedag" in overview and "Andermans studiedag" in overview

    events = list(EventPage.objects.all())
    for person in (organiser, editor, member):
        person = django_user_model.objects.get(pk=person.pk)  # fresh permissions
        assert set(manageable_events(person)) == {
            event for event in events if can_manage(person, event)
        }, person.username


def test_admin_overview_pages_the_coming_meetings_with_their_own_counts(
    client, make_event, django_user_model, monkeypatch
):
    """Coming meetings come in pages, soonest first; each row counts its own
    seats and waiting list, and a cancelled registration counts in neither."""
    from events import admin_views
    from events.services import cancel

    monkeypatch.setattr(admin_views, "UPCOMING_PER_PAGE", 2)
    admin = django_user_model.objects.create_superuser(
        "beheer", "beheer@lecso.nl", "wachtwoord-voor-test"
    )
    full = make_event(title="Eerste studiedag", capacity=1, days=3)
    register(full, name="Anna", email="anna@school.nl")
    register(full, name="Bram", email="bram@school.nl")  # waits
    cancel(register(full, name="Cor", email="cor@school.nl"))
    make_event(title="Tweede studiedag", days=5)
    third = make_event(title="Derde studiedag", days=9)
    register(third, name="Dirk", email="dirk@school.nl")

    client.force_login(admin)
    first_page = client.get("/admin/aanmeldingen/").text
    assert "Eerste studiedag" in first_page and "Tweede studiedag" in first_page
    assert "Derde studiedag" not in first_page
    row = first_page.split("Eerste studiedag")[1].split("</tr>")[0]
    assert [cell.split("</td>")[0].strip() for cell in row.split("<td>")[2:4]] == [
        "1 / 1",
        "1",
    ]
    assert "Pagina 1 van 2" in first_page and 'href="?p=2"' in first_page

    second_page = client.get("/admin/aanmeldingen/?p=2").text
    assert "Derde studiedag" in second_page and "Eerste studiedag" not in second_page
    row = second_page.split("Derde studiedag")[1].split("</tr>")[0]
    assert [cell.split("</td>")[0].strip() for cell in row.split("<td>")[2:4]] == [
        "1 / 3",
        "0",
    ]
