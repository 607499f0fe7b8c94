"""Limits per client (IP address) on top of the per-address ones: visitor
questions, sign-up and sign-in. Who the client is comes from one place,
network.ratelimit.client_ip, which allauth uses too."""

import re
from http import HTTPStatus

import pytest
from allauth.account.adapter import get_adapter
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command

from network.models import ContactRequest, Visibility

pytestmark = pytest.mark.django_db
OTHER_IP = "192.0.2.44"
PASSWORD = "Een-lang-wachtwoord-42"


@pytest.fixture
def expert(make_person, school_a):
    return make_person(
        "Anna Expert", school=school_a, visibility=Visibility.PUBLIC, questions=True
    )


# --- Who the client is ----------------------------------------------------------


@pytest.mark.parametrize(
    ("behind_proxy", "proxies", "forwarded", "expected"),
    [
        # Without the proxy anyone can send the header: it is never read.
        (False, 1, "203.0.113.9", "127.0.0.1"),
        (False, 1, "", "127.0.0.1"),
        # Behind one proxy: the address it appended, the last one.
        (True, 1, "203.0.113.9", "203.0.113.9"),
        (True, 1, "10.9.9.9, 203.0.113.9", "203.0.113.9"),
        # Behind two: the one the outer proxy appended, second from the end.
        (True, 2, "10.9.9.9, 203.0.113.9, 172.16.0.2", "203.0.113.9"),
        # A header shorter than the proxy chain, or none, or garbage: the
        # proxy's own address, so a spoofer shares one count, never gets a new one.
        (True, 2, "203.0.113.9", "127.0.0.1"),
        (True, 1, "", "127.0.0.1"),
        (True, 1, "not-an-address", "127.0.0.1"),
    ],
)
def test_the_client_is_remote_addr_or_what_the_trusted_proxy_appended(
    rf, settings, behind_proxy, proxies, forwarded, expected
):
    from network.ratelimit import client_ip

    settings.BEHIND_HTTPS_PROXY = behind_proxy
    settings.TRUSTED_PROXY_COUNT = proxies
    headers = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
    request = rf.post("/", REMOTE_ADDR="127.0.0.1", **headers)
    assert client_ip(request) == expected
    assert get_adapter().get_client_ip(request) == expected, (
        "allauth's login limits count the same client"
    )


def test_allauth_is_configured_with_the_same_proxy_count():
    from django.conf import settings

    expected = settings.TRUSTED_PROXY_COUNT if settings.BEHIND_HTTPS_PROXY else 0
    assert expected == settings.ALLAUTH_TRUSTED_PROXY_COUNT


def test_the_embedded_cache_passes_the_system_checks():
    """django-ratelimit refuses the local-memory cache (E003); the embedded
    default silences that deliberately (site/settings.py), and only that."""
    from django.conf import settings

    call_command("check")
    silenced = "django_ratelimit.E003" in settings.SILENCED_SYSTEM_CHECKS
    assert silenced == (not settings.REDIS_URL), "silenced for local memory only"


def test_a_mistyped_rate_fails_the_system_check(settings):
    from network.ratelimit import check_rate_settings

    settings.RATE_LIMIT_SIGNUPS = "50 per uur"
    assert [error.id for error in check_rate_settings()] == ["network.E001"]
    settings.RATE_LIMIT_SIGNUPS = ""
    assert check_rate_settings() == [], "empty is no limit"


# --- Visitor questions ----------------------------------------------------------


def ask(client, expert, number, **extra):
    return client.post(
        f"/deskundigen/{expert.slug}/vraag/",
        {
            "name": "Bezoeker",
            "email": f"bezoeker{number}@regulier.nl",
            "organisation": "",
            "subject": f"Vraag {number}",
            "message": f"Mijn vraag nummer {number}",
        },
        **extra,
    )


