"""The newsletter: editors compose an issue as a page (its web version), for
the members' list or the public one, send it through the moderation workflow
like news, and the worker sends it in batches (lecso_site.newsletter).

Consent lives here too: a member gets the members' newsletter unless they opt
out (MemberNewsletterChoice); anyone may subscribe to the public one with a
confirmed address (Subscriber). Each recipient of an issue is a
NewsletterDelivery row, claimed under a row lock when sent, so a worker that
stops halfway and starts again sends to everyone once."""

from django.conf import settings
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.images.blocks import ImageBlock
from wagtail.models import Page

from network.permissions import is_member


class NewsletterAudience(models.TextChoices):
    PUBLIC = "openbaar", _("Public newsletter (subscribers)")
    MEMBERS = "leden", _("Members' newsletter")


class CountBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), max_length=100)
    count = blocks.IntegerBlock(
        label=_("how many"), min_value=1, max_value=10, default=3
    )


class NewsletterBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(
        label=_("Text"), features=["h2", "h3", "bold", "italic", "link", "ol", "ul"]
    )
    image = ImageBlock(label=_("Image"))
    news = blocks.PageChooserBlock(
        label=_("News item"), page_type="lecso_site.NewsPage"
    )
    knowledge = blocks.PageChooserBlock(
        label=_("Knowledge article"), page_type="lecso_site.KnowledgeArticle"
    )
    meeting = blocks.PageChooserBlock(label=_("Meeting"), page_type="events.EventPage")
    upcoming_meetings = CountBlock(
        label=_("Upcoming meetings"),
        help_text=_("The next meetings the list's readers may come to."),
    )
    solved_questions = CountBlock(
        label=_("Solved forum questions"),
        help_text=_(
            "The latest solved helpdesk questions the list's readers may read."
        ),
    )


class NewsletterIndexPage(Page):
    intro = models.TextField(_("introduction"), blank=True)

    parent_page_types = ["lecso_site.HomePage"]
    subpage_types = ["lecso_site.NewsletterIssue"]
    max_count = 1
    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = _("newsletter archive")
        verbose_name_plural = _("newsletter archives")

    def issues_for(self, user):
        """Sent issues this person may read, the newest first."""
        issues = (
            NewsletterIssue.objects.child_of(self)
            .live()
            .filter(sending_started_at__isnull=False)
            .order_by("-sending_started_at")
        )
        if not is_member(user):
            issues = issues.filter(audience=NewsletterAudience.PUBLIC)
        return issues

    def get_context(self, request, *args, **kwargs):
        from lecso_site.newsletter_forms import SubscribeForm

        context = super().get_context(request, *args, **kwargs)
        context["issues"] = self.issues_for(request.user)
        context["form"] = SubscribeForm()
        return context


class NewsletterIssue(Page):
    audience = models.CharField(
        _("list"),
        max_length=10,
        choices=NewsletterAudience,
        default=NewsletterAudience.PUBLIC,
        help_text=_(
            "Items the list's readers may not see are left out, in the e-mail and "
            "on the web."
        ),
    )
    intro = models.TextField(_("introduction"), max_length=1000)
    body = StreamField(NewsletterBlock(), verbose_name=_("contents"))
    send_at = models.DateTimeField(
        _("send at"),
        null=True,
        blank=True,
        help_text=_(
            "Leave empty and send it yourself from the sending page once it is "
            "published; or choose a moment and it goes out then, if published."
        ),
    )
    sending_started_at = models.DateTimeField(null=True, blank=True, editable=False)
    sending_finished_at = models.DateTimeField(null=True, blank=True, editable=False)

    parent_page_types = ["lecso_site.NewsletterIndexPage"]
    subpage_types = []
    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("audience"), FieldPanel("send_at")], heading=_("Sending")
        ),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    # The editor previews the web version and the e-mail as it will arrive.
    preview_modes = [("", _("Web version")), ("email", _("E-mail"))]

    class Meta:
        verbose_name = _("newsletter issue")
        verbose_name_plural = _("newsletter issues")

    @property
    def for_members(self) -> bool:
        return self.audience == NewsletterAudience.MEMBERS

    def serve(self, request, *args, **kwargs):
        # A members' issue does not exist for anyone else.
        if self.for_members and not is_member(request.user):
            raise Http404
        return super().serve(request, *args, **kwargs)

    def get_sitemap_urls(self, request=None):
        return [] if self.for_members else super().get_sitemap_urls(request)

    def get_context(self, request, *args, **kwargs):
        from lecso_site.newsletter import items_for

        context = super().get_context(request, *args, **kwargs)
        context["items"] = items_for(self, request=request)
        return context

    def serve_preview(self, request, mode_name):
        if mode_name == "email":
            from django.http import HttpResponse

            from lecso_site.newsletter import render_issue

            html, _text = render_issue(self, unsubscribe_url="#", request=request)
            return HttpResponse(html)
        return super().serve_preview(request, mode_name)


class Subscriber(models.Model):
    """Someone on the public list. The row exists only once they confirmed
    their address (double opt-in); the moment is their consent."""

    email = models.EmailField(_("e-mail address"), max_length=254, unique=True)
    language = models.CharField(max_length=10, default="nl")
    confirmed_at = models.DateTimeField(_("consent given"))
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")

    def __str__(self) -> str:
        return self.email


class MemberNewsletterChoice(models.Model):
    """A member's choice about the members' newsletter, with its moment.
    Without a row a member gets it (the association's members' service)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="newsletter_choice",
    )
    receives = models.BooleanField(_("I receive the members' newsletter"), default=True)
    changed_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.user_id}: {self.receives}"


class DeliveryStatus(models.TextChoices):
    PENDING = "wacht", _("Waiting")
    SENT = "verzonden", _("Sent")
    FAILED = "mislukt", _("Failed")
    UNSUBSCRIBED = "afgemeld", _("Unsubscribed before it was their turn")


class NewsletterDelivery(models.Model):
    """One issue to one address. Made for every recipient when sending starts;
    the worker claims waiting rows under a row lock, one at a time."""

    issue = models.ForeignKey(
        NewsletterIssue, on_delete=models.CASCADE, related_name="deliveries"
    )
    email = models.EmailField(max_length=254)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    language = models.CharField(max_length=10, default="nl")
    status = models.CharField(
        max_length=10, choices=DeliveryStatus, default=DeliveryStatus.PENDING
    )
    sent_at = models.DateTimeField(null=True, blank=True)
    error = models.CharField(max_length=300, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["issue", "email"], name="one_delivery_each")
        ]
        indexes = [
            models.Index(fields=["issue", "status"]),
            # The next waiting delivery of an issue, in order: without it
            # PostgreSQL walked past every row sent so far for each pick,
            # and a send slowed with the square of its recipients (bench).
            models.Index(
                fields=["issue", "id"],
                condition=models.Q(status="wacht"),
                name="newsletter_waiting_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.issue_id} → {self.email}"
