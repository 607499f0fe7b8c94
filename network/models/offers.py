"""What a special school offers mainstream schools "at the front door":
consultation, ambulante begeleiding, observation, training, a visit, materials."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from .organisations import Province, SchoolType


class OfferKind(models.TextChoices):
    CONSULTATION = "consultatie", _("Consultation and advice")
    AMBULANT = "ambulant", _("Ambulante begeleiding")
    OBSERVATION = "observatie", _("Observation and diagnostics")
    TRAINING = "scholing", _("Training")
    VISIT = "bezoek", _("Visit to see how a class works")
    MATERIALS = "materialen", _("Materials to borrow")


class OfferCost(models.TextChoices):
    FREE = "gratis", _("Free")
    ARRANGEMENT = "arrangement", _("Through the samenwerkingsverband")
    QUOTE = "offerte", _("On quotation")
    FEE = "tarief", _("Fixed fee")


class OfferFormat(models.TextChoices):
    """Where the support happens; an offer may have several."""

    AT_OUR_SCHOOL = "bij-ons", _("At our school")
    AT_YOUR_SCHOOL = "bij-u", _("At the asking school")
    ONLINE = "online", _("Online")


FORMAT_FIELDS = {
    OfferFormat.AT_OUR_SCHOOL: "at_our_school",
    OfferFormat.AT_YOUR_SCHOOL: "at_your_school",
    OfferFormat.ONLINE: "online",
}


class SupportOfferQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)


class SupportOffer(index.Indexed, models.Model):
    school = models.ForeignKey(
        "network.School",
        on_delete=models.CASCADE,
        related_name="offers",
        verbose_name=_("school"),
    )
    title = models.CharField(_("title"), max_length=150)
    slug = models.SlugField(_("address"), max_length=160, editable=False)
    description = models.TextField(
        _("description"),
        max_length=4000,
        help_text=_("What you offer, for whom, and what the asking school can expect."),
    )
    kind = models.CharField(_("kind of support"), max_length=20, choices=OfferKind)
    support_needs = models.ManyToManyField(
        "network.SupportNeed",
        blank=True,
        related_name="offers",
        verbose_name=_("support needs"),
    )
    clusters = models.ManyToManyField(
        "network.Cluster", blank=True, related_name="offers", verbose_name=_("clusters")
    )
    school_type = models.CharField(
        _("for SO or VSO"), max_length=10, choices=SchoolType.choices, blank=True
    )
    # Two-letter province codes, comma-separated: the region is a short list
    # read with the offer, and a code never occurs inside another.
    provinces = models.CharField(_("provinces served"), max_length=40)
    alliances = models.TextField(
        _("samenwerkingsverbanden served"),
        blank=True,
        max_length=1000,
        help_text=_("One per line; leave empty when the whole province is served."),
    )
    at_our_school = models.BooleanField(_("at our school"), default=False)
    at_your_school = models.BooleanField(_("at the asking school"), default=False)
    online = models.BooleanField(_("online"), default=False)
    cost = models.CharField(_("cost"), max_length=20, choices=OfferCost)
    cost_note = models.CharField(
        _("about the cost"),
        max_length=200,
        blank=True,
        help_text=_("For example: €95 per hour, or the first talk is free."),
    )
    contact = models.ForeignKey(
        "network.Profile",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="offers",
        verbose_name=_("contact person"),
        help_text=_(
            "Someone at the school; asking schools reach them through the site, "
            "never by e-mail address."
        ),
    )
    is_published = models.BooleanField(_("published"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SupportOfferQuerySet.as_manager()

    # Published offers are a kind in the site search (search.offers); the
    # support needs' names and the school travel with the offer's text, and
    # network.search_text re-indexes an offer when its needs change.
    search_fields = [
        index.SearchField("title", boost=4),
        index.AutocompleteField("title"),
        index.SearchField("description"),
        index.SearchField("context_text"),
        index.FilterField("id"),
        index.FilterField("is_published"),
        index.FilterField("school_type"),
        index.FilterField("kind"),
    ]

    class Meta:
        ordering = ["title", "pk"]
        verbose_name = _("support offer")
        verbose_name_plural = _("support offers")

    def __str__(self) -> str:
        return f"{self.title} ({self.school.name})"

    def save(self, *args, **kwargs):
        self.slug = slugify(self.title)[:160] or "aanbod"
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("network:offer", kwargs={"pk": self.pk, "slug": self.slug})

    def clean(self):
        if self.contact_id and self.school_id:
            works_here = self.contact.affiliations.filter(school_id=self.school_id)
            if not works_here.exists():
                raise ValidationError(
                    {"contact": _("The contact person must work at this school.")}
                )
        if not (self.at_our_school or self.at_your_school or self.online):
            raise ValidationError(
                _(
                    "Say where the support happens: at your school, at the asking "
                    "school or online."
                )
            )

    @property
    def context_text(self) -> str:
        """What the offer is about beyond its own words: its support needs
        (with their other names), its kind, and the school and place."""
        parts = [str(self.get_kind_display()), self.school.name, self.school.city]
        for need in self.support_needs.all():
            parts += [need.name, need.also_known_as]
        return " ".join(part for part in parts if part)

    def province_codes(self) -> list[str]:
        return [code for code in self.provinces.split(",") if code]

    def province_names(self) -> list[str]:
        names = dict(Province.choices)
        return [names[code] for code in self.province_codes() if code in names]

    def alliance_list(self) -> list[str]:
        return [line.strip() for line in self.alliances.splitlines() if line.strip()]

    def formats(self) -> list[str]:
        return [
            str(choice.label)
            for choice, field_name in FORMAT_FIELDS.items()
            if getattr(self, field_name)
        ]


class RequestStatus(models.TextChoices):
    UNCONFIRMED = "unconfirmed", _("Waiting for the sender to confirm their address")
    OPEN = "open", _("Waiting for an answer")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    REFERRED = "referred", _("Passed on to a colleague")


class SupportRequest(models.Model):
    """A mainstream school asks for an offer. A member asks as themselves; a
    visitor gives a name and an address, which they confirm first. The
    offer's contact and the school's coordinators accept, decline or pass it
    on to a colleague; nobody sees anyone's e-mail address."""

    # The request outlives a deleted offer, so its people keep their history.
    offer = models.ForeignKey(
        SupportOffer, on_delete=models.SET_NULL, null=True, related_name="requests"
    )
    offer_title = models.CharField(max_length=150)
    school = models.ForeignKey(
        "network.School",
        on_delete=models.CASCADE,
        related_name="support_requests",
    )
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="support_requests",
    )
    sender_name = models.CharField(_("your name"), max_length=150)
    sender_email = models.EmailField(_("your e-mail address"), blank=True)
    sender_school = models.CharField(_("your school"), max_length=200)
    question = models.TextField(_("your question"), max_length=4000)
    pupil_need = models.TextField(
        _("what the pupil needs, in general terms"), max_length=1000
    )
    status = models.CharField(
        max_length=12, choices=RequestStatus.choices, default=RequestStatus.OPEN
    )
    response = models.TextField(_("answer"), blank=True, max_length=4000)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    referred_to = models.ForeignKey(
        "network.Profile",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="referred_support_requests",
    )
    language = models.CharField(max_length=5, default="nl")
    confirmation_token = models.CharField(
        max_length=64, unique=True, null=True, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    handled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("request for support")
        verbose_name_plural = _("requests for support")
        indexes = [models.Index(fields=["sender_email", "created_at"])]

    def __str__(self) -> str:
        return f"{self.offer_title} ← {self.sender_school}"

    def get_absolute_url(self) -> str:
        return reverse("network:support_request", kwargs={"pk": self.pk})

    @property
    def is_final(self) -> bool:
        return self.status in (RequestStatus.ACCEPTED, RequestStatus.DECLINED)
