"""Who signed up for what: registrations, their workshop choices and the
messages organisers sent to attendees."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from .pages import EventPage, EventSession


class Status(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    WAITING = "waiting", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")
    ATTENDED = "attended", _("Attended")


ACTIVE = [Status.CONFIRMED, Status.WAITING, Status.ATTENDED]
# Statuses that hold a seat.
SEATED = [Status.CONFIRMED, Status.ATTENDED]


def new_token() -> str:
    return secrets.token_urlsafe(24)


class Registration(models.Model):
    event = models.ForeignKey(
        EventPage, on_delete=models.CASCADE, related_name="registrations"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="registrations",
    )
    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("e-mail address"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    # The e-mails about this registration go out in this language.
    language = models.CharField(max_length=10, default="nl")
    # {question id: answer}; the text of an answer, or True/False for a tick box.
    answers = models.JSONField(default=dict, blank=True)
    sessions = models.ManyToManyField(
        EventSession, through="SessionChoice", related_name="registrations"
    )
    # The secret in the personal link that lets someone see or cancel their
    # registration without an account; the link carries it signed.
    cancel_token = models.CharField(max_length=64, unique=True, default=new_token)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Set when the lock is held, so it is the true order of arrival.
    sequence = models.PositiveIntegerField()
    updated_at = models.DateTimeField(auto_now=True)
    attended_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["sequence"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=Q(status__in=["confirmed", "waiting", "attended"]),
                name="one_active_registration_per_address",
            ),
            models.UniqueConstraint(
                fields=["event", "sequence"], name="unique_sequence_per_event"
            ),
        ]
        indexes = [models.Index(fields=["event", "status"])]

    def __str__(self) -> str:
        return f"{self.name} – {self.event} ({self.status})"

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE

    @property
    def has_seat(self) -> bool:
        return self.status in SEATED


def registrations_per_event(statuses):
    """An annotation: the registrations in `statuses` of each meeting listed,
    counted for that meeting alone. Joined and grouped instead, every matching
    meeting's registrations were counted before the first few were picked:
    170 ms for the home page's three at ten times today's agenda (5,000
    meetings, 440,000 registrations)."""
    counted = (
        Registration.objects.filter(event=OuterRef("pk"), status__in=statuses)
        .order_by()
        .values("event")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


class SessionChoice(models.Model):
    registration = models.ForeignKey(
        Registration, on_delete=models.CASCADE, related_name="session_choices"
    )
    session = models.ForeignKey(
        EventSession, on_delete=models.CASCADE, related_name="choices"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "session"], name="one_choice_per_session"
            )
        ]

    def __str__(self) -> str:
        return f"{self.registration.name}: {self.session.title}"


class OrganiserMessage(models.Model):
    """A message an organiser sent to everyone with a seat; kept so organisers
    see what was said and when."""

    event = models.ForeignKey(
        EventPage, on_delete=models.CASCADE, related_name="organiser_messages"
    )
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    subject = models.CharField(_("subject"), max_length=150)
    body = models.TextField(_("message"), max_length=5000)
    created_at = models.DateTimeField(auto_now_add=True)
    recipient_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.subject
