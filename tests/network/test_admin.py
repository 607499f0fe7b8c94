"""Editors manage the network in Wagtail's admin: listings, CSV upload, topic merge."""

from http import HTTPStatus

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from network.models import Profile, School, TaggedTopic, Topic
from network.services import NetworkError, merge_topics

pytestmark = pytest.mark.django_db

CSV = (
    "brin;naam;plaats;provincie;soort;clusters;bestuursnummer;bestuursnaam\n"
    "12AB;De Burcht;Utrecht;UT;SO;4;41001;Stichting Kans\n"
)


@pytest.mark.parametrize(
    "url",
    [
        "/admin/snippets/network/board/",
        "/admin/snippets/network/school/",
        "/admin/snippets/network/profile/",
        "/admin/snippets/network/supportneed/",
        "/admin/snippets/network/topic/",
        "/admin/snippets/network/school/add/",
        "/admin/netwerk/import/",
        "/admin/netwerk/onderwerpen-samenvoegen/",
    ],
)
def test_admin_screens_open(admin_client, url):
    assert admin_client.get(url).status_code == HTTPStatus.OK


def test_csv_upload_checks_first_then_imports(admin_client):
    def upload(**options):
        data = {"file": SimpleUploadedFile("scholen.csv", CSV.encode()), **options}
        return admin_client.post("/admin/netwerk/import/", data)

    checked = upload(dry_run="on")
    assert "1 aangemaakt, 0 bijgewerkt" in checked.text
    assert "<td>aangemaakt</td>" in checked.text
    assert not School.objects.exists()
    upload()
    assert School.objects.get(brin="12AB").board.number == "41001"


def test_a_duo_register_upload_lists_what_it_lacks_and_what_is_left_to_complete(
    admin_client,
):
    from pathlib import Path

    sample = Path(__file__).parent / "data" / "duo_vso_vestigingen.csv"
    old = admin_client.post(
        "/admin/netwerk/import/", {"file": SimpleUploadedFile("s.csv", CSV.encode())}
    )
    assert old.status_code == HTTPStatus.OK and School.objects.count() == 1
    # De Burcht stays; the register adds three schools an editor must complete.
    School.objects.filter(brin="12AB").update(brin="11ZZ")

    response = admin_client.post(
        "/admin/netwerk/import/",
        {"file": SimpleUploadedFile("duo.csv", sample.read_bytes())},
    )

    assert "DUO-register" in response.text
    assert "<td>12AB01</td>" in response.text
    assert "Op de site maar niet in dit bestand" in response.text
    assert "11ZZ De Burcht, Utrecht" in response.text
    assert "4 scholen moeten nog worden aangevuld" in response.text
    listing = admin_client.get("/admin/snippets/network/school/?to_complete=true")
    assert "Orthopedagogisch Centrum" in listing.text
    assert "11ZZ" not in listing.text


def test_csv_upload_shows_file_errors_at_the_field(admin_client):
    data = {"file": SimpleUploadedFile("leeg.csv", b"")}
    response = admin_client.post("/admin/netwerk/import/", data)
    assert response.status_code == HTTPStatus.OK
    assert "error-message" in response.text
    assert not School.objects.exists()


def test_csv_upload_names_the_line_of_an_undecodable_byte_in_dutch(admin_client):
    data = CSV.encode("cp1252").replace(b"De Burcht", b"De Bur\x9dcht")
    response = admin_client.post(
        "/admin/netwerk/import/",
        {
            "file": SimpleUploadedFile("scholen.csv", data),
            "apply_valid_rows": "on",
        },
    )
    assert response.status_code == HTTPStatus.OK
    assert "error-message" in response.text
    assert "Regel 2" in response.text and "0x9D" in response.text
    # The form is kept as it was sent: the ticked box stays ticked.
    form = response.context["form"]
    assert form["apply_valid_rows"].value() is True
    assert not form["dry_run"].value()
    assert not School.objects.exists()


def test_people_without_permission_cannot_import(client, django_user_model):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user(
        username="redacteur", email="r@example.org", password="x"
    )
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.post(
        "/admin/netwerk/import/", {"file": SimpleUploadedFile("s.csv", CSV.encode())}
    )
    assert response.status_code in (HTTPStatus.FORBIDDEN, HTTPStatus.FOUND)
    assert not School.objects.exists()


def test_merging_topics_moves_every_use_once(make_person, admin_client):
    a = make_person("A", topics=["OC"])
    b = make_person("B", topics=["ondersteunde communicatie", "OC"])
    make_person("C", topics=["ondersteunde communicatie"])
    source = Topic.objects.get(name="OC")
    target = Topic.objects.get(name="ondersteunde communicatie")

    response = admin_client.post(
        "/admin/netwerk/onderwerpen-samenvoegen/",
        {"source": source.pk, "target": target.pk},
    )
    assert response.status_code == HTTPStatus.FOUND
    assert not Topic.objects.filter(name="OC").exists()
    assert TaggedTopic.objects.filter(tag=target).count() == 3
    for profile in (a, b):
        assert list(Profile.objects.get(pk=profile.pk).topics.names()) == [
            "ondersteunde communicatie"
        ]


def test_a_topic_cannot_be_merged_into_itself(make_person):
    make_person("A", topics=["OC"])
    topic = Topic.objects.get()
    with pytest.raises(NetworkError) as error:
        merge_topics(topic, topic)
    assert error.value.code == "same-topic"
    assert Topic.objects.filter(pk=topic.pk).exists()


@pytest.mark.parametrize(
    ("query", "found"),
    [("anna", "Anna de Vries"), ("Vries", "Anna de Vries"), ("gedrag", "Bram Jansen")],
)
def test_admin_profile_search_finds_the_profile(
    make_person, admin_client, query, found
):
    """Wagtail hands a viewset's search_fields to the search backend for an
    indexed model, and SQLite's full-text table has no such columns (a 500)."""
    make_person("Anna de Vries", job_title="Logopedist")
    make_person("Bram Jansen", job_title="Gedragsspecialist")
    other = {"Anna de Vries", "Bram Jansen"} - {found}

    response = admin_client.get("/admin/snippets/network/profile/", {"q": query})
    assert response.status_code == HTTPStatus.OK
    assert found in response.text
    assert other.pop() not in response.text


def test_admin_profile_chooser_search_finds_by_name(make_person, admin_client):
    make_person("Anna de Vries")
    make_person("Bram Jansen")
    chooser = admin_client.get("/admin/snippets/choose/network/profile/", {"q": "ann"})
    assert chooser.status_code == HTTPStatus.OK
    assert "Anna de Vries" in chooser.text and "Bram Jansen" not in chooser.text
