"""Consultations: the association asks its members' view on a draft position
or a proposal, with questions, and counts the answers."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable
from wagtail.search import index


class Audience(models.TextChoices):
    ALL = "alle", _("All members")
    CLUSTER_1 = "cluster-1", _("Members in cluster 1")
    CLUSTER_2 = "cluster-2", _("Members in cluster 2")
    CLUSTER_3 = "cluster-3", _("Members in cluster 3")
    CLUSTER_4 = "cluster-4", _("Members in cluster 4")
    SO = "so", _("Members in SO")
    VSO = "vso", _("Members in VSO")


class AnswerBy(models.TextChoices):
    PERSON = "persoon", _("One answer per person")
    BOARD = "bestuur", _("One answer per board, given by a school coordinator")


class Consultation(index.Indexed, ClusterableModel):
    """The association asks its members' view on a draft position or a
    proposal, between two moments, of an audience."""

    title = models.CharField(_("title"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=150, unique=True)
    intro = models.TextField(
        _("introduction"),
        max_length=8000,
        help_text=_("What the association proposes and why it asks. Markdown."),
    )
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(_("closes"))
    audience = models.CharField(
        _("audience"), max_length=12, choices=Audience, default=Audience.ALL
    )
    answer_by = models.CharField(
        _("who answers"), max_length=10, choices=AnswerBy, default=AnswerBy.PERSON
    )
    results_for_members = models.BooleanField(
        _("members see the results after closing"), default=True
    )
    reminder_days = models.PositiveSmallIntegerField(
        _("remind this many days before closing"),
        default=3,
        help_text=_("Those who have not answered yet; 0 sends no reminder."),
    )
    reminded_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    # Open consultations are found by members (lecso_site.search_sources).
    search_fields = [
        index.SearchField("title", boost=4),
        index.AutocompleteField("title"),
        index.SearchField("intro"),
        index.FilterField("id"),
        index.FilterField("opens_at"),
        index.FilterField("closes_at"),
    ]

    class Meta:
        ordering = ["-opens_at"]
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("association:consultation", kwargs={"slug": self.slug})

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("It must close after it opens.")})

    @property
    def is_open(self) -> bool:
        from django.utils import timezone

        return self.opens_at <= timezone.now() < self.closes_at

    @property
    def is_closed(self) -> bool:
        from django.utils import timezone

        return self.closes_at <= timezone.now()


class ConsultationAttachment(models.Model):
    consultation = ParentalKey(
        Consultation, on_delete=models.CASCADE, related_name="attachments"
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("document"),
    )

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return str(self.document)


class QuestionKind(models.TextChoices):
    SINGLE = "een", _("One choice")
    MULTIPLE = "meer", _("Several choices")
    SCALE = "schaal", _("A scale from 1 to 5")
    OPEN = "open", _("Open text")


class Question(Orderable):
    consultation = ParentalKey(
        Consultation, on_delete=models.CASCADE, related_name="questions"
    )
    text = models.CharField(_("question"), max_length=300)
    kind = models.CharField(_("kind"), max_length=8, choices=QuestionKind)
    choices = models.TextField(
        _("choices"),
        blank=True,
        max_length=2000,
        help_text=_("One per line, for one or several choices."),
    )
    scale_low = models.CharField(
        _("1 means"), max_length=60, blank=True, help_text=_("e.g. fully disagree")
    )
    scale_high = models.CharField(
        _("5 means"), max_length=60, blank=True, help_text=_("e.g. fully agree")
    )
    required = models.BooleanField(_("an answer is required"), default=True)

    class Meta(Orderable.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return self.text

    def options(self) -> list[str]:
        if self.kind == QuestionKind.SCALE:
            return ["1", "2", "3", "4", "5"]
        return [line.strip() for line in self.choices.splitlines() if line.strip()]


class Response(models.Model):
    """One person's, or one board's, answers to a consultation. A deleted
    account's response stays counted, without the person."""

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="responses"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="consultation_responses",
    )
    board = models.ForeignKey(
        "network.Board",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="consultation_responses",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "user"],
                condition=models.Q(user__isnull=False, board__isnull=True),
                name="one_response_per_person",
            ),
            models.UniqueConstraint(
                fields=["consultation", "board"],
                condition=models.Q(board__isnull=False),
                name="one_response_per_board",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.consultation} ({self.created_at:%Y-%m-%d})"


class Answer(models.Model):
    """One answer to one question; a question of several choices has one row
    per choice made, so counting is counting rows."""

    response = models.ForeignKey(
        Response, on_delete=models.CASCADE, related_name="answers"
    )
    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="answers"
    )
    value = models.TextField(max_length=4000)

    def __str__(self) -> str:
        return self.value[:60]
