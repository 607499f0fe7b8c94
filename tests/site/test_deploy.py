"""The shipped process supervision (deploy/): what must hold for the site to
run as the README describes. The tools themselves check the syntax
(`systemd-analyze verify deploy/systemd/*`, `nginx -t` with the site file
included) where they are installed; this test needs neither."""

import re
from pathlib import Path

import pytest
from django.core.management import get_commands

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
SYSTEMD = DEPLOY / "systemd"
NGINX = (DEPLOY / "nginx" / "lecso.conf").read_text()
PROXY_PARAMS = (DEPLOY / "nginx" / "lecso_proxy_params").read_text()
DAILY_JOBS = {
    "lecso-notification-digests": "send_notification_digests",
    "lecso-event-reminders": "send_event_reminders",
    "lecso-purge-event-data": "purge_event_data",
    "lecso-helpdesk-reminders": "send_helpdesk_reminders",
    "lecso-purge-helpdesk": "purge_helpdesk_cases",
    "lecso-consultation-reminders": "send_consultation_reminders",
}


def unit(name: str) -> dict[str, dict[str, list[str]]]:
    """A unit file as {section: {key: [values]}}; systemd allows a key more
    than once (Wants=, SystemCallFilter=)."""
    sections: dict[str, dict[str, list[str]]] = {}
    current = None
    for line in (SYSTEMD / name).read_text().splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            current = sections.setdefault(line.strip("[]"), {})
            continue
        key, _, value = line.partition("=")
        current.setdefault(key, []).append(value)
    return sections


def test_daphne_restarts_on_failure_and_trusts_no_forwarded_header():
    service = unit("lecso-daphne@.service")["Service"]
    assert service["Restart"] == ["on-failure"]
    [command] = service["ExecStart"]
    assert "/daphne " in command and "lecso_site.asgi:application" in command
    # Daphne's --proxy-headers would take the client from the leftmost
    # X-Forwarded-For entry, which the client writes itself.
    assert "--proxy-headers" not in command
    assert "--bind 127.0.0.1" in command, "reachable through the proxy only"
    assert "--port %i" in command, "the instance is the port"
    assert service["EnvironmentFile"] == ["/etc/lecso/lecso.env"]
    assert service["User"] == ["lecso"]
    assert service["ProtectSystem"] == ["strict"]
    assert service["NoNewPrivileges"] == ["yes"]


def test_nginx_sends_to_the_processes_the_target_starts():
    wanted = " ".join(unit("lecso.target")["Unit"]["Wants"])
    target_ports = set(re.findall(r"lecso-daphne@(\d+)\.service", wanted))
    upstream = re.search(r"upstream lecso_daphne \{(.*?)\}", NGINX, re.S).group(1)
    nginx_ports = set(re.findall(r"^\s*server 127\.0\.0\.1:(\d+)", upstream, re.M))
    assert len(target_ports) >= 2, "several Daphne processes"
    assert nginx_ports == target_ports


@pytest.mark.parametrize(("name", "command"), DAILY_JOBS.items())
def test_each_daily_job_has_a_timer_and_runs_a_real_command(name, command):
    assert command in get_commands()
    service = unit(f"{name}.service")["Service"]
    assert service["Type"] == ["oneshot"]
    assert service["ExecStart"][0].endswith(f"manage.py {command}")
    timer = unit(f"{name}.timer")["Timer"]
    assert timer["OnCalendar"][0].endswith("Europe/Amsterdam")
    assert timer["Persistent"] == ["true"], "a run missed while down happens later"
    assert f"{name}.timer" in " ".join(unit("lecso.target")["Unit"]["Wants"])


def test_the_worker_runs_beside_daphne_on_the_database_backend():
    service = unit("lecso-worker@.service")["Service"]
    assert service["ExecStart"][0].endswith("manage.py db_worker")
    assert service["Restart"] == ["on-failure"]
    assert service["KillSignal"] == ["SIGTERM"], "the task in hand is finished"
    assert "lecso-worker@1.service" in " ".join(unit("lecso.target")["Unit"]["Wants"])
    env = (DEPLOY / "lecso.env.example").read_text()
    assert "TASKS_BACKEND=database" in env
    assert "db_worker" in get_commands()


def test_newsletters_are_started_and_resumed_every_few_minutes():
    service = unit("lecso-newsletters.service")["Service"]
    assert service["ExecStart"][0].endswith("manage.py send_newsletters")
    assert "send_newsletters" in get_commands()
    assert unit("lecso-newsletters.timer")["Timer"]["OnCalendar"] == ["*:0/5"]
    assert "lecso-newsletters.timer" in " ".join(unit("lecso.target")["Unit"]["Wants"])


def test_nginx_passes_what_the_site_expects():
    # BEHIND_HTTPS_PROXY and TRUSTED_PROXY_COUNT=1: the proxy sets the scheme
    # itself and appends the address it saw to the client's header.
    assert "proxy_set_header X-Forwarded-Proto $scheme;" in PROXY_PARAMS
    assert (
        "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;" in PROXY_PARAMS
    )
    assert "proxy_set_header Host $host;" in PROXY_PARAMS
    assert "proxy_set_header Upgrade $http_upgrade;" in PROXY_PARAMS
    assert "client_max_body_size 64m;" in NGINX
    assert "large_client_header_buffers 4 16k;" in NGINX
    env = (DEPLOY / "lecso.env.example").read_text()
    assert "BEHIND_HTTPS_PROXY=1" in env and "TRUSTED_PROXY_COUNT=1" in env


def test_nginx_serves_only_static_files_and_public_images():
    served = dict(re.findall(r"location (/\S*) \{\s*alias (\S+);", NGINX))
    assert set(served) == {"/static/", "/media/images/", "/media/original_images/"}
    media = re.search(r"location /media/ \{(.*?)\}", NGINX, re.S).group(1)
    assert media.strip() == "return 404;", "documents go through Wagtail's view"
    assert "/gezond/klaar/" in NGINX
