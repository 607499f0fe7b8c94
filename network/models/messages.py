"""Contact between people goes through the platform: questions to experts and
the notifications that tell people about them. E-mail addresses stay private."""

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

# In a stored notification title: where the actor's name goes. A character of
# Unicode's private use area, which nobody types and every database stores.
ACTOR = "\ue000"


class ContactStatus(models.TextChoices):
    UNCONFIRMED = "unconfirmed", _("Waiting for the sender to confirm their address")
    OPEN = "open", _("Waiting for an answer")
    ANSWERED = "answered", _("Answered")
    DECLINED = "declined", _("Declined")


class ContactRequest(models.Model):
    """A question to an expert. A member asks as themselves; a visitor gives a
    name and an address, which they confirm before the expert sees anything."""

    # The asker keeps their question when the expert deletes their account.
    expert = models.ForeignKey(
        "network.Profile",
        on_delete=models.SET_NULL,
        null=True,
        related_name="contact_requests",
    )
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sent_contact_requests",
    )
    sender_name = models.CharField(_("your name"), max_length=150)
    sender_email = models.EmailField(_("your e-mail address"), blank=True)
    sender_organisation = models.CharField(
        _("your school or organisation"), max_length=200, blank=True
    )
    subject = models.CharField(_("subject"), max_length=150)
    message = models.TextField(_("your question"), max_length=4000)
    status = models.CharField(
        max_length=12, choices=ContactStatus.choices, default=ContactStatus.OPEN
    )
    answer = models.TextField(_("answer"), blank=True, max_length=4000)
    language = models.CharField(max_length=5, default="nl")
    confirmation_token = models.CharField(
        max_length=64, unique=True, null=True, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("question to an expert")
        verbose_name_plural = _("questions to experts")
        indexes = [models.Index(fields=["sender_email", "created_at"])]

    def __str__(self) -> str:
        return f"{self.subject} → {self.expert}"

    def get_absolute_url(self) -> str:
        return reverse("network:contact_request", kwargs={"pk": self.pk})

    def new_confirmation_token(self) -> str:
        self.confirmation_token = secrets.token_urlsafe(24)
        return self.confirmation_token


class NotificationQuerySet(models.QuerySet):
    def unread(self):
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    """One line in a person's inbox (/meldingen/). Other apps create them through
    network.notifications.notify().

    A person it is about (`actor`) is referred to, not written into the title:
    the title holds ACTOR where their name goes, and display_title() puts in
    the name they have when it is shown. So a new name shows at once, and a
    deleted account's name is gone from everyone's inbox."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    kind = models.CharField(max_length=50)
    title = models.CharField(max_length=200)
    body = models.TextField(blank=True, max_length=2000)
    url = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["recipient", "read_at"])]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")

    def __str__(self) -> str:
        return self.display_title()

    def display_title(self) -> str:
        """The title as the recipient sees it, in the active language for the
        actor's part: their current name, or "a deleted account" once they
        left (delete_account clears `actor`). Load with
        select_related("actor__profile") to spare a query per line."""
        if ACTOR not in self.title:
            return self.title
        if self.actor is None:
            name = gettext("a deleted account")
        else:
            name = self.actor.name_for_others(gettext("a member"))
        return capfirst(self.title.replace(ACTOR, name))
