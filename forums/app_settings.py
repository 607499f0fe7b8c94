"""The forums' tunables. Each can be set in Django's settings with the
FORUMS_ prefix; read through these functions so a changed setting (a test's
override) counts at once."""

from django.conf import settings


def _setting(name: str, default):
    return getattr(settings, f"FORUMS_{name}", default)


def live_ping_seconds() -> float:
    """How often an open thread socket hears the thread's current version. A
    page that missed a message notices within this time even when no other
    message follows, and the ping keeps idle sockets open through proxies
    that close a silent connection (nginx after 60 s by default)."""
    return float(_setting("LIVE_PING_SECONDS", 25))


def catch_up_limit() -> int:
    """The most changed posts one catch-up answer carries. A page further
    behind (a laptop opened after a weekend) is told how many there are and
    offered a reload instead."""
    return int(_setting("CATCH_UP_LIMIT", 50))