def test_visitor_questions_are_limited_per_client_at_the_form(
    client, expert, settings, django_capture_on_commit_callbacks
):
    settings.RATE_LIMIT_VISITOR_QUESTIONS = "3/h"
    for number in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            assert ask(client, expert, number).status_code == HTTPStatus.OK
    assert len(mail.outbox) == 3, "each new address got its confirmation"

    with django_capture_on_commit_callbacks(execute=True):
        refused = ask(client, expert, 99)
    assert refused.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert "Vanaf uw netwerk zijn in korte tijd veel vragen verstuurd" in refused.text
    # A fixed window of an hour: near its end the wait is "1 minuut".
    assert re.search(r"Probeer het over \d+ minu(ut|ten) opnieuw", refused.text)
    assert "Mijn vraag nummer 99" in refused.text, "the question typed is kept"
    assert 'value="bezoeker99@regulier.nl"' in refused.text
    assert int(refused["Retry-After"]) > 0
    assert len(mail.outbox) == 3, "no e-mail for a refused question"
    assert ContactRequest.objects.count() == 3

    with django_capture_on_commit_callbacks(execute=True):
        elsewhere = ask(client, expert, 100, REMOTE_ADDR=OTHER_IP)
    assert elsewhere.status_code == HTTPStatus.OK, "another client still asks"
    assert len(mail.outbox) == 4


def test_forwarded_for_is_ignored_without_the_proxy_and_honoured_behind_it(
    client, expert, settings
):
    settings.RATE_LIMIT_VISITOR_QUESTIONS = "1/h"
    assert ask(client, expert, 1, HTTP_X_FORWARDED_FOR="203.0.113.1").status_code == (
        HTTPStatus.OK
    )
    spoofed = ask(client, expert, 2, HTTP_X_FORWARDED_FOR="203.0.113.2")
    assert spoofed.status_code == HTTPStatus.TOO_MANY_REQUESTS, (
        "a made-up X-Forwarded-For is not a new client"
    )

    settings.BEHIND_HTTPS_PROXY = True
    settings.TRUSTED_PROXY_COUNT = 1
    behind = ask(client, expert, 3, HTTP_X_FORWARDED_FOR="203.0.113.3")
    assert behind.status_code == HTTPStatus.OK, "the proxy's client counts alone"
    again = ask(client, expert, 4, HTTP_X_FORWARDED_FOR="10.0.0.1, 203.0.113.3")
    assert again.status_code == HTTPStatus.TOO_MANY_REQUESTS, (
        "what the client put before the proxy's entry does not matter"
    )


def test_refused_input_does_not_count_against_the_client(client, expert, settings):
    settings.RATE_LIMIT_VISITOR_QUESTIONS = "2/h"
    for number in range(5):
        invalid = client.post(
            f"/deskundigen/{expert.slug}/vraag/",
            {"name": "Bezoeker", "email": "geen-adres", "subject": f"V{number}"},
        )
        assert invalid.status_code == HTTPStatus.OK
    assert ask(client, expert, 1).status_code == HTTPStatus.OK
    assert ask(client, expert, 2).status_code == HTTPStatus.OK


def test_members_are_limited_per_account_not_per_client(
    client, expert, make_person, school_b, settings
):
    settings.RATE_LIMIT_VISITOR_QUESTIONS = "1/h"
    ask(client, expert, 1)
    assert ask(client, expert, 2).status_code == HTTPStatus.TOO_MANY_REQUESTS
    colleague = make_person("Collega Op School", school=school_b)
    client.force_login(colleague.user)
    response = client.post(
        f"/deskundigen/{expert.slug}/vraag/",
        {"subject": "Van een lid", "message": "Zelfde school, zelfde adres"},
    )
    assert response.status_code == HTTPStatus.OK
    assert ContactRequest.objects.filter(sender=colleague.user).exists()


# --- Sign-up --------------------------------------------------------------------


