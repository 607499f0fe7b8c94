"""The proxy's health endpoints: /gezond/ (the process answers) and
/gezond/klaar/ (what the process needs answers too). Their answers with a
database or Redis that is down are in test_database_outage.py and
test_redis_outage.py."""

from http import HTTPStatus

import pytest


def test_liveness_reads_no_database_and_sets_no_cookie(client):
    # No django_db mark: pytest-django refuses any database access here.
    response = client.get("/gezond/")
    assert response.status_code == HTTPStatus.OK
    assert response.content == b"ok\n"
    assert response["Content-Type"].startswith("text/plain")
    assert response["Cache-Control"] == "no-store"
    assert not response.cookies
    assert "Content-Security-Policy" in response


@pytest.mark.django_db
def test_readiness_says_which_part_is_fine(client):
    response = client.get("/gezond/klaar/")
    assert response.status_code == HTTPStatus.OK
    body = response.json()
    assert set(body) == {"database", "cache", "channel_layer"}
    assert body["database"] == "ok"
    # The embedded defaults, a local-memory cache and an in-memory layer, have
    # nothing to reach; with REDIS_URL set (CI's second pass) they are asked.
    assert body["cache"] in ("in-process", "ok")
    assert body["channel_layer"] in ("in-process", "ok")
    assert response["Cache-Control"] == "no-store"
    assert not response.cookies


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/gezond/", "/gezond/klaar/"])
def test_health_lives_at_one_address_in_no_language(client, path):
    assert client.get(f"/en{path}").status_code == HTTPStatus.NOT_FOUND
    assert client.post(path).status_code == HTTPStatus.METHOD_NOT_ALLOWED
