"""Personal links in e-mails: signed, so a changed character is caught and
answered with a clear message instead of touching someone else's data."""

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation

from .models import Registration

REGISTRATION_SALT = "events.registration"
VISITOR_SALT = "events.visitor-confirmation"
# A visitor confirms their address within this time, or registers again.
VISITOR_LINK_MAX_AGE = 60 * 60 * 48


def registration_token(registration: Registration) -> str:
    return signing.Signer(salt=REGISTRATION_SALT).sign(registration.cancel_token)


def registration_from_token(token: str) -> Registration | None:
    try:
        secret = signing.Signer(salt=REGISTRATION_SALT).unsign(token)
    except signing.BadSignature:
        return None
    return (
        Registration.objects.select_related("event").filter(cancel_token=secret).first()
    )


def absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def registration_path(registration: Registration) -> str:
    """The same page as registration_url, on this site, in the current language."""
    return reverse("events:registration", args=[registration_token(registration)])


def registration_url(registration: Registration) -> str:
    """The person's own page for this registration, in their language."""
    with translation.override(registration.language):
        return absolute(
            reverse("events:registration", args=[registration_token(registration)])
        )


def visitor_token(payload: dict) -> str:
    return signing.dumps(payload, salt=VISITOR_SALT, compress=True)


def visitor_payload(token: str) -> dict | None:
    """The registration a visitor asked for, or None when the link was
    altered or has expired."""
    try:
        return signing.loads(token, salt=VISITOR_SALT, max_age=VISITOR_LINK_MAX_AGE)
    except signing.BadSignature:
        return None