def sign_up(client, email, **extra):
    return client.post(
        "/account/signup/",
        {
            "name": "Nieuwe Collega",
            "email": email,
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
        **extra,
    )


def test_sign_ups_are_limited_per_client_at_the_form(client, school_a, settings):
    settings.RATE_LIMIT_SIGNUPS = "2/h"
    for number in range(2):
        assert sign_up(client, f"juf{number}@deburcht.nl").status_code == (
            HTTPStatus.FOUND
        )
        client.logout()
    assert len(mail.outbox) == 2

    refused = sign_up(client, "meester99@deburcht.nl")
    assert refused.status_code == HTTPStatus.TOO_MANY_REQUESTS
    text = refused.text
    assert "Vanaf uw netwerk zijn in korte tijd veel accounts aangemaakt" in text
    # A fixed window of an hour: near its end the wait is "1 minuut".
    assert re.search(r"over \d+ minu(ut|ten) opnieuw", text)
    assert 'value="meester99@deburcht.nl"' in text, "the address typed is kept"
    assert 'value="Nieuwe Collega"' in text, "the name typed is kept"
    assert len(mail.outbox) == 2, "no verification mail for a refused sign-up"
    assert not get_user_model().objects.filter(email="meester99@deburcht.nl").exists()

    elsewhere = sign_up(client, "meester100@deburcht.nl", REMOTE_ADDR=OTHER_IP)
    assert elsewhere.status_code == HTTPStatus.FOUND
    assert len(mail.outbox) == 3


def test_a_sign_up_refused_for_its_address_does_not_count(client, school_a, settings):
    settings.RATE_LIMIT_SIGNUPS = "1/h"
    for _attempt in range(3):
        assert sign_up(client, "iemand@gmail.com").status_code == HTTPStatus.OK
    assert sign_up(client, "juf@deburcht.nl").status_code == HTTPStatus.FOUND


# --- Sign-in --------------------------------------------------------------------


def verified_person(make_person, school, name):
    person = make_person(name, school=school)
    EmailAddress.objects.create(
        user=person.user, email=person.user.email, verified=True, primary=True
    )
    return person


def log_in(client, email, password="wachtwoord-voor-test"):
    return client.post("/account/login/", {"login": email, "password": password})


def test_typos_by_colleagues_do_not_lock_out_a_school(client, make_person, school_a):
    """Thirty wrong passwords from one school address, by ten colleagues (three
    each, under the per-address limit), then someone else signs in fine."""
    colleagues = [
        verified_person(make_person, school_a, f"Collega {n}") for n in range(10)
    ]
    for colleague in colleagues:
        for _typo in range(3):
            wrong = log_in(client, colleague.user.email, "verkeerd")
            assert wrong.status_code == HTTPStatus.OK
    me = verified_person(make_person, school_a, "Ik")
    response = log_in(client, me.user.email)
    assert response.status_code == HTTPStatus.FOUND
    assert client.session["_auth_user_id"] == str(me.user.pk)


def test_one_address_is_locked_and_told_what_to_do(client, make_person, school_a):
    person = verified_person(make_person, school_a, "Vergeetachtig")
    for _typo in range(5):
        log_in(client, person.user.email, "verkeerd")
    blocked = log_in(client, person.user.email)
    assert "_auth_user_id" not in client.session, "per address the limit stays strict"
    text = blocked.text
    assert "Wacht 5 minuten" in text
    assert "Wachtwoord vergeten?" in text
    assert "coördinator van uw school" in text
    assert f'value="{person.user.email}"' in text, "the address typed is kept"

    colleague = verified_person(make_person, school_a, "Collega")
    assert log_in(client, colleague.user.email).status_code == HTTPStatus.FOUND, (
        "another account from the same address signs in"
    )


def test_too_many_sign_in_requests_get_a_page_in_dutch_that_explains(
    client, make_person, school_a, settings
):
    settings.ACCOUNT_RATE_LIMITS = {
        **settings.ACCOUNT_RATE_LIMITS,
        "login": "3/10m/ip",
    }
    person = verified_person(make_person, school_a, "Veel Pogingen")
    for _attempt in range(3):
        log_in(client, person.user.email, "verkeerd")
    page = log_in(client, person.user.email)
    assert page.status_code == HTTPStatus.TOO_MANY_REQUESTS
    text = page.text
    assert "Too Many Requests" not in text
    assert "<main" in text, "the site's own layout"
    assert "Vanaf uw netwerk" in text
    assert "10 minuten" in text
    assert "Wachtwoord vergeten?" in text and "/account/password/reset/" in text
    assert "coördinator van uw school" in text
    assert int(page["Retry-After"]) == 600
