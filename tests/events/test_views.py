"""Registering through the site: members, visitors who confirm their address,
the personal link to see or cancel, and a clear answer for every refusal."""

import datetime
import re
from http import HTTPStatus

import pytest
from django.core import mail
from django.utils import timezone

from events.links import registration_token
from events.models import Audience, Registration, Status
from events.services import register

pytestmark = pytest.mark.django_db


def link_in(message) -> str:
    return re.search(r"http://\S+", message.body).group(0)


def path_of(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


def test_event_page_shows_facts_seats_and_no_meeting_link(client, make_event):
    event = make_event(
        capacity=2, format="hybrid", online_url="https://meet.example/geheim-123"
    )
    register(event, name="Anna", email="anna@school.nl")
    page = client.get(event.url)
    assert page.status_code == 200
    assert re.search(r"<dt>Plaatsen vrij</dt>\s*<dd>1", page.text)
    assert "De Brug" in page.text
    assert "geheim-123" not in page.text, "the meeting link is for registrants only"


def test_member_registers_with_answers_and_gets_email_with_calendar(
    client, make_event, member, django_capture_on_commit_callbacks
):
    event = make_event(
        questions=[
            {"label": "Dieetwensen", "kind": "text", "sort_order": 0},
            {
                "label": "Rolstoeltoegankelijk nodig",
                "kind": "checkbox",
                "sort_order": 1,
            },
        ]
    )
    diet, access = event.questions.all()
    client.force_login(member)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            event.url,
            {f"question_{diet.pk}": "Vegetarisch", f"question_{access.pk}": "on"},
        )
    assert response.status_code == 302
    registration = Registration.objects.get(event=event)
    assert registration.user == member
    assert registration.email == "marieke@deburcht.nl"
    assert registration.name == "Marieke de Vries"
    assert registration.status == Status.CONFIRMED
    assert registration.answers == {str(diet.pk): "Vegetarisch", str(access.pk): True}

    [message] = mail.outbox
    assert message.to == ["marieke@deburcht.nl"]
    assert message.subject.startswith("[LECSO] U bent aangemeld")
    [(filename, content, mimetype)] = message.attachments
    assert filename.endswith(".ics") and mimetype.startswith("text/calendar")
    assert "BEGIN:VEVENT" in content.decode() if isinstance(content, bytes) else content

    detail = client.get(path_of(response.url))
    assert "Vegetarisch" in detail.text and "Bevestigd" in detail.text


def test_required_question_keeps_what_was_typed(client, make_event, member):
    event = make_event(
        questions=[
            {"label": "Dieetwensen", "kind": "text", "sort_order": 0},
            {
                "label": "Welke workshop",
                "kind": "choice",
                "choices": "Autisme\nTaalontwikkeling",
                "required": True,
                "sort_order": 1,
            },
        ]
    )
    diet, workshop = event.questions.all()
    client.force_login(member)
    response = client.post(event.url, {f"question_{diet.pk}": "Halal"})
    assert response.status_code == 400
    assert "Dit is een verplicht veld" in response.text
    assert 'value="Halal"' in response.text, "nothing typed is lost"
    assert not Registration.objects.exists()


def test_visitor_confirms_address_before_a_seat_is_taken(
    client, make_event, django_capture_on_commit_callbacks
):
    event = make_event(audience=Audience.OPEN)
    response = client.post(
        event.url, {"name": "Piet Jansen", "email": "piet@regulier.nl"}
    )
    assert response.status_code == 200
    assert "Kijk in uw mailbox" in response.text
    assert not Registration.objects.exists(), "no seat before the address is confirmed"
    [confirm] = mail.outbox
    assert confirm.to == ["piet@regulier.nl"]

    link = path_of(link_in(confirm))
    assert client.get(link).status_code == 200
    assert not Registration.objects.exists(), "opening the link alone registers nobody"
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(link)
    assert done.status_code == 302
    registration = Registration.objects.get()
    assert (registration.name, registration.status) == ("Piet Jansen", "confirmed")
    assert mail.outbox[-1].attachments, "the confirmation carries the calendar file"

    again = client.post(link)
    assert "al aangemeld" in client.get(again.url).text
    assert Registration.objects.count() == 1


def test_tampered_visitor_link_registers_nobody(client, make_event):
    event = make_event(audience=Audience.OPEN)
    client.post(event.url, {"name": "Piet", "email": "piet@regulier.nl"})
    link = path_of(link_in(mail.outbox[0]))
    tampered = link[:-3] + ("A" if link[-3] != "A" else "B") + link[-2:]
    response = client.post(tampered)
    assert response.status_code == 400
    assert "Deze link is niet geldig" in response.text
    assert not Registration.objects.exists()


