"""Registration rules, verification, login limits, two-factor, export and deletion."""

import json
import re
from http import HTTPStatus

import pytest
from django.core import mail

from network.models import (
    Affiliation,
    Invitation,
    Profile,
    SecuritySettings,
    Visibility,
)

pytestmark = pytest.mark.django_db
PASSWORD = "Een-lang-wachtwoord-42"


def sign_up(client, email, name="Nieuwe Collega"):
    return client.post(
        "/account/signup/",
        {"name": name, "email": email, "password1": PASSWORD, "password2": PASSWORD},
    )


def confirm_from_mail(client):
    link = re.search(
        r"https?://[^/\s]+(/account/confirm-email/[^\s]+/)", mail.outbox[-1].body
    )
    assert link, mail.outbox[-1].body
    return client.post(link.group(1))


def test_member_school_address_registers_and_joins_after_verification(client, school_a):
    response = sign_up(client, "juf.anna@deburcht.nl", name="Anna Jansen")
    assert response.status_code == HTTPStatus.FOUND
    assert not Affiliation.objects.exists(), "no membership before verification"

    confirm_from_mail(client)
    affiliation = Affiliation.objects.get()
    assert affiliation.school == school_a
    profile = affiliation.profile
    assert profile.name == "Anna Jansen"
    assert profile.visibility == Visibility.MEMBERS, "private by default"


def test_unknown_domain_is_told_why_and_what_to_do(client, school_a):
    response = sign_up(client, "iemand@gmail.com")
    assert response.status_code == HTTPStatus.OK
    html = response.text
    assert "e-mailadres van hun school" in html
    assert 'aria-invalid="true"' in html
    assert 'value="Nieuwe Collega"' in html, "what was typed is kept"
    assert not mail.outbox


def test_non_member_board_domain_cannot_register(client, make_school, other_board):
    make_school("Niet Lid", "56EF", board=other_board, domains="nietlid.nl")
    response = sign_up(client, "a@nietlid.nl")
    assert response.status_code == HTTPStatus.OK
    assert not mail.outbox


def test_invited_person_with_another_address_registers(
    client, school_a, make_person, django_capture_on_commit_callbacks
):
    coordinator = make_person("Coördinator", school=school_a)
    Affiliation.objects.filter(profile=coordinator).update(is_coordinator=True)
    client.force_login(coordinator.user)
    # The invitation's e-mail is queued with the invitation, sent once it commits.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/account/uitnodigen/",
            {"email": "prive.collega@gmail.com", "school": school_a.pk},
        )
    invitation = Invitation.objects.get()
    invite_mail = mail.outbox[-1]
    assert invitation.token in invite_mail.body
    assert invite_mail.to == ["prive.collega@gmail.com"]
    client.logout()

    follow = client.get(f"/account/uitnodiging/{invitation.token}/")
    assert follow.status_code == HTTPStatus.FOUND
    assert 'value="prive.collega@gmail.com"' in client.get("/account/signup/").text
    sign_up(client, "prive.collega@gmail.com")
    confirm_from_mail(client)
    invitation.refresh_from_db()
    assert invitation.accepted_at is not None
    assert Affiliation.objects.filter(
        school=school_a, profile__user__email="prive.collega@gmail.com"
    ).exists()


def test_an_invitation_is_for_its_own_address_only(client, school_a):
    invitation = Invitation.objects.create(email="juist@gmail.com", school=school_a)
    client.get(f"/account/uitnodiging/{invitation.token}/")
    response = sign_up(client, "ander@gmail.com")
    assert response.status_code == HTTPStatus.OK
    assert not mail.outbox


def test_a_used_or_unknown_invitation_explains_itself(client, school_a):
    response = client.get("/account/uitnodiging/bestaat-niet/")
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert "Uitnodiging niet geldig" in response.text


def test_only_coordinators_invite(client, make_person, school_a):
    colleague = make_person("Collega", school=school_a)
    client.force_login(colleague.user)
    response = client.post(
        "/account/uitnodigen/", {"email": "x@gmail.com", "school": school_a.pk}
    )
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert not Invitation.objects.exists()


