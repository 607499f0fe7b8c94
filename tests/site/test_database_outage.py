"""When PostgreSQL is down the site answers quickly with a page that says so,
and when it comes back no request fails on a connection the restart closed."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from http import HTTPStatus
from pathlib import Path

import pytest
from django.db import connection

PROJECT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _listening(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


@pytest.fixture
def site_without_database(tmp_path):
    """Daphne, as production starts it (DEBUG off, its own interpreter), with
    DATABASE_URL pointing at a PostgreSQL port where nothing listens. Not the
    forked server of tests/daphne.py: settings are read from the environment
    when the interpreter starts, and a fork would keep this one's database."""
    port, no_database = _free_port(), _free_port()
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    env.update(
        DATABASE_URL=f"postgres://postgres@127.0.0.1:{no_database}/lecso",
        DEBUG="0",
        SECRET_KEY="a-secret-for-the-outage-test-that-is-long-and-random-5d1c",
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="0",
        DJANGO_SETTINGS_MODULE="lecso_site.settings",
    )
    log = (tmp_path / "daphne.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "daphne", "-b", "127.0.0.1", "-p", str(port)]
        + ["lecso_site.asgi:application"],
        cwd=PROJECT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 60
    while not _listening(port):
        if server.poll() is not None or time.monotonic() > deadline:
            server.kill()
            pytest.fail((tmp_path / "daphne.log").read_text())
        time.sleep(0.1)  # waiting for a process to listen, not for time
    yield f"http://127.0.0.1:{port}"
    server.terminate()
    server.wait(timeout=10)
    log.close()
    # Shown with a failure: what the server said.
    print((tmp_path / "daphne.log").read_text())


def ask(url: str, **headers) -> tuple[int, dict, str]:
    """GET with a 5-second limit: an answer that takes longer fails the test."""
    request = urllib.request.Request(url, headers={"Host": "127.0.0.1", **headers})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


@pytest.mark.slow
def test_without_postgresql_pages_say_so_within_seconds(site_without_database):
    status, headers, text = ask(f"{site_without_database}/")
    assert status == HTTPStatus.SERVICE_UNAVAILABLE
    assert headers["Retry-After"] == "60"
    assert "De site is even niet beschikbaar" in text
    assert "Probeer het over een minuut opnieuw" in text
    assert "Content-Security-Policy" in headers
    assert "Set-Cookie" not in headers

    status, _, text = ask(f"{site_without_database}/en/forum/")
    assert status == HTTPStatus.SERVICE_UNAVAILABLE
    assert "The site is briefly unavailable" in text

    # A signed-in editor: the middleware that reads the session (the admin's
    # two-factor rule) meets the database first, before any view.
    session = "sessionid=" + "k" * 32  # well-formed, so it is looked up
    status, _, text = ask(f"{site_without_database}/admin/", Cookie=session)
    assert status == HTTPStatus.SERVICE_UNAVAILABLE
    assert "De site is even niet beschikbaar" in text

    # The process itself is fine (liveness); it is not ready for visitors.
    assert ask(f"{site_without_database}/gezond/")[0] == HTTPStatus.OK
    status, _, text = ask(f"{site_without_database}/gezond/klaar/")
    assert status == HTTPStatus.SERVICE_UNAVAILABLE
    assert '"database": "unavailable"' in text


def _terminate_other_backends() -> int:
    """Close, from the server's side, every other connection to this test
    database (as a PostgreSQL restart does), through a connection of its own
    outside the pool, and wait until those backends have exited. Returns how
    many it closed."""
    import psycopg

    others = (
        "FROM pg_stat_activity"
        " WHERE datname = current_database() AND pid <> pg_backend_pid()"
    )
    params = connection.get_connection_params()
    params.pop("cursor_factory", None)
    with psycopg.connect(**params, autocommit=True) as own:
        closed = own.execute(f"SELECT count(pg_terminate_backend(pid)) {others}")
        closed = closed.fetchone()[0]
        # pg_terminate_backend only signals; a backend that has not exited yet
        # would still answer the pool's check once.
        deadline = time.monotonic() + 10
        while own.execute(f"SELECT count(*) {others}").fetchone()[0]:
            assert time.monotonic() < deadline, "the backends did not exit"
            time.sleep(0.02)  # waiting for processes to exit, not for time
    return closed


@pytest.mark.django_db(transaction=True)
def test_connections_closed_by_a_restart_cost_no_request(client, home):
    """A fast restart closes every pooled connection from PostgreSQL's side.
    The proxy's readiness probe, then every page, gets a live connection: the
    probe replaces the dead idle ones, and the pool checks each connection
    before handing it out (CONN_HEALTH_CHECKS)."""
    if connection.vendor != "postgresql":
        pytest.skip("kills PostgreSQL connections server-side; runs with DATABASE_URL")

    def ask(path: str):
        response = client.get(path)
        # At the end of a request Django gives the connection back to the
        # pool; the test client leaves that out, so do it here.
        connection.close()
        return response

    assert ask("/").status_code == HTTPStatus.OK
    idle = connection.pool.get_stats()["pool_available"]
    assert idle >= 1, "the pool holds connections, idle, between requests"
    assert _terminate_other_backends() >= idle

    ready = ask("/gezond/klaar/")
    assert (ready.status_code, ready.json()["database"]) == (HTTPStatus.OK, "ok")
    statuses = [ask("/").status_code for _ in range(idle + 2)]
    assert statuses == [HTTPStatus.OK] * (idle + 2)

    # Without a probe in between, the pool's check before use replaces each
    # dead connection a request is handed. It pauses a second after the
    # second dead one in a row and two more after a third, so a request may
    # use up three before DB_POOL_TIMEOUT gives it the 503 page (never a 500):
    # with the DB_POOL_MIN_SIZE of two idle, a quiet process loses nothing.
    # Without the check, each dead connection fails a request.
    ask("/")
    idle = connection.pool.get_stats()["pool_available"]
    assert idle >= 2, "DB_POOL_MIN_SIZE connections wait, idle"
    _terminate_other_backends()
    statuses = [ask("/").status_code for _ in range(idle + 1)]
    assert HTTPStatus.INTERNAL_SERVER_ERROR not in statuses
    assert statuses.count(HTTPStatus.SERVICE_UNAVAILABLE) <= idle // 3
    assert statuses[-1] == HTTPStatus.OK
