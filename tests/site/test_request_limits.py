"""Requests too big for the site get a status and a page that says what to do,
never a dropped connection or Django's bare English 400.

The Daphne tests talk to a real server over a socket, because the longest
request lines never reach Django: only the server sees them.
"""

import socket
from http import HTTPStatus

import pytest
from django.urls import reverse

from tests.daphne import daphne, site_application

ONE_MB = 1024 * 1024


def _text(response) -> str:
    return response.content.decode()


@pytest.mark.django_db
def test_three_one_megabyte_fields_still_reach_the_form(client):
    """A few long texts are refused by the form's own checks, at the fields,
    not by Django's limit on the whole post."""
    response = client.post(
        reverse("account_login"),
        {"login": "a" * ONE_MB, "password": "b" * ONE_MB, "extra": "c" * ONE_MB},
    )
    assert response.status_code == HTTPStatus.OK
    assert 'name="login"' in _text(response)


@pytest.mark.django_db
def test_a_post_over_the_text_limit_gets_a_translated_page(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    response = client.post(reverse("account_login"), {"login": "a" * 20_000})
    assert response.status_code == HTTPStatus.REQUEST_ENTITY_TOO_LARGE
    html = _text(response)
    assert '<html lang="nl">' in html
    assert "Te veel tegelijk verstuurd" in html
    assert "Ga terug in uw browser" in html
    assert "9,8\xa0KB" in html, "the limit is named"
    assert "a" * 100 not in html, "what was sent is not shown back"


@pytest.mark.django_db
def test_the_page_is_in_english_under_en(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    response = client.post("/en/account/login/", {"login": "a" * 20_000})
    assert response.status_code == HTTPStatus.REQUEST_ENTITY_TOO_LARGE
    assert "Go back in your browser" in _text(response)


@pytest.mark.django_db
def test_too_many_fields_get_the_translated_page(client, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 5
    response = client.post(
        reverse("account_login"), {f"veld{i}": "x" for i in range(10)}
    )
    assert response.status_code == HTTPStatus.BAD_REQUEST
    html = _text(response)
    assert "meer velden dan de site" in html
    assert "Ga terug in uw browser" in html


@pytest.mark.django_db
def test_a_body_over_the_request_limit_is_refused_before_it_is_read(client, settings):
    settings.MAX_REQUEST_BODY_SIZE = 1000
    response = client.post(
        reverse("account_login"),
        {"login": "a@b.nl", "file": ("x" * 2000)},
    )
    assert response.status_code == HTTPStatus.REQUEST_ENTITY_TOO_LARGE
    assert "bijlagen meegerekend" in _text(response)


@pytest.mark.django_db
def test_other_bad_requests_get_a_translated_page(client):
    response = client.get("/", headers={"host": "kwaad.example"})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "Dit verzoek kon niet worden gelezen" in _text(response)


def test_an_oversize_url_gets_414_without_the_url_in_the_page(client, settings):
    response = client.get("/zoeken/", {"q": "lang" * 3000})
    assert response.status_code == HTTPStatus.REQUEST_URI_TOO_LONG
    html = _text(response)
    assert "Adres te lang" in html
    assert "langlang" not in html


@pytest.mark.django_db
def test_a_url_within_the_limit_is_served(client, home):
    response = client.get("/", {"utm_campaign": "lang" * 1500})
    assert response.status_code == HTTPStatus.OK


# --- Through a real Daphne ------------------------------------------------------


@pytest.fixture(scope="module")
def daphne_port():
    """Daphne serving the site's own ASGI application, as in production. These
    requests are refused before any database work, so none is set up."""
    with daphne(site_application, host="127.0.0.1") as url:
        yield int(url.rsplit(":", 1)[1])


def _raw_request(port: int, request: bytes) -> bytes:
    """Send `request` as it is and read the answer until the server closes."""
    with socket.create_connection(("127.0.0.1", port), timeout=20) as connection:
        connection.sendall(request)
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
        return answer


def _get(path: bytes, *headers: bytes) -> bytes:
    lines = [b"GET " + path + b" HTTP/1.1", b"Host: localhost", *headers]
    return b"\r\n".join(lines) + b"\r\n\r\n"


@pytest.mark.parametrize("size", [20_000, 200_000, ONE_MB])
def test_daphne_answers_a_request_line_it_cannot_read_with_414(daphne_port, size):
    answer = _raw_request(daphne_port, _get(b"/zoeken/?q=" + b"a" * size))
    assert answer.startswith(b"HTTP/1.1 414 URI Too Long\r\n")
    assert b"Connection: close" in answer
    assert "Dit adres (de link) is te lang" in answer.decode()


def test_daphne_answers_a_header_it_cannot_read_with_431(daphne_port):
    answer = _raw_request(daphne_port, _get(b"/", b"Cookie: k=" + b"a" * 20_000))
    assert answer.startswith(b"HTTP/1.1 431 Request Header Fields Too Large\r\n")


def test_daphne_passes_a_long_url_it_can_read_to_the_site(daphne_port):
    """A URL Twisted reads but the site finds too long gets the site's own
    translated page."""
    answer = _raw_request(
        daphne_port, _get(b"/zoeken/?q=" + b"a" * 10_000, b"Connection: close")
    )
    assert answer.startswith(b"HTTP/1.1 414 ")
    assert "Adres te lang" in answer.decode()