def test_members_only_event_refuses_visitors_and_outsiders(
    client, make_event, outsider
):
    event = make_event(audience=Audience.MEMBERS)
    page = client.get(event.url)
    assert "alleen voor leden" in page.text and '<form method="post"' not in page.text
    refused = client.post(event.url, {"name": "Piet", "email": "piet@regulier.nl"})
    assert refused.status_code == 403
    assert "alleen voor leden" in refused.text
    client.force_login(outsider)
    assert client.post(event.url, {}).status_code == 403
    assert not Registration.objects.exists() and not mail.outbox


@pytest.mark.parametrize(
    ("fields", "text"),
    [
        (
            {"registration_opens": timezone.now() + datetime.timedelta(days=2)},
            "Aanmelden kan vanaf",
        ),
        (
            {"registration_closes": timezone.now() - datetime.timedelta(hours=1)},
            "Aanmelden voor deze bijeenkomst is gesloten",
        ),
    ],
)
def test_registration_outside_the_window_says_why(
    client, make_event, member, fields, text
):
    event = make_event(**fields)
    client.force_login(member)
    assert text in client.get(event.url).text
    response = client.post(event.url, {})
    assert response.status_code == 409
    assert not Registration.objects.exists()


@pytest.mark.parametrize(
    ("fields", "text"),
    [
        (
            {"registration_opens": timezone.now() + datetime.timedelta(days=2)},
            "Aanmelden is nog niet geopend",
        ),
        (
            {"registration_closes": timezone.now() - datetime.timedelta(hours=1)},
            "Aanmelden voor deze bijeenkomst is gesloten",
        ),
    ],
)
def test_a_visitor_outside_the_window_hears_the_services_reason(
    client, make_event, fields, text
):
    """The page asks the registration service (require_open) before it mails
    a visitor a confirmation link, so it says what the service says."""
    event = make_event(audience="open", **fields)
    response = client.post(
        event.url, {"name": "Bezoeker", "email": "bezoeker@elders.nl"}, follow=False
    )
    assert response.status_code == 409
    assert text in response.text
    assert not mail.outbox


def test_duplicate_registration_points_to_the_existing_one(client, make_event, member):
    event = make_event()
    client.force_login(member)
    client.post(event.url, {})
    again = client.post(event.url, {})
    assert again.status_code == 302
    assert "al aangemeld" in client.get(path_of(again.url)).text
    assert Registration.objects.count() == 1


def test_cancel_through_the_email_link_promotes_the_next_person(
    client, make_event, django_capture_on_commit_callbacks
):
    event = make_event(capacity=1)
    with django_capture_on_commit_callbacks(execute=True):
        first = register(event, name="Anna", email="anna@school.nl")
        waiting = register(event, name="Bram", email="bram@school.nl")
    mail.outbox.clear()
    link = path_of(link_in_manage(first))
    assert "Afmelden" in client.get(link).text
    # The first press asks whether she is sure, and changes nothing yet.
    asked = client.post(link, {"action": "cancel"})
    assert asked.status_code == HTTPStatus.OK
    assert "Ja, afmelden" in asked.text and "Nee, ik blijf aangemeld" in asked.text
    first.refresh_from_db()
    assert first.status == "confirmed"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(link, {"action": "cancel", "bevestigd": "ja"})
    first.refresh_from_db()
    waiting.refresh_from_db()
    assert (first.status, waiting.status) == ("cancelled", "confirmed")
    by_address = {m.to[0]: m for m in mail.outbox}
    assert by_address["bram@school.nl"].subject.startswith("[LECSO] Een plek voor u")
    assert by_address["bram@school.nl"].attachments
    assert by_address["anna@school.nl"].subject.startswith(
        "[LECSO] Aanmelding geannuleerd"
    )


def link_in_manage(registration) -> str:
    return f"/agenda/aanmelding/{registration_token(registration)}/"


def test_tampered_cancel_link_changes_nothing(client, make_event):
    event = make_event()
    registration = register(event, name="Anna", email="anna@school.nl")
    token = registration_token(registration)
    bad = token[:-1] + ("x" if token[-1] != "x" else "y")
    response = client.post(f"/agenda/aanmelding/{bad}/", {"action": "cancel"})
    assert response.status_code == 404
    assert "Deze link is niet geldig" in response.text
    registration.refresh_from_db()
    assert registration.status == "confirmed"


def test_email_goes_out_in_the_language_of_the_registration(
    client, make_event, django_capture_on_commit_callbacks
):
    event = make_event(audience=Audience.OPEN)
    with django_capture_on_commit_callbacks(execute=True):
        register(event, name="Emma", email="emma@school.uk", language="en")
        register(event, name="Eva", email="eva@school.nl", language="nl")
    english, dutch = mail.outbox
    assert english.subject.startswith("[LECSO] You are registered")
    assert "/en/agenda/aanmelding/" in english.body
    assert dutch.subject.startswith("[LECSO] U bent aangemeld")


