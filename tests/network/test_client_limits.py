"""Limits per client (IP address) on top of the per-address ones: visitor
questions, sign-up and sign-in. Who the client is comes from one place,
network.ratelimit.client_ip, which allauth uses too."""

import pytest
from allauth.account.adapter import get_adapter
from django.core.management import call_command

from network.models import Visibility

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
    assert "django_ratelimit.E003" in settings.SILENCED_SYSTEM_CHECKS


def test_a_mistyped_rate_fails_the_system_check(settings):
    from network.ratelimit import check_rate_settings

    settings.RATE_LIMIT_SIGNUPS = "50 per uur"
    assert [error.id for error in check_rate_settings()] == ["network.E001"]
    settings.RATE_LIMIT_SIGNUPS = ""
    assert check_rate_settings() == [], "empty is no limit"
