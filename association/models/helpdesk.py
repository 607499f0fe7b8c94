"""The private helpdesk: a member asks the association a question nobody else
should read, an adviser answers it, and a good answer can become a knowledge
article (lecso_site.helpdesk_knowledge) with the member's words anonymised."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from network.uploads import private_storage

from .signals import SignalTheme


class CaseStatus(models.TextChoices):
    NEW = "nieuw", _("New")
    ASSIGNED = "toegewezen", _("Assigned")
    WAITING = "wacht", _("Waiting for the member")
    ANSWERED = "beantwoord", _("Answered")
    CLOSED = "gesloten", _("Closed")


OPEN_STATUSES = (CaseStatus.NEW, CaseStatus.ASSIGNED, CaseStatus.WAITING)


class Case(models.Model):
    """One question to the association, with everything said on it. School,
    SO/VSO and province are copied from the asker's profile when they ask, so
    the year's numbers stay as they were and survive a deleted account."""

    # A deleted account's cases stay for the numbers, anonymised (privacy.py).
    asker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="helpdesk_cases",
        verbose_name=_("asked by"),
    )
    school = models.ForeignKey(
        "network.School",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="helpdesk_cases",
        verbose_name=_("school"),
    )
    share_with_coordinator = models.BooleanField(
        _("my school's coordinator may read this question and its answers"),
        default=False,
    )
    theme = models.ForeignKey(
        SignalTheme,
        on_delete=models.PROTECT,
        related_name="helpdesk_cases",
        verbose_name=_("theme"),
    )
    subject = models.CharField(_("subject"), max_length=150)
    question = models.TextField(_("your question"), max_length=6000)
    status = models.CharField(
        _("status"), max_length=12, choices=CaseStatus, default=CaseStatus.NEW
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_helpdesk_cases",
        verbose_name=_("adviser"),
    )
    merged_into = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="merged_cases",
        verbose_name=_("merged into"),
    )
    # The draft (later published) Q&A article made of this case's answer.
    article = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("knowledge article"),
    )
    article_announced_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(_("asked"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Since when the association owes the member a reply; None while the
    # member has the last word's answer or the case is closed.
    awaiting_reply_since = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("helpdesk question")
        verbose_name_plural = _("helpdesk questions")
        indexes = [
            models.Index(fields=["asker", "created_at"]),
            models.Index(fields=["status", "awaiting_reply_since"]),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.subject}"

    def get_absolute_url(self) -> str:
        return reverse("association:case", kwargs={"pk": self.pk})

    def get_admin_url(self) -> str:
        return reverse("helpdesk_admin_case", kwargs={"pk": self.pk})

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


class CaseMessageKind(models.TextChoices):
    FROM_MEMBER = "lid", _("From the member")
    REPLY = "antwoord", _("Answer to the member")
    ASK_MORE = "vraag", _("Question to the member")
    NOTE = "notitie", _("Internal note (advisers only)")


class CaseMessage(models.Model):
    """What passes on a case after the question: the member's additions, the
    advisers' answers and questions, which reach the member, and their
    internal notes, which never do. Written one row at a time, never through a
    form of the whole case, so two advisers writing at once both keep theirs."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="messages")
    kind = models.CharField(_("kind"), max_length=10, choices=CaseMessageKind)
    text = models.TextField(_("text"), max_length=6000)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("message")
        verbose_name_plural = _("messages")

    def __str__(self) -> str:
        return self.text[:60]

    @property
    def reaches_member(self) -> bool:
        return self.kind != CaseMessageKind.NOTE

    @property
    def from_association(self) -> bool:
        return self.kind in (CaseMessageKind.REPLY, CaseMessageKind.ASK_MORE)


class CaseAttachment(models.Model):
    """A file the member sent with the question (message empty) or with an
    addition; served only to those who may read the case."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="attachments")
    message = models.ForeignKey(
        CaseMessage,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="attachments",
    )
    file = models.FileField(storage=private_storage, upload_to="helpdesk/%Y/%m/")
    name = models.CharField(max_length=200)
    size = models.PositiveIntegerField()
    content_type = models.CharField(max_length=100)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("association:case_attachment", kwargs={"pk": self.pk})
