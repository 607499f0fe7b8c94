"""Boards (*besturen*), their schools and the schools' locations."""

import re

from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.search import index

BRIN_VALIDATOR = RegexValidator(
    r"^[0-9]{2}[A-Z]{2}$",
    _("A BRIN code is two digits and two capital letters, for example 12AB."),
)
LOCATION_VALIDATOR = RegexValidator(
    r"^[0-9]{2}[A-Z]{2}[0-9]{2}$",
    _("A location code is the BRIN code and two digits, for example 12AB01."),
)


class Province(models.TextChoices):
    GRONINGEN = "GR", "Groningen"
    FRIESLAND = "FR", "Friesland"
    DRENTHE = "DR", "Drenthe"
    OVERIJSSEL = "OV", "Overijssel"
    FLEVOLAND = "FL", "Flevoland"
    GELDERLAND = "GE", "Gelderland"
    UTRECHT = "UT", "Utrecht"
    NOORD_HOLLAND = "NH", "Noord-Holland"
    ZUID_HOLLAND = "ZH", "Zuid-Holland"
    ZEELAND = "ZE", "Zeeland"
    NOORD_BRABANT = "NB", "Noord-Brabant"
    LIMBURG = "LI", "Limburg"


class SchoolType(models.TextChoices):
    SO = "so", _("SO (primary)")
    VSO = "vso", _("VSO (secondary)")
    BOTH = "so-vso", _("SO and VSO")

    @classmethod
    def matching(cls, wanted: str) -> list[str]:
        """Stored values that serve `wanted`: a school or person for both serves
        either."""
        if wanted in (cls.SO, cls.VSO):
            return [wanted, cls.BOTH]
        return [cls.BOTH]


class Board(models.Model):
    """A school board; the board, not the school, is the association's member."""

    name = models.CharField(_("name"), max_length=200)
    number = models.CharField(
        _("board number"),
        max_length=10,
        unique=True,
        help_text=_("The board's number (bevoegd gezag) at DUO, e.g. 41234."),
    )
    is_member = models.BooleanField(_("member of the association"), default=False)
    member_since = models.DateField(_("member since"), null=True, blank=True)
    website = models.URLField(_("website"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("board")
        verbose_name_plural = _("boards")

    def __str__(self) -> str:
        return self.name


class SchoolQuerySet(models.QuerySet):
    def members(self):
        return self.filter(board__is_member=True)

    def with_email_domain(self, domain: str):
        """Schools whose staff use `domain`; matched on whole lines of the list."""
        pattern = r"(^|\s)" + re.escape(domain.strip().lower()) + r"(\s|$)"
        return self.filter(email_domains__iregex=pattern)


class School(index.Indexed, ClusterableModel):
    name = models.CharField(_("name"), max_length=200)
    brin = models.CharField(
        _("BRIN code"), max_length=4, unique=True, validators=[BRIN_VALIDATOR]
    )
    board = models.ForeignKey(
        Board, on_delete=models.PROTECT, related_name="schools", verbose_name=_("board")
    )
    # Blank only for a school the DUO register brought in: DUO does not say
    # whether a school teaches SO, VSO or both, so an editor completes it.
    school_type = models.CharField(
        _("school type"), max_length=10, choices=SchoolType.choices, blank=True
    )
    clusters = ParentalManyToManyField(
        "network.Cluster", related_name="schools", verbose_name=_("clusters")
    )
    offers_vervolgonderwijs = models.BooleanField(
        _("VSO profile: vervolgonderwijs"), default=False
    )
    offers_arbeidsmarkt = models.BooleanField(
        _("VSO profile: arbeidsmarktgericht"), default=False
    )
    offers_dagbesteding = models.BooleanField(
        _("VSO profile: dagbesteding"), default=False
    )
    province = models.CharField(_("province"), max_length=2, choices=Province.choices)
    city = models.CharField(_("city"), max_length=100)
    alliance = models.CharField(
        _("samenwerkingsverband"),
        max_length=200,
        blank=True,
        help_text=_("The regional alliance for passend onderwijs."),
    )
    street = models.CharField(_("address"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=7, blank=True)
    municipality = models.CharField(_("municipality"), max_length=100, blank=True)
    phone = models.CharField(_("telephone"), max_length=30, blank=True)
    denomination = models.CharField(
        _("denomination"),
        max_length=100,
        blank=True,
        help_text=_("As DUO records it, e.g. Openbaar or Rooms-Katholiek."),
    )
    website = models.URLField(_("website"), blank=True)
    to_complete = models.BooleanField(
        _("to complete"),
        default=False,
        help_text=_(
            "Imported from DUO without what DUO does not hold (SO/VSO, clusters, "
            "e-mail domains). Cleared once a school type and a cluster are set."
        ),
    )
    email_domains = models.TextField(
        _("e-mail domains"),
        blank=True,
        help_text=_(
            "One per line, e.g. deburcht.nl. Staff with these addresses may register."
        ),
    )
    description = models.TextField(_("short description"), blank=True, max_length=1000)

    objects = SchoolQuerySet.as_manager()

    # Schools are public: the site search finds them by name, place, BRIN,
    # samenwerkingsverband and board (search.sources.SchoolSource).
    search_fields = [
        index.SearchField("name", boost=4),
        index.AutocompleteField("name"),
        index.SearchField("city", boost=2),
        index.SearchField("province_name"),
        index.SearchField("brin", boost=4),
        index.SearchField("alliance"),
        index.SearchField("description"),
        index.RelatedFields("board", [index.SearchField("name")]),
        index.FilterField("id"),
        index.FilterField("province"),
        index.FilterField("city"),
        index.FilterField("school_type"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("school")
        verbose_name_plural = _("schools")

    def __str__(self) -> str:
        return f"{self.name} ({self.city})"

    def save(self, *args, **kwargs):
        self.brin = self.brin.strip().upper()
        self.email_domains = "\n".join(self.domain_list())
        if self.to_complete and self.school_type and self.clusters.exists():
            self.to_complete = False
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("network:school", kwargs={"brin": self.brin})

    @property
    def province_name(self) -> str:
        return self.get_province_display()

    def domain_list(self) -> list[str]:
        return sorted(
            {
                d.strip().lower().lstrip("@")
                for d in self.email_domains.split()
                if d.strip()
            }
        )

    def vso_profiles(self) -> list[str]:
        fields = (
            "offers_vervolgonderwijs",
            "offers_arbeidsmarkt",
            "offers_dagbesteding",
        )
        return [
            str(self._meta.get_field(name).verbose_name).split(": ", 1)[-1]
            for name in fields
            if getattr(self, name)
        ]


class SchoolLocation(models.Model):
    school = ParentalKey(School, on_delete=models.CASCADE, related_name="locations")
    code = models.CharField(
        _("location code"), max_length=6, unique=True, validators=[LOCATION_VALIDATOR]
    )
    name = models.CharField(_("name"), max_length=200, blank=True)
    street = models.CharField(_("address"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=7, blank=True)
    city = models.CharField(_("city"), max_length=100)
    municipality = models.CharField(_("municipality"), max_length=100, blank=True)
    phone = models.CharField(_("telephone"), max_length=30, blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("location")
        verbose_name_plural = _("locations")

    def __str__(self) -> str:
        return f"{self.code} {self.name or self.school.name}, {self.city}"
