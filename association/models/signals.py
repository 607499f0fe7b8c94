"""Signals: bottlenecks (*knelpunten*) a member school meets with passend
onderwijs, reported to the association, worked by its policy advisers and
grouped into dossiers the association takes to its partners."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.search import index

from network.models import Province, SchoolType

ADVISERS_GROUP = "Beleidsadviseurs"


class SignalTheme(models.Model):
    """A theme the association's work is grouped by: signals and helpdesk
    questions alike. Editors keep the list."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self) -> str:
        return self.name


class SignalSince(models.TextChoices):
    RECENT = "recent", _("Less than three months")
    THIS_YEAR = "schooljaar", _("This school year")
    LONGER = "langer", _("Longer than a year")


class SignalStatus(models.TextChoices):
    NEW = "nieuw", _("New")
    LOOKING = "bekeken", _("Being looked at")
    RAISED = "aangekaart", _("Raised with partners")
    CLOSED = "gesloten", _("Closed")


class Dossier(index.Indexed, models.Model):
    """A theme the association works on, with the signals that feed it. Once
    published, members read what was done with their signals."""

    title = models.CharField(_("title"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=150, unique=True)
    summary = models.TextField(
        _("what we do with it"),
        max_length=4000,
        help_text=_(
            "For members, once published: what the association did with these "
            "signals. Markdown; name no school unless its reporter allowed it."
        ),
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    # Published dossiers are a kind in the site search, for members only
    # (lecso_site.search_sources.DossierSource). Signals are never indexed.
    search_fields = [
        index.SearchField("title", boost=4),
        index.AutocompleteField("title"),
        index.SearchField("summary"),
        index.FilterField("id"),
        index.FilterField("published_at"),
    ]

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("dossier")
        verbose_name_plural = _("dossiers")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("association:dossier", kwargs={"slug": self.slug})

    @property
    def is_published(self) -> bool:
        from django.utils import timezone

        return self.published_at is not None and self.published_at <= timezone.now()


class Signal(ClusterableModel):
    """One bottleneck, reported by a member. School, clusters, SO/VSO and
    province are copied from the reporter's profile when they report, so the
    association's numbers stay as they were when the signal came in."""

    # A deleted account's signals stay, without their reporter.
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="signals",
        verbose_name=_("reporter"),
    )
    school = models.ForeignKey(
        "network.School",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="signals",
        verbose_name=_("school"),
    )
    clusters = models.ManyToManyField(
        "network.Cluster", blank=True, related_name="+", verbose_name=_("clusters")
    )
    school_type = models.CharField(
        _("SO or VSO"), max_length=10, choices=SchoolType.choices, blank=True
    )
    province = models.CharField(
        _("province"), max_length=2, choices=Province.choices, blank=True
    )
    theme = models.ForeignKey(
        SignalTheme,
        on_delete=models.PROTECT,
        related_name="signals",
        verbose_name=_("theme"),
    )
    what = models.TextField(_("what happens"), max_length=4000)
    since = models.CharField(_("since when"), max_length=12, choices=SignalSince)
    effect = models.TextField(_("the effect on pupils"), max_length=2000)
    alliance = models.CharField(_("samenwerkingsverband"), max_length=200, blank=True)
    municipality = models.CharField(_("municipality"), max_length=100, blank=True)
    may_name_school = models.BooleanField(
        _("the association may name my school"),
        default=False,
        help_text=_(
            "When it raises this signal with partners. Without it the association "
            "speaks of “a school in your province”."
        ),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=SignalStatus, default=SignalStatus.NEW
    )
    dossier = models.ForeignKey(
        Dossier,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="signals",
        verbose_name=_("dossier"),
    )
    created_at = models.DateTimeField(_("reported"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("signal")
        verbose_name_plural = _("signals")
        indexes = [models.Index(fields=["reporter", "created_at"])]

    def __str__(self) -> str:
        return f"{self.theme}: {Truncator(self.what).words(8)}"

    def get_absolute_url(self) -> str:
        return reverse("association:signal", kwargs={"pk": self.pk})


class MessageKind(models.TextChoices):
    REPLY = "antwoord", _("Reply to the reporter")
    ASK_MORE = "vraag", _("Ask the reporter for more")
    NOTE = "notitie", _("Internal note (advisers only)")
    FROM_REPORTER = "melder", _("From the reporter")


class SignalMessage(models.Model):
    """What passes on a signal: the advisers' replies and questions, which
    reach the reporter, their notes, which never do, and the reporter's own
    additions."""

    signal = ParentalKey(Signal, on_delete=models.CASCADE, related_name="messages")
    kind = models.CharField(
        _("kind"), max_length=10, choices=MessageKind, default=MessageKind.REPLY
    )
    text = models.TextField(_("text"), max_length=4000)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("message")
        verbose_name_plural = _("messages")

    def __str__(self) -> str:
        return self.text[:60]

    @property
    def reaches_reporter(self) -> bool:
        return self.kind != MessageKind.NOTE
