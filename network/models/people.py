"""People: the account (User), their expert profile, and where they work."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from wagtail.search import index

from .. import narrowing
from .organisations import SchoolType
from .taxonomy import TaggedTopic


class User(AbstractUser):
    """An account. E-mail addresses are unique regardless of case, because people
    sign in with them; the username exists for Wagtail's admin screens."""

    email = models.EmailField(_("e-mail address"))
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=5,
        choices=settings.LANGUAGES,
        default="nl",
    )

    email_notifications = models.CharField(
        _("e-mail about notifications"),
        max_length=10,
        choices=[
            ("instant", _("Right away")),
            ("daily", _("Once a day, in a digest")),
            ("never", _("Never: I look on the site")),
        ],
        default="instant",
    )

    objects = UserManager()

    class Meta(AbstractUser.Meta):
        constraints = [
            models.UniqueConstraint(Lower("email"), name="unique_email_ignoring_case")
        ]
        # The few closed accounts, left out of directory counts and the search
        # (network.permissions.closed_accounts).
        indexes = [
            models.Index(
                fields=["id"], condition=Q(is_active=False), name="user_closed"
            )
        ]
        swappable = "AUTH_USER_MODEL"

    def save(self, *args, **kwargs):
        self.email = self.email.strip()
        super().save(*args, **kwargs)

    def name_for_others(self, fallback: str = "") -> str:
        """How this person is named to others: the profile's name, else the
        account's full name, else `fallback`. Never the e-mail address, unless
        the caller passes it (in the person's own form, say). A profile loaded
        with select_related costs no query."""
        profile = getattr(self, "profile", None)
        return (profile.name if profile else "") or self.get_full_name() or fallback


class Visibility(models.TextChoices):
    MEMBERS = "members", _("Members of the network only")
    PUBLIC = "public", _("Everyone, also visitors without an account")
    HIDDEN = "hidden", _("Nobody: not in the directory")


class Availability(models.TextChoices):
    QUESTIONS = "questions", _("Open for questions")
    VISIT = "visit", _("Open for a visit")
    TALK = "talk", _("Open to give a talk at a meeting")


class ProfileQuerySet(models.QuerySet):
    def listed(self):
        """Profiles that may appear in the directory at all."""
        # A join to the account, not a NOT IN of the few closed ones: with the
        # search's filters PostgreSQL then planned the people part better (66
        # against 80 ms at 30,000 people; 510 against 600 ms at 300,000).
        return self.exclude(visibility=Visibility.HIDDEN).filter(user__is_active=True)

    def visible_to(self, user):
        """What `user` may see: members see members-only profiles too; anyone else
        sees public profiles only. The rule lives in network.permissions."""
        from network.permissions import profile_visibilities_for

        return self.listed().filter(visibility__in=profile_visibilities_for(user))