def test_login_is_by_email_and_rate_limited(client, make_person, school_a):
    person = make_person("Inlogger", school=school_a)
    from allauth.account.models import EmailAddress

    EmailAddress.objects.create(
        user=person.user, email=person.user.email, verified=True, primary=True
    )
    for _attempt in range(5):
        wrong = client.post(
            "/account/login/", {"login": person.user.email, "password": "fout"}
        )
        assert wrong.status_code == HTTPStatus.OK
    blocked = client.post(
        "/account/login/",
        {"login": person.user.email, "password": "wachtwoord-voor-test"},
    )
    assert "_auth_user_id" not in client.session, (
        "the right password is refused while limited"
    )
    assert blocked.status_code in (HTTPStatus.OK, HTTPStatus.TOO_MANY_REQUESTS)


def test_admin_requires_two_factor_when_the_setting_says_so(admin_client):
    assert admin_client.get("/admin/").status_code == HTTPStatus.OK
    settings = SecuritySettings.load()
    settings.require_two_factor_for_admin = True
    settings.save()
    response = admin_client.get("/admin/")
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].endswith("/account/2fa/totp/activate/")


@pytest.fixture
def admin_with_totp(django_user_model):
    """A superuser with a verified address and an authenticator app; returns the
    user and a function that gives the app's current code."""
    import time

    from allauth.account.models import EmailAddress
    from allauth.mfa.totp.internal.auth import (
        TOTP,
        format_hotp_value,
        generate_totp_secret,
        hotp_value,
    )

    admin = django_user_model.objects.create_superuser(
        username="beheer", email="beheer@lecso.nl", password=PASSWORD
    )
    EmailAddress.objects.create(
        user=admin, email=admin.email, verified=True, primary=True
    )
    secret = generate_totp_secret()
    TOTP.activate(admin, secret)
    settings = SecuritySettings.load()
    settings.require_two_factor_for_admin = True
    settings.save()
    return admin, lambda: format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def test_the_admin_opens_only_after_the_second_factor(client, admin_with_totp):
    """Regression: with the requirement on, a password alone reached the admin
    through Wagtail's and Django's own login forms, since the check asked only
    whether an authenticator existed."""
    admin, code = admin_with_totp
    password_only = {"username": admin.username, "password": PASSWORD}
    # Wagtail's admin login and its front-end login send people to allauth's.
    for path in ("/admin/login/?next=/admin/pages/", "/_util/login/?next=/"):
        response = client.post(path, password_only)
        assert response.status_code == HTTPStatus.FOUND
        assert response["Location"].startswith("/account/login/"), path
        assert "_auth_user_id" not in client.session
    assert client.get("/django-admin/").status_code == HTTPStatus.NOT_FOUND

    # The password alone signs in only as far as the code.
    response = client.post(
        "/account/login/", {"login": admin.email, "password": PASSWORD}
    )
    assert response["Location"].startswith("/account/2fa/authenticate/")
    assert client.get("/admin/").status_code == HTTPStatus.FOUND
    assert "_auth_user_id" not in client.session
    client.post("/account/2fa/authenticate/", {"code": code()})
    assert client.get("/admin/").status_code == HTTPStatus.OK


