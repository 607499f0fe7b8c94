"""Network meetings and the registrations for them.

This is the core of the events app: the event's capacity and registration
window, and registrations with their status. Pages, questions, sessions,
iCalendar and organiser tools build on it (see the events issue).
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page


class Audience(models.TextChoices):
    MEMBERS = "members", _("Members of the network only")
    OPEN = "open", _("Open to all")


class EventIndexPage(Page):
    intro = models.TextField(_("introduction"), blank=True)

    parent_page_types = ["lecso_site.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count = 1

    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = _("agenda")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        events = EventPage.objects.child_of(self).live().public()
        now = timezone.now()
        context["upcoming"] = events.filter(end__gte=now).order_by("start")
        context["past"] = events.filter(end__lt=now).order_by("-start")[:20]
        return context


class EventPage(Page):
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    intro = models.TextField(_("introduction"), max_length=400, blank=True)
    audience = models.CharField(
        _("audience"), max_length=10, choices=Audience.choices, default=Audience.MEMBERS
    )
    capacity = models.PositiveIntegerField(
        _("seats"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    waiting_list = models.BooleanField(_("waiting list when full"), default=True)
    registration_opens = models.DateTimeField(
        _("registration opens"), null=True, blank=True
    )
    registration_closes = models.DateTimeField(
        _("registration closes"), null=True, blank=True
    )

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        MultiFieldPanel([FieldPanel("start"), FieldPanel("end")], heading=_("When")),
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("audience"),
                FieldPanel("capacity"),
                FieldPanel("waiting_list"),
                FieldPanel("registration_opens"),
                FieldPanel("registration_closes"),
            ],
            heading=_("Registration"),
        ),
    ]

    class Meta:
        verbose_name = _("event")

    def get_context(self, request, *args, **kwargs):
        from .services import seats_left

        context = super().get_context(request, *args, **kwargs)
        context["seats_left"] = seats_left(self)
        return context


class Status(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    WAITING = "waiting", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")
    ATTENDED = "attended", _("Attended")


ACTIVE = [Status.CONFIRMED, Status.WAITING, Status.ATTENDED]


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
    status = models.CharField(max_length=10, choices=Status.choices)
    cancel_token = models.CharField(max_length=64, unique=True, default=new_token)
    created_at = models.DateTimeField(auto_now_add=True)
    # Set when the lock is held, so it is the true order of arrival.
    sequence = models.PositiveIntegerField()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["sequence"]
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

    def __str__(self) -> str:
        return f"{self.name} – {self.event} ({self.status})"
