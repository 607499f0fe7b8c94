"""Before and after a meeting: the day-before reminder, the purge of old
attendee data, a person's data export and account deletion, and the checks on
what editors fill in."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from events.models import EventOrganiser, OrganiserMessage, Registration, Status
from events.services import register
from network.privacy import delete_account, export_user_data

pytestmark = pytest.mark.django_db


def tomorrow_at(hour: int) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def test_reminder_goes_once_to_people_with_a_seat_for_tomorrow(
    make_event, django_capture_on_commit_callbacks
):
    start = tomorrow_at(14)
    tomorrow = make_event(
        capacity=1, start=start, end=start + datetime.timedelta(hours=2)
    )
    later = make_event()
    register(tomorrow, name="Anna", email="anna@school.nl", language="en")
    register(tomorrow, name="Bram", email="bram@school.nl")  # waiting list
    register(later, name="Cor", email="cor@school.nl")
    mail.outbox.clear()

    call_command("send_event_reminders", stdout=open("/dev/null", "w"))
    call_command("send_event_reminders", stdout=open("/dev/null", "w"))
    [reminder] = mail.outbox
    assert reminder.to == ["anna@school.nl"]
    assert reminder.subject == f"[LECSO] Tomorrow: {tomorrow.title}"
    assert reminder.attachments, "the reminder carries the calendar file"


def test_purge_removes_people_but_keeps_the_counts(make_event, django_user_model):
    admin = django_user_model.objects.create_superuser(
        "b", "b@lecso.nl", "x-wachtwoord"
    )
    long_ago = timezone.now() - datetime.timedelta(days=500)
    old = make_event(start=long_ago, end=long_ago + datetime.timedelta(hours=2))
    recent_start = timezone.now() - datetime.timedelta(days=20)
    recent = make_event(
        start=recent_start, end=recent_start + datetime.timedelta(hours=2)
    )
    for event in (old, recent):
        for n in range(2):
            register(event, name=f"P{n}", email=f"p{n}@school.nl", added_by=admin)
    Registration.objects.filter(event=old, email="p0@school.nl").update(
        status=Status.ATTENDED
    )

    call_command("purge_event_data", "--months", "12", stdout=open("/dev/null", "w"))
    old.refresh_from_db()
    assert not Registration.objects.filter(event=old).exists()
    assert old.purged_at and old.purged_summary == {"attended": 1, "confirmed": 1}
    assert Registration.objects.filter(event=recent).count() == 2


def test_export_and_account_deletion(
    make_event, member, django_capture_on_commit_callbacks
):
    long_ago = timezone.now() - datetime.timedelta(days=40)
    past = make_event(start=long_ago, end=long_ago + datetime.timedelta(hours=2))
    upcoming = make_event(
        capacity=1, questions=[{"label": "Dieet", "kind": "text", "sort_order": 0}]
    )
    question = upcoming.questions.get()
    register(past, name="Marieke", email=member.email, user=member, added_by=member)
    mine = register(
        upcoming,
        name="Marieke",
        email=member.email,
        user=member,
        answers={str(question.pk): "Vegan"},
    )
    next_in_line = register(upcoming, name="Bram", email="bram@school.nl")

    EventOrganiser.objects.create(event=upcoming, user=member, role="Gastvrouw")
    OrganiserMessage.objects.create(
        event=upcoming, sender=member, subject="Parkeren", body="Achter de school."
    )

    everything = export_user_data(member)
    exported = everything["event_registrations"]
    assert {r["event"] for r in exported} == {past.title, upcoming.title}
    assert {"Dieet": "Vegan"} in [r["answers"] for r in exported]
    assert [(o["event"], o["role"]) for o in everything["organiser_of"]] == [
        (upcoming.title, "Gastvrouw")
    ]
    [message] = everything["messages_to_attendees"]
    assert (message["subject"], message["body"]) == ("Parkeren", "Achter de school.")

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        delete_account(member)
    mine.refresh_from_db()
    next_in_line.refresh_from_db()
    assert mine.status == Status.CANCELLED and next_in_line.status == Status.CONFIRMED
    assert [m.to for m in mail.outbox] == [["bram@school.nl"]], "only Bram is told"
    leftovers = Registration.objects.filter(name="Marieke")
    assert not leftovers.exists()
    assert not Registration.objects.filter(email=member.email).exists()
    assert Registration.objects.filter(event=past).count() == 1, "the count stays"


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"end_offset": -1}, "end"),
        ({"format": "online", "online_url": ""}, "online_url"),
        ({"venue_name": "", "venue_city": ""}, "venue_name"),
        ({"close_after_end": True}, "registration_closes"),
    ],
)
def test_editors_get_a_clear_message_on_impossible_events(make_event, fields, field):
    event = make_event()
    if "end_offset" in fields:
        event.end = event.start - datetime.timedelta(hours=1)
    if fields.pop("close_after_end", False):
        event.registration_closes = event.end + datetime.timedelta(days=1)
    for name, value in fields.items():
        if name != "end_offset":
            setattr(event, name, value)
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert field in error.value.message_dict
