"""Signals from the field: a member reports a bottleneck, the policy
advisers work it in the admin, and nobody else ever reads it."""

import re
from http import HTTPStatus

import pytest
from django.utils import timezone

from association.models import Dossier, MessageKind, Signal, SignalMessage
from association.services import report_signal
from network.models import Notification
from network.privacy import delete_account

from .conftest import SIGNAL

pytestmark = pytest.mark.django_db
# Passes the eleven-test: a possible citizen service number.
BSN = "111222333"


def test_a_member_reports_a_signal_that_counts_for_their_school(
    client, reporter, theme, adviser, school
):
    client.force_login(reporter)
    form = client.get("/signalen/nieuw/")
    assert form.status_code == HTTPStatus.OK
    assert "herkend" in form.text  # the warning not to describe a pupil
    response = client.post(
        "/signalen/nieuw/", {**SIGNAL, "theme": theme.pk, "alliance": "SWV Utrecht"}
    )
    signal = Signal.objects.get()
    assert response["Location"] == signal.get_absolute_url()
    assert signal.reporter == reporter and signal.school == school
    assert signal.province == "UT" and signal.school_type == "so-vso"
    assert list(signal.clusters.values_list("number", flat=True)) == [4]
    assert not signal.may_name_school  # the school is not named unless allowed
    note = Notification.objects.get(recipient=adviser)
    assert "Leerlingenvervoer" in note.title and "busjes" not in note.title
    assert "busjes" in client.get("/signalen/").text


def test_a_number_like_a_bsn_is_refused_and_nothing_typed_is_lost(
    client, reporter, theme
):
    client.force_login(reporter)
    data = {**SIGNAL, "theme": theme.pk, "effect": f"Leerling {BSN} mist lessen."}
    response = client.post("/signalen/nieuw/", data)
    assert "effect" in response.context["form"].errors
    assert "De busjes komen structureel" in response.text
    assert not Signal.objects.exists()
    client.post("/signalen/nieuw/", {**data, "not_a_bsn": "on"})
    assert Signal.objects.count() == 1


def test_a_bad_signal_form_names_each_field(client, reporter):
    client.force_login(reporter)
    response = client.post("/signalen/nieuw/", {"theme": "999", "since": "ooit"})
    errors = response.context["form"].errors
    assert {"theme", "since", "what", "effect"} <= set(errors)


def test_only_members_of_member_schools_report(client, outsider):
    assert client.get("/signalen/nieuw/").status_code == HTTPStatus.FOUND  # login
    client.force_login(outsider)
    assert client.get("/signalen/").status_code == HTTPStatus.FORBIDDEN
    assert client.get("/signalen/nieuw/").status_code == HTTPStatus.FORBIDDEN


def test_a_signal_reaches_its_reporter_and_the_advisers_only(
    client, reporter, colleague, outsider, adviser, theme
):
    signal = report_signal(reporter, theme=theme, **SIGNAL)
    for other in (colleague, outsider):
        client.force_login(other)
        assert client.get(signal.get_absolute_url()).status_code == 404
        assert "busjes" not in client.get("/signalen/").text
    client.force_login(adviser)
    assert "busjes" in client.get(signal.get_absolute_url()).text
    admin = client.get(f"/admin/snippets/association/signal/edit/{signal.pk}/")
    assert admin.status_code == HTTPStatus.OK and "busjes" in admin.text
    # A colleague with the admin's door open but not an adviser reads nothing.
    colleague.is_staff = True
    colleague.save()
    client.force_login(colleague)
    listing = client.get("/admin/snippets/association/signal/")
    assert "busjes" not in listing.text