class Profile(index.Indexed, models.Model):
    """A person's expert profile. Members-only by default: a person chooses to
    be public."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    slug = models.SlugField(_("address"), max_length=120, unique=True)
    name = models.CharField(_("name"), max_length=150)
    job_title = models.CharField(_("role or job title"), max_length=150, blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("photo"),
    )
    bio = models.TextField(
        _("about me"),
        blank=True,
        max_length=4000,
        help_text=_("Markdown: *italic*, **bold**, lists and links."),
    )
    support_needs = models.ManyToManyField(
        "network.SupportNeed",
        blank=True,
        related_name="profiles",
        verbose_name=_("support needs"),
    )
    topics = TaggableManager(through=TaggedTopic, blank=True, verbose_name=_("topics"))
    clusters = models.ManyToManyField(
        "network.Cluster",
        blank=True,
        related_name="profiles",
        verbose_name=_("clusters"),
    )
    school_type = models.CharField(
        _("SO or VSO"), max_length=10, choices=SchoolType.choices, blank=True
    )
    languages = models.CharField(
        _("languages"),
        max_length=200,
        blank=True,
        help_text=_("For example: Nederlands, NGT, Engels."),
    )
    open_for_questions = models.BooleanField(_("open for questions"), default=False)
    open_for_visit = models.BooleanField(_("open for a visit"), default=False)
    open_for_talk = models.BooleanField(_("open to give a talk"), default=False)
    visibility = models.CharField(
        _("who may see my profile"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.MEMBERS,
    )
    schools = models.ManyToManyField(
        "network.School", through="network.Affiliation", related_name="profiles"
    )
    # Lower-cased name, role, bio, topics, support needs and schools, kept up to
    # date by network.search_text; the directory's text search reads only this.
    search_text = models.TextField(editable=False, blank=True, default="")
    # What the profile counts for in the directory's counts with nothing chosen
    # (network.directory_counts), so a change counts only the difference.
    counted_as = models.TextField(editable=False, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ProfileQuerySet.as_manager()

    # search_text already holds topics, support needs and schools; the name and
    # role are searched again with a boost so a person's own name ranks first.
    # Kept current by network.search_text, which re-indexes after each refresh.
    search_fields = [
        index.SearchField("name", boost=4),
        index.AutocompleteField("name"),
        index.SearchField("job_title", boost=2),
        index.SearchField("search_text"),
        # Which filters the profile passes, for the index to narrow a filtered
        # search (network.narrowing); not words anyone reads.
        index.SearchField("narrowing_words"),
        index.FilterField("id"),
        index.FilterField("visibility"),
        index.FilterField("school_type"),
        index.RelatedFields("user", [index.FilterField("is_active")]),
    ]

    AVAILABILITY_FIELDS = {
        Availability.QUESTIONS: "open_for_questions",
        Availability.VISIT: "open_for_visit",
        Availability.TALK: "open_for_talk",
    }

    class Meta:
        ordering = ["name"]
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")
        indexes = [
            models.Index(fields=["visibility", "name"]),
            # The directory's two orders (network.directory.SORTS): a page of
            # the first 20 is read in order from the index and stops there,
            # instead of sorting every visible profile.
            models.Index(fields=["name", "id"], name="profile_by_name"),
            models.Index(fields=["-updated_at", "id"], name="profile_by_recent"),
            # The few hidden profiles, read from the index alone by the site
            # search (network.permissions.profiles_hidden_from).
            models.Index(
                fields=["id"],
                condition=Q(visibility=Visibility.HIDDEN),
                name="profile_hidden",
            ),
            # The public profiles' keys, which a visitor's search checks its
            # matches against from the index alone (at 300,000 people each
            # match was otherwise a visit to the profile's row).
            models.Index(
                fields=["id"],
                condition=Q(visibility=Visibility.PUBLIC),
                name="profile_public",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self._unique_slug()
        if not self._state.adding and kwargs.get("update_fields") is None:
            # counted_as is written by network.directory_counts alone, under
            # a lock: a profile loaded before that and saved after must not
            # put its old value back.
            kwargs["update_fields"] = [
                field.name
                for field in self._meta.concrete_fields
                if not field.primary_key and field.name != "counted_as"
            ]
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("network:profile", kwargs={"slug": self.slug})

    @classmethod
    def get_indexed_objects(cls):
        # The narrowing words read clusters and support needs: two queries a
        # batch when the index is built, not two per profile.
        return (
            super().get_indexed_objects().prefetch_related("clusters", "support_needs")
        )

    def narrowing_words(self) -> str:
        return narrowing.words_of(self)

    @cached_property
    def first_school_name(self) -> str:
        """The name of the first school the person works at. A list that shows
        many people may set it for all of them from one query (as the forum's
        thread page does)."""
        for affiliation in self.affiliations.all():
            return affiliation.school.name
        return ""

    def _unique_slug(self) -> str:
        base = slugify(self.name)[:100] or "deskundige"
        slug, number = base, 1
        while Profile.objects.filter(slug=slug).exclude(pk=self.pk).exists():
            number += 1
            slug = f"{base}-{number}"
        return slug

    def availability(self) -> list[Availability]:
        return [
            choice
            for choice, field in self.AVAILABILITY_FIELDS.items()
            if getattr(self, field)
        ]


class Affiliation(models.Model):
    """Where a person works; one person can work at several schools."""

    profile = models.ForeignKey(
        Profile, on_delete=models.CASCADE, related_name="affiliations"
    )
    school = models.ForeignKey(
        "network.School", on_delete=models.CASCADE, related_name="affiliations"
    )
    job_title = models.CharField(_("role at this school"), max_length=150, blank=True)
    is_coordinator = models.BooleanField(
        _("school coordinator"),
        default=False,
        help_text=_("Keeps the school's page and staff list up to date."),
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["profile", "school"], name="one_affiliation_per_school"
            )
        ]
        verbose_name = _("affiliation")
        verbose_name_plural = _("affiliations")

    def __str__(self) -> str:
        return f"{self.profile} @ {self.school}"
