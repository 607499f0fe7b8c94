"""The agenda and its meetings: what editors fill in for an event.

An event page carries its practical facts (when, where, for whom), its
registration rules (seats, window, waiting list), the questions people answer
when they sign up and optional workshop rounds with their own seats.
Registrations themselves live in registrations.py.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from network.models import Cluster, Province, Topic

from ..blocks import ProgrammeBlock


class Audience(models.TextChoices):
    MEMBERS = "members", _("Members of the network only")
    OPEN = "open", _("Open to all")


class Format(models.TextChoices):
    ON_SITE = "on_site", _("On site")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("On site and online")


class EventTopic(TaggedItemBase):
    """Themes of an event, from the same topic list as expert profiles, so one
    theme finds both the colleague who knows and the meeting about it."""

    tag = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="events")
    content_object = ParentalKey(
        "events.EventPage", on_delete=models.CASCADE, related_name="tagged_topics"
    )


class EventIndexPage(RoutablePageMixin, Page):
    intro = models.TextField(_("introduction"), blank=True)

    parent_page_types = ["lecso_site.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count = 1

    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = _("agenda")
        verbose_name_plural = _("agendas")

    def events(self):
        return EventPage.objects.child_of(self).live().public()

    @path("")
    def agenda(self, request):
        from ..agenda import agenda_context

        return self.render(request, context_overrides=agenda_context(self, request))

    @path("ical/", name="feed")
    def feed(self, request):
        from ..ics import public_feed_response

        return public_feed_response(self, request)


class EventPage(RoutablePageMixin, Page):
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    intro = models.TextField(_("introduction"), max_length=400, blank=True)
    programme = StreamField(ProgrammeBlock(), blank=True, verbose_name=_("programme"))

    format = models.CharField(
        _("format"), max_length=10, choices=Format.choices, default=Format.ON_SITE
    )
    venue_name = models.CharField(_("venue"), max_length=150, blank=True)
    venue_address = models.CharField(_("address"), max_length=200, blank=True)
    venue_city = models.CharField(_("town or city"), max_length=100, blank=True)
    province = models.CharField(
        _("region"), max_length=2, choices=Province.choices, blank=True
    )
    online_url = models.URLField(
        _("online meeting link"),
        blank=True,
        help_text=_(
            "Only sent to people who registered, in their e-mail and calendar "
            "file; never shown on the site."
        ),
    )

    audience = models.CharField(
        _("audience"), max_length=10, choices=Audience.choices, default=Audience.MEMBERS
    )
    clusters = ParentalManyToManyField(
        Cluster, blank=True, related_name="events", verbose_name=_("clusters")
    )
    topics = ClusterTaggableManager(
        through=EventTopic, blank=True, verbose_name=_("themes")
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

    # Raised whenever time or place change, so calendars replace their copy.
    ics_sequence = models.PositiveIntegerField(default=0, editable=False)
    # What is left of the attendance once attendee data is purged.
    purged_at = models.DateTimeField(null=True, blank=True, editable=False)
    purged_summary = models.JSONField(default=dict, blank=True, editable=False)

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    # The online link is never indexed: it is for registered people only.
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("programme"),
        index.SearchField("venue_name"),
        index.SearchField("venue_city"),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.FilterField("start"),
        index.FilterField("end"),
    ]

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")], heading=_("When")),
        FieldPanel("intro"),
        FieldPanel("programme"),
        MultiFieldPanel(
            [
                FieldPanel("format"),
                FieldPanel("venue_name"),
                FieldPanel("venue_address"),
                FieldPanel("venue_city"),
                FieldPanel("province"),
                FieldPanel("online_url"),
            ],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("audience"),
                FieldPanel("clusters", widget=forms.CheckboxSelectMultiple),
                FieldPanel("topics"),
            ],
            heading=_("For whom and about what"),
        ),
        InlinePanel("organisers", heading=_("Organisers"), label=_("Organiser")),
        MultiFieldPanel(
            [
                FieldPanel("capacity"),
                FieldPanel("waiting_list"),
                FieldRowPanel(
                    [
                        FieldPanel("registration_opens"),
                        FieldPanel("registration_closes"),
                    ]
                ),
            ],
            heading=_("Registration"),
        ),
        InlinePanel(
            "questions", heading=_("Registration questions"), label=_("Question")
        ),
        InlinePanel("sessions", heading=_("Workshop rounds"), label=_("Session")),
    ]

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("The event must end after it starts.")
        if (
            self.registration_opens
            and self.registration_closes
            and self.registration_closes <= self.registration_opens
        ):
            errors["registration_closes"] = _("Registration must close after it opens.")
        if (
            self.end
            and self.registration_closes
            and self.registration_closes > self.end
        ):
            errors["registration_closes"] = _(
                "Registration cannot close after the event has ended."
            )
        if self.format != Format.ON_SITE and not self.online_url:
            errors["online_url"] = _("An online event needs a meeting link.")
        if self.format != Format.ONLINE and not (self.venue_name or self.venue_city):
            errors["venue_name"] = _("Say where people should go.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if self.pk:
            before = (
                EventPage.objects.filter(pk=self.pk)
                .values("start", "end", "venue_name", "venue_address", "venue_city")
                .first()
            )
            now = {
                "start": self.start,
                "end": self.end,
                "venue_name": self.venue_name,
                "venue_address": self.venue_address,
                "venue_city": self.venue_city,
            }
            if before and before != now:
                self.ics_sequence += 1
        super().save(*args, **kwargs)

    # --- facts the templates and services ask for ---

    @property
    def is_online(self) -> bool:
        return self.format in (Format.ONLINE, Format.HYBRID)

    @property
    def has_venue(self) -> bool:
        return self.format in (Format.ON_SITE, Format.HYBRID)

    @property
    def location_text(self) -> str:
        """Where, as one line: public, so without the meeting link."""
        parts = [self.venue_name, self.venue_address, self.venue_city]
        place = ", ".join(p for p in parts if p) if self.has_venue else ""
        if self.format == Format.ONLINE:
            return str(_("Online"))
        if self.format == Format.HYBRID:
            return f"{place} ({_('also online')})"
        return place

    @property
    def has_ended(self) -> bool:
        return self.end < timezone.now()

    def registration_state(self, now=None) -> str:
        """ "not-open", "open" or "closed" by the clock alone (seats aside)."""
        now = now or timezone.now()
        if self.registration_opens and now < self.registration_opens:
            return "not-open"
        if (self.registration_closes and now > self.registration_closes) or (
            now > self.end
        ):
            return "closed"
        return "open"

    @cached_property
    def rounds(self) -> list[tuple[int, list["EventSession"]]]:
        by_round: dict[int, list[EventSession]] = {}
        for session in self.sessions.all():
            by_round.setdefault(session.round, []).append(session)
        return sorted(by_round.items())

    @path("")
    def event(self, request):
        from ..views import event_page

        return event_page(request, self)

    @path("ical/", name="ics")
    def ics(self, request):
        from ..ics import public_event_response

        return public_event_response(self, request)


class EventOrganiser(Orderable):
    """People who run the meeting: named on the page, and allowed to see and
    manage its registrations on the site."""

    event = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="organisers")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="organised_events",
        verbose_name=_("person"),
    )
    role = models.CharField(
        _("role"),
        max_length=100,
        blank=True,
        help_text=_("For example: host, speaker."),
    )

    panels = [FieldPanel("user"), FieldPanel("role")]

    @property
    def display_name(self) -> str:
        """As colleagues know them: the profile name, never the username."""
        return self.user.name_for_others()

    class Meta(Orderable.Meta):
        verbose_name = _("organiser")
        verbose_name_plural = _("organisers")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "user"], name="one_organiser_entry_per_person"
            )
        ]


class QuestionKind(models.TextChoices):
    TEXT = "text", _("Short text")
    LONG_TEXT = "long_text", _("Longer text")
    CHOICE = "choice", _("One choice from a list")
    CHECKBOX = "checkbox", _("Tick box (yes or no)")


class EventQuestion(Orderable):
    """A question people answer when they register: dietary needs, access
    needs, which bus they take. Answers are stored with the registration."""

    event = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="questions")
    label = models.CharField(_("question"), max_length=200)
    help_text = models.CharField(_("explanation"), max_length=300, blank=True)
    kind = models.CharField(
        _("kind of answer"),
        max_length=10,
        choices=QuestionKind.choices,
        default=QuestionKind.TEXT,
    )
    choices = models.TextField(
        _("choices"), blank=True, help_text=_("For a choice: one option per line.")
    )
    required = models.BooleanField(_("answer required"), default=False)

    panels = [
        FieldPanel("label"),
        FieldPanel("help_text"),
        FieldPanel("kind"),
        FieldPanel("choices"),
        FieldPanel("required"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("registration question")
        verbose_name_plural = _("registration questions")

    def __str__(self) -> str:
        return self.label

    @property
    def options(self) -> list[str]:
        return [line.strip() for line in self.choices.splitlines() if line.strip()]

    def clean(self):
        super().clean()
        if self.kind == QuestionKind.CHOICE and len(self.options) < 2:
            raise ValidationError(
                {"choices": _("Give at least two options, one per line.")}
            )


class EventSession(Orderable):
    """A workshop in a round: people pick one session per round, and each
    session has its own seats."""

    event = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="sessions")
    round = models.PositiveSmallIntegerField(
        _("round"),
        default=1,
        help_text=_("Sessions in the same round run side by side."),
    )
    title = models.CharField(_("title"), max_length=150)
    description = models.TextField(_("description"), blank=True, max_length=600)
    capacity = models.PositiveIntegerField(
        _("seats"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )

    panels = [
        FieldPanel("round"),
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("capacity"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["round", "sort_order"]

    def __str__(self) -> str:
        return self.title