def test_an_advisers_reply_reaches_the_reporter_and_a_note_never_does(
    client, reporter, adviser, theme
):
    signal = report_signal(reporter, theme=theme, **SIGNAL)
    client.force_login(adviser)
    url = f"/admin/snippets/association/signal/edit/{signal.pk}/"
    response = client.post(
        url,
        {
            "status": "bekeken",
            "dossier": "",
            "messages-TOTAL_FORMS": "2",
            "messages-INITIAL_FORMS": "0",
            "messages-MIN_NUM_FORMS": "0",
            "messages-MAX_NUM_FORMS": "1000",
            "messages-0-kind": "vraag",
            "messages-0-text": "Geldt dit voor alle routes?",
            "messages-1-kind": "notitie",
            "messages-1-text": "Intern: dezelfde vervoerder als in Tilburg.",
        },
    )
    assert response.status_code == HTTPStatus.FOUND, response.content[:2000]
    assert SignalMessage.objects.filter(author=adviser).count() == 2
    titles = list(
        Notification.objects.filter(recipient=reporter).values_list("title", flat=True)
    )
    assert len(titles) == 2  # the question and the new status; not the note
    assert any("bekeken" in title for title in titles)

    client.force_login(reporter)
    page = client.get(signal.get_absolute_url())
    assert "Geldt dit voor alle routes?" in page.text
    assert "dezelfde vervoerder" not in page.text
    response = client.post(signal.get_absolute_url(), {"text": "Ja, alle drie."})
    assert response.status_code == HTTPStatus.FOUND
    assert SignalMessage.objects.filter(kind=MessageKind.FROM_REPORTER).exists()
    assert Notification.objects.filter(recipient=adviser).count() == 2


def test_a_published_dossier_is_for_members_and_counts_schools_safely(
    client, reporter, outsider, theme
):
    dossier = Dossier.objects.create(
        title="Vervoer", slug="vervoer", summary="Wat we **deden**."
    )
    signal = report_signal(reporter, theme=theme, **SIGNAL)
    signal.dossier = dossier
    signal.save()
    client.force_login(reporter)
    assert client.get("/signalen/dossiers/vervoer/").status_code == 404
    dossier.published_at = timezone.now()
    dossier.save()
    page = client.get("/signalen/dossiers/vervoer/")
    assert "<strong>deden</strong>" in page.text
    assert "minder dan 5" in page.text and not re.search(r"\b1 scho", page.text)
    assert "Vervoer" in client.get(signal.get_absolute_url()).text
    client.force_login(outsider)
    assert client.get("/signalen/dossiers/vervoer/").status_code == 404
    client.logout()
    assert client.get("/signalen/dossiers/").status_code == HTTPStatus.FOUND


def test_signals_are_exported_and_stay_unlinked_after_deletion(
    client, reporter, adviser, theme
):
    signal = report_signal(reporter, theme=theme, **SIGNAL)
    SignalMessage.objects.create(signal=signal, kind=MessageKind.NOTE, text="Intern")
    SignalMessage.objects.create(signal=signal, kind=MessageKind.REPLY, text="Dank")
    client.force_login(reporter)
    export = client.post("/account/mijn-gegevens/").json()
    (exported,) = export["signals"]
    assert exported["what"] == SIGNAL["what"]
    assert [m["text"] for m in exported["messages"]] == ["Dank"]

    delete_account(reporter)
    signal.refresh_from_db()
    assert signal.reporter is None and signal.school is not None
    assert signal.what == SIGNAL["what"]


def test_publishing_a_dossier_tells_its_reporters_and_members_find_it(
    reporter, colleague, outsider, theme
):
    from django.contrib.auth.models import AnonymousUser
    from django.utils.html import strip_tags

    from search import engine
    from search.sources import Filters

    dossier = Dossier.objects.create(
        title="Leerlingenvervoer op het platteland", slug="vervoer", summary="Wat."
    )
    report_signal(reporter, theme=theme, **SIGNAL).__class__.objects.update(
        dossier=dossier
    )
    assert not Notification.objects.filter(kind="dossier").exists()
    dossier.published_at = timezone.now()
    dossier.save()
    (told,) = Notification.objects.filter(kind="dossier")
    assert told.recipient == reporter and told.url == dossier.get_absolute_url()
    dossier.save()  # saved again: nobody is told twice
    assert Notification.objects.filter(kind="dossier").count() == 1

    def found(user):
        outcome = engine.search(user, "platteland", Filters(), kind="dossiers")
        return [strip_tags(r.title) for r in outcome.page.object_list]

    assert found(colleague) == ["Leerlingenvervoer op het platteland"]
    assert found(outsider) == [] and found(AnonymousUser()) == []
    # The signal's own words are found by nobody.
    everything = engine.search(colleague, "busjes", Filters())
    assert not everything.page.object_list