def test_a_session_without_the_second_factor_is_asked_for_a_code(
    client, admin_with_totp
):
    """A session that signed in with the password only (before the requirement
    was switched on, say) is asked for a code, then returns to its page."""
    admin, code = admin_with_totp
    client.force_login(admin)
    response = client.get("/admin/pages/")
    assert response.status_code == HTTPStatus.FOUND
    assert (
        response["Location"] == "/account/2fa/reauthenticate/?next=%2Fadmin%2Fpages%2F"
    )
    back = client.post(response["Location"], {"code": code()})
    assert back["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == HTTPStatus.OK


def test_data_export_contains_my_data_and_nobody_elses(client, make_person, school_a):
    colleague = make_person(
        "Collega Anders", school=school_a, topics=["geheim-onderwerp"]
    )
    person = make_person(
        "Anna Export",
        school=school_a,
        needs=["communicatie"],
        topics=["OC"],
        bio="Hallo",
    )
    client.force_login(person.user)
    response = client.post("/account/mijn-gegevens/")
    assert response["Content-Disposition"].startswith(
        'attachment; filename="mijn-gegevens-'
    )
    data = json.loads(response.content)
    assert data["account"]["email"] == person.user.email
    assert data["profile"]["name"] == "Anna Export"
    assert data["profile"]["support_needs"] == ["Communicatie"]
    assert data["profile"]["topics"] == ["OC"]
    assert data["profile"]["schools"][0]["brin"] == "12AB"
    assert colleague.user.email not in response.content.decode()
    assert "Collega Anders" not in response.content.decode()
    assert "geheim-onderwerp" not in response.content.decode()
    assert (
        client.get("/account/mijn-gegevens/").status_code
        == HTTPStatus.METHOD_NOT_ALLOWED
    )


def test_deleting_my_account_anonymises_me_and_keeps_others(
    client, make_person, school_a
):
    me = make_person("Ik Verdwijn", school=school_a, visibility=Visibility.PUBLIC)
    other = make_person("Blijf Staan", school=school_a, visibility=Visibility.PUBLIC)
    client.force_login(me.user)
    wrong = client.post("/account/verwijderen/", {"password": "fout"})
    assert wrong.status_code == HTTPStatus.OK and 'aria-invalid="true"' in wrong.text
    assert Profile.objects.filter(pk=me.pk).exists()

    client.post("/account/verwijderen/", {"password": "wachtwoord-voor-test"})
    assert not Profile.objects.filter(pk=me.pk).exists()
    me.user.refresh_from_db()
    assert not me.user.is_active and not me.user.has_usable_password()
    assert me.user.email.endswith("@invalid") and me.user.first_name == ""
    assert "_auth_user_id" not in client.session
    assert Profile.objects.filter(pk=other.pk).exists()
    assert "Ik Verdwijn" not in client.get("/deskundigen/").text
    assert "Blijf Staan" in client.get("/deskundigen/").text


def test_profile_form_keeps_input_and_shows_errors_at_the_field(
    client, make_person, school_a
):
    person = make_person("Eva", school=school_a)
    client.force_login(person.user)
    response = client.post(
        "/account/profiel/",
        {
            "name": "",
            "job_title": "Logopedist",
            "visibility": "public",
            "bio": "Mijn tekst",
        },
    )
    assert response.status_code == HTTPStatus.OK
    assert 'aria-invalid="true"' in response.text
    assert 'value="Logopedist"' in response.text and "Mijn tekst" in response.text
    person.refresh_from_db()
    assert person.job_title == "" and person.visibility == Visibility.MEMBERS

    ok = client.post(
        "/account/profiel/",
        {
            "name": "Eva de Wit",
            "visibility": "public",
            "support_needs": [],
            "topics": "OC, NGT",
        },
    )
    assert ok.status_code == HTTPStatus.FOUND
    person.refresh_from_db()
    assert person.name == "Eva de Wit" and person.visibility == Visibility.PUBLIC
    assert sorted(person.topics.names()) == ["NGT", "OC"]


def test_photo_upload_is_checked_and_stored_as_a_wagtail_image(
    client, make_person, school_a
):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from wagtail.images.tests.utils import get_test_image_file

    person = make_person("Foto Persoon", school=school_a)
    client.force_login(person.user)
    not_an_image = SimpleUploadedFile("cv.png", b"dit is geen afbeelding", "image/png")
    refused = client.post(
        "/account/profiel/",
        {"name": "Foto Persoon", "visibility": "members", "photo_upload": not_an_image},
    )
    assert refused.status_code == HTTPStatus.OK
    assert 'aria-invalid="true"' in refused.text
    person.refresh_from_db()
    assert person.photo is None

    png = get_test_image_file(filename="portret.png").file.getvalue()
    image = SimpleUploadedFile("portret.png", png, "image/png")
    client.post(
        "/account/profiel/",
        {"name": "Foto Persoon", "visibility": "members", "photo_upload": image},
    )
    person.refresh_from_db()
    assert person.photo is not None and person.photo.title == "Foto Persoon"
    client.post(
        "/account/profiel/",
        {"name": "Foto Persoon", "visibility": "members", "remove_photo": "on"},
    )
    person.refresh_from_db()
    assert person.photo is None