def test_visitor_confirmation_mails_are_rate_limited(client, make_event):
    event = make_event(audience=Audience.OPEN)
    for _ in range(5):
        client.post(event.url, {"name": "Piet", "email": "piet@regulier.nl"})
    response = client.post(event.url, {"name": "Piet", "email": "piet@regulier.nl"})
    assert response.status_code == 429
    assert len(mail.outbox) == 5


def test_account_page_lists_upcoming_registrations(client, make_event, member):
    event = make_event()
    registration = register(event, name="Marieke", email=member.email, user=member)
    client.force_login(member)
    page = client.get("/account/")
    assert "Mijn aanmeldingen" in page.text
    assert event.title in page.text
    assert f"/agenda/aanmelding/{registration_token(registration)}/" in page.text


@pytest.mark.parametrize(
    ("who", "named"),
    [
        ("visitor", {"Petra Publiek"}),
        ("outsider", {"Petra Publiek"}),
        ("member", {"Petra Publiek", "Lotte Leden"}),
    ],
)
def test_organisers_are_named_only_as_their_profiles_allow(
    client, make_event, member, outsider, django_user_model, who, named
):
    """A hidden or members-only profile keeps its owner's name off the event
    page for those who may not see the profile (regression: the page named
    every organiser to everyone)."""
    from events.models import EventOrganiser
    from network.models import Profile

    event = make_event(audience="open")
    for name, visibility in [
        ("Petra Publiek", "public"),
        ("Lotte Leden", "members"),
        ("Vera Verborgen", "hidden"),
    ]:
        user = django_user_model.objects.create_user(
            username=name.split()[0].lower(), email=f"{name.split()[0]}@x.nl"
        )
        Profile.objects.create(user=user, name=name, visibility=visibility)
        EventOrganiser.objects.create(event=event, user=user, role="gastvrouw")
    if who != "visitor":
        client.force_login({"member": member, "outsider": outsider}[who])
    page = client.get(event.url).text
    shown = {n for n in ("Petra Publiek", "Lotte Leden", "Vera Verborgen") if n in page}
    assert shown == named
    assert page.count("gastvrouw") == len(named)


WORKSHOP_ROUND = [
    {"round": 1, "title": "Autisme in de klas", "capacity": 1, "sort_order": 0},
    {"round": 1, "title": "Taalontwikkeling", "capacity": None, "sort_order": 1},
]


def _field_group(html: str, name: str) -> str:
    """The form's field group that holds the inputs called `name`."""
    groups = re.findall(r'<div class="field form-field">.*?</fieldset>', html, re.S)
    return next(g for g in groups if f'name="{name}"' in g)


def test_full_workshop_is_said_at_its_round_with_everything_kept(
    client, make_event, member
):
    """Two people, one seat left in a workshop: the second hears at that
    round's choice that it is full, and what they typed stays."""
    event = make_event(
        capacity=10,
        sessions=WORKSHOP_ROUND,
        questions=[{"label": "Dieetwensen", "kind": "text", "sort_order": 0}],
    )
    autism, language = event.sessions.all()
    [diet] = event.questions.all()
    register(event, name="Eerste", email="eerste@school.nl", sessions=[autism])
    client.force_login(member)
    response = client.post(
        event.url, {"round_1": autism.pk, f"question_{diet.pk}": "Halal"}
    )
    assert response.status_code in (400, 409)
    round_group = _field_group(response.text, "round_1")
    assert "Autisme in de klas is vol. Kies een andere workshop." in round_group
    assert 'value="Halal"' in response.text, "nothing typed is lost"
    assert not Registration.objects.filter(user=member).exists()

    chosen_again = client.post(
        event.url, {"round_1": language.pk, f"question_{diet.pk}": "Halal"}
    )
    assert chosen_again.status_code == 302
    registration = Registration.objects.get(user=member)
    assert list(registration.sessions.all()) == [language]
    assert registration.answers == {str(diet.pk): "Halal"}


def test_workshop_filled_while_the_form_was_sent_is_said_at_its_round(
    make_event, member
):
    """The seat went between the form's check and the registration's lock:
    the service's refusal lands at the round too, not as an error page."""
    from events.forms import RegistrationForm
    from events.services import RegistrationError, session_seats_left

    event = make_event(capacity=10, sessions=WORKSHOP_ROUND)
    autism, _ = event.sessions.all()
    form = RegistrationForm(
        {"round_1": autism.pk},
        event=event,
        visitor=False,
        session_free=session_seats_left(event),
    )
    assert form.is_valid(), "one seat was still free when the form was checked"
    register(event, name="Sneller", email="sneller@school.nl", sessions=[autism])
    with pytest.raises(RegistrationError) as refused:
        register(event, name="M", email=member.email, sessions=form.sessions())
    form.add_registration_error(refused.value)
    assert form.errors == {
        "round_1": ["Autisme in de klas is vol. Kies een andere workshop."]
    }
