"""Where conversations live: public categories, and closed groups whose threads
only their members see."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from network.models import Cluster


class Category(models.Model):
    """A public area of the forum (members read and write; visitors read
    categories marked public)."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), unique=True)
    description = models.CharField(_("description"), max_length=300, blank=True)
    cluster = models.ForeignKey(
        Cluster,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="forum_categories",
        verbose_name=_("cluster"),
    )
    is_helpdesk = models.BooleanField(
        _("helpdesk"),
        default=False,
        help_text=_("Members ask the association; its staff answer."),
    )
    visible_to_visitors = models.BooleanField(
        _("visitors may read"),
        default=False,
        help_text=_("Otherwise only members of the network read it."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("forum category")
        verbose_name_plural = _("forum categories")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("forums:category", args=[self.slug])


class Group(models.Model):
    """A closed space for a working group or a region: only its members see its
    threads. People join on request or invitation; managers approve."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), unique=True)
    description = models.CharField(_("description"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("closed group")
        verbose_name_plural = _("closed groups")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("forums:group", args=[self.slug])


class MembershipStatus(models.TextChoices):
    REQUESTED = "requested", _("Asked to join")
    INVITED = "invited", _("Invited")
    ACTIVE = "active", _("Member")


class GroupMembership(models.Model):
    group = models.ForeignKey(
        Group, on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="forum_memberships",
    )
    status = models.CharField(max_length=10, choices=MembershipStatus.choices)
    is_manager = models.BooleanField(_("group manager"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["group", "user"], name="one_membership_per_group"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} in {self.group} ({self.status})"

    @property
    def display_name(self) -> str:
        from .content import display_name

        return display_name(self.user)
