"""Limits per client: who the client is, and counting what it does.

The client is its IP address. Without a proxy in front that is REMOTE_ADDR, and
X-Forwarded-For is never read: anyone can send that header. Behind our HTTPS
proxy (BEHIND_HTTPS_PROXY) it is the address the outermost of our
TRUSTED_PROXY_COUNT proxies appended to X-Forwarded-For; each proxy appends
the address it saw, so what the client wrote itself comes before it and is
ignored. django-ratelimit (RATELIMIT_IP_META_KEY) and allauth (the account
adapter) both ask client_ip, so a login limit and a form limit count the same
client; both count an IPv6 client by its /64 network (their defaults), as one
connection gets a whole /64 to choose addresses from.

Counts live in the default cache (see site/settings.py on why the embedded
local-memory cache is acceptable there and Redis in production).
"""

import ipaddress
import math
import re
from dataclasses import dataclass

from django.conf import settings
from django.core import checks
from django.utils import timezone
from django_ratelimit.core import get_usage

# A django-ratelimit rate, "10/h" or "5/10m": count / [multiplier] unit. allauth
# reads the same form (plus "/ip" or "/key") for the sign-in limits.
RATE = re.compile(r"^(\d+)/(\d*)([smhd])$")
UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
# Settings holding such rates; each is checked at start-up.
RATE_SETTINGS = (
    "RATE_LIMIT_VISITOR_QUESTIONS",
    "RATE_LIMIT_VISITOR_REGISTRATIONS",
    "RATE_LIMIT_SIGNUPS",
    "RATE_LIMIT_HELPDESK_QUESTIONS",
    "RATE_LIMIT_LOGINS",
    "RATE_LIMIT_LOGIN_FAILURES_PER_IP",
    "RATE_LIMIT_LOGIN_FAILURES_PER_ADDRESS",
)


def _valid_ip(value: str) -> str | None:
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def client_ip(request) -> str:
    """The client's IP address, by the rule in the module docstring.

    A header shorter than the proxy chain, or an entry that is no address, gives
    the proxy's own address: a client that tampers with the header then shares
    one count with every other such client instead of getting a fresh one."""
    remote = _valid_ip(request.META.get("REMOTE_ADDR") or "")
    # An empty REMOTE_ADDR (a Unix socket without the proxy setting) is counted
    # as one unknown client rather than answered with an error.
    remote = remote or "0.0.0.0"
    proxies = settings.TRUSTED_PROXY_COUNT if settings.BEHIND_HTTPS_PROXY else 0
    if proxies <= 0:
        return remote
    forwarded = [
        part for part in request.headers.get("x-forwarded-for", "").split(",") if part
    ]
    if len(forwarded) < proxies:
        return remote
    return _valid_ip(forwarded[-proxies]) or remote


def window_seconds(rate: str) -> int:
    """The length of the window of a rate such as "5/10m" (600)."""
    match = RATE.match(rate.strip())
    if match is None:
        raise ValueError(f"not a rate like '10/h' or '5/10m': {rate!r}")
    _count, multiplier, unit = match.groups()
    return int(multiplier or 1) * UNIT_SECONDS[unit]


def whole_minutes(seconds: int) -> int:
    """Seconds as the minutes to tell a person to wait: rounded up, at least 1."""
    return max(1, math.ceil(seconds / 60))


@dataclass(frozen=True)
class Limited:
    """A refused attempt: the client may try again after `retry_after` seconds."""

    retry_after: int

    @property
    def minutes(self) -> int:
        return whole_minutes(self.retry_after)


def count_attempt(request, action: str, rate: str, key=None) -> Limited | None:
    """Count one attempt at `action` by this client against `rate`; None while
    the client is within the rate, else how long it must wait. An empty rate is
    no limit. `key` counts by something else than the client's IP (an e-mail
    address, say).

    Call it once the form is valid and just before the work that sends e-mail,
    so input the form refuses does not use up the client's allowance. A refused
    attempt is counted too, but the window is fixed (django-ratelimit), so
    retrying does not push the end further away."""
    if not rate:
        return None
    usage = get_usage(
        request,
        group=f"lecso.{action}",
        key="ip" if key is None else (lambda _group, _request: key),
        rate=rate,
        increment=True,
    )
    if usage is None or not usage["should_limit"]:
        return None
    retry_after = usage["time_left"]
    if retry_after <= 0:
        # The cache failed (django-ratelimit then refuses, as RATELIMIT_FAIL_OPEN
        # is off); ask to wait one whole window rather than "0 minutes".
        retry_after = window_seconds(rate)
    return Limited(retry_after=retry_after)


def sent_by(model, sender, email: str):
    """The rows of `model` (with `sender`, `sender_email` and `created_at`)
    one sender made: by account, or for a visitor by the address they gave."""
    if sender is not None:
        return model.objects.filter(sender=sender)
    return model.objects.filter(sender__isnull=True, sender_email__iexact=email)


def over_limits(rows, limits, now=None) -> Limited | None:
    """Limits counted in the database, over sliding windows: `rows` are what
    one person did (a queryset with `created_at`), `limits` pairs of (window,
    most allowed). None while within every limit, else how long until enough
    of those rows have left the window. Exact and kept across restarts, for
    what a person writes (questions, forum posts), where counting per client
    in the cache (count_attempt) would be too coarse."""
    now = now or timezone.now()
    for window, most in limits:
        recent = rows.filter(created_at__gte=now - window)
        count = recent.count()
        if count >= most:
            times = recent.order_by("created_at").values_list("created_at", flat=True)
            # One more may go once the (count - most + 1)th oldest is out.
            leaves = times[count - most] + window
            return Limited(
                retry_after=max(1, math.ceil((leaves - now).total_seconds()))
            )
    return None


def refuse(response, limited: Limited):
    """Mark a re-shown form as refused by a limit: 429 with Retry-After."""
    response.status_code = 429
    response["Retry-After"] = str(limited.retry_after)
    return response


def check_rate_settings(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """A mistyped rate in the environment fails at start-up, not on a visitor's
    first post."""
    errors = []
    for name in RATE_SETTINGS:
        value = getattr(settings, name, "")
        if value and not RATE.match(value):
            errors.append(
                checks.Error(
                    f"{name}={value!r} is not a rate like '10/h' or '5/10m'.",
                    hint="count / [number] unit, the unit one of s, m, h, d; "
                    "empty for no limit.",
                    id="network.E001",
                )
            )
    return errors


def check_shared_cache(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """For `check --deploy`: the local-memory cache counts per process."""
    backend = settings.CACHES["default"]["BACKEND"]
    if backend != "django.core.cache.backends.locmem.LocMemCache":
        return []
    return [
        checks.Warning(
            "Limits per client are counted in a local-memory cache, per process.",
            hint="Set REDIS_URL when the site runs in more than one process.",
            id="network.W001",
        )
    ]
