"""Settings come from the environment; each case runs in a fresh interpreter so
the module is read with exactly that environment."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "a-real-secret-key-for-the-check-that-is-long-and-random-7f3a9c2e1b",
    "ALLOWED_HOSTS": "lecso.example.nl",
}
PROBE = """
import json, django
from django.conf import settings
django.setup()
db = settings.DATABASES["default"]
print(json.dumps({
    "debug": settings.DEBUG,
    "engine": db["ENGINE"],
    "name": str(db["NAME"]),
    "host": db.get("HOST"),
    "options": {k: str(v) for k, v in db.get("OPTIONS", {}).items()},
    "pool": db.get("OPTIONS", {}).get("pool"),
    "health_checks": db.get("CONN_HEALTH_CHECKS"),
    "layer": settings.CHANNEL_LAYERS["default"]["BACKEND"],
    "layer_hosts": settings.CHANNEL_LAYERS["default"].get("CONFIG", {}).get("hosts"),
    "layer_config": {
        k: v for k, v in settings.CHANNEL_LAYERS["default"].get("CONFIG", {}).items()
        if k != "hosts"
    },
    "cache": settings.CACHES["default"]["BACKEND"],
    "cache_options": settings.CACHES["default"].get("OPTIONS", {}),
    "email": settings.EMAIL_BACKEND,
    "email_host": getattr(settings, "EMAIL_HOST", None),
    "allowed_hosts": settings.ALLOWED_HOSTS,
    "ssl_redirect": settings.SECURE_SSL_REDIRECT,
    "static_storage": settings.STORAGES["staticfiles"]["BACKEND"],
    "hsts": [
        settings.SECURE_HSTS_SECONDS,
        settings.SECURE_HSTS_INCLUDE_SUBDOMAINS,
        settings.SECURE_HSTS_PRELOAD,
    ],
}))
"""


def run(args, env_overrides):
    env = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "DEBUG",
            "SECRET_KEY",
            "ALLOWED_HOSTS",
            "DATABASE_URL",
            "REDIS_URL",
            "EMAIL_URL",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
            "SECURE_HSTS_PRELOAD",
        }
    }
    env.update(env_overrides, DJANGO_SETTINGS_MODULE="lecso_site.settings")
    return subprocess.run(
        [sys.executable, *args], cwd=PROJECT, env=env, capture_output=True, text=True
    )


def settings_with(**env) -> dict:
    result = run(["-c", PROBE], env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_embedded_defaults_need_nothing_installed():
    found = settings_with()
    assert found["debug"] is True
    assert found["engine"] == "django.db.backends.sqlite3"
    assert found["name"].endswith("db.sqlite3")
    assert found["options"]["transaction_mode"] == "IMMEDIATE"
    assert "journal_mode=WAL" in found["options"]["init_command"]
    assert found["layer"] == "channels.layers.InMemoryChannelLayer"
    assert found["cache"] == "django.core.cache.backends.locmem.LocMemCache"
    assert found["email"] == "django.core.mail.backends.console.EmailBackend"


def test_database_url_switches_to_postgresql():
    found = settings_with(DATABASE_URL="postgres://lecso@db.internal:5432/lecso")
    assert found["engine"] == "django.db.backends.postgresql"
    assert (found["name"], found["host"]) == ("lecso", "db.internal")
    assert "transaction_mode" not in found["options"]
    # While PostgreSQL is down a request waits seconds, not half a minute, for
    # the 503 page; a pooled connection is checked before use, so one closed by
    # a restart is replaced rather than failing its request.
    assert found["pool"]["timeout"] == 3
    assert found["health_checks"] is True
    assert found["options"]["connect_timeout"] == "3"


def test_redis_url_switches_channel_layer_and_cache():
    found = settings_with(REDIS_URL="redis://cache.internal:6379/2")
    assert found["layer"] == "channels_redis.core.RedisChannelLayer"
    [host] = found["layer_hosts"]
    assert host["address"] == "redis://cache.internal:6379/2"
    # Idle live sockets stay open: the read timeout is longer than the 5 s
    # blocking read of channels-redis (redis-py's default of 5 s closed them).
    assert host["socket_timeout"] > 5
    # Chosen, not the library's defaults: room for a burst of replies.
    assert found["layer_config"]["capacity"] >= 1000
    assert found["layer_config"]["group_expiry"] == 86400
    # django-redis, which treats an unreachable Redis as a miss, with timeouts
    # of a fraction of a second.
    assert found["cache"] == "django_redis.cache.RedisCache"
    assert found["cache_options"]["IGNORE_EXCEPTIONS"] is True
    assert found["cache_options"]["SOCKET_CONNECT_TIMEOUT"] <= 0.5
    assert found["cache_options"]["SOCKET_TIMEOUT"] <= 0.5


def test_email_url_switches_to_smtp():
    found = settings_with(EMAIL_URL="smtp+tls://mailer:geheim@smtp.internal:587")
    assert found["email"] == "django.core.mail.backends.smtp.EmailBackend"
    assert found["email_host"] == "smtp.internal"


def test_production_values_are_strict():
    found = settings_with(**PRODUCTION)
    assert found["debug"] is False
    assert found["allowed_hosts"] == ["lecso.example.nl"]
    assert found["ssl_redirect"] is True
    assert found["static_storage"].endswith("CompressedManifestStaticFilesStorage")
    # A year of HSTS with subdomains, but not preloaded: that is hard to undo.
    assert found["hsts"] == [31536000, True, False]


def test_hsts_preload_is_an_opt_in():
    found = settings_with(**PRODUCTION, SECURE_HSTS_PRELOAD="1")
    assert found["hsts"] == [31536000, True, True]


@pytest.mark.parametrize(
    ("missing", "message"),
    [("SECRET_KEY", "Set SECRET_KEY"), ("ALLOWED_HOSTS", "Set ALLOWED_HOSTS")],
)
def test_production_refuses_to_start_without_secrets(missing, message):
    env = {key: value for key, value in PRODUCTION.items() if key != missing}
    result = run(["-c", PROBE], env)
    assert result.returncode != 0
    assert message in result.stderr


@pytest.mark.parametrize("preload", ["0", "1"])
def test_deploy_check_passes_with_production_environment(preload):
    result = run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        # Production shares its limits between processes through Redis (the
        # check only reads the setting; it connects to nothing).
        {
            **PRODUCTION,
            "SECURE_HSTS_PRELOAD": preload,
            "REDIS_URL": "redis://127.0.0.1:6379/0",
        },
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
