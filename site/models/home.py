from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from lecso_site.blocks import BodyBlock

# How many of each kind the home page shows.
MEETINGS = 3
QUESTIONS = 5
NEWS = 3
KNOWLEDGE = 3


class HomePage(Page):
    """The front door: what the association says (intro, featured items, body)
    and the network alive around it: the next meetings, questions colleagues
    are asking, support needs to find a colleague by, news and knowledge.
    Everything listed is what the reader may see."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("One or two sentences at the top of the home page."),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "lecso_site.NewsIndexPage",
        "lecso_site.KnowledgeIndexPage",
        "events.EventIndexPage",
        "lecso_site.StandardPage",
        "lecso_site.NewsletterIndexPage",
    ]
    max_count = 1

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [InlinePanel("featured_items", max_num=3, label=_("Featured item"))],
            heading=_("Featured"),
            help_text=_("Up to three pages shown prominently under the introduction."),
        ),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        from events.agenda import coming_up
        from forums.permissions import visible_threads
        from network.directory import directory_url
        from network.models import SupportNeed

        from .knowledge import KnowledgeArticle
        from .news import NewsPage

        context = super().get_context(request, *args, **kwargs)
        # At most three, so a few queries each stay a constant.
        context["featured"] = [
            {"page": item.page.specific, "label": item.label}
            for item in self.featured_items.select_related("page")
            if item.page.live and not item.page.get_view_restrictions().exists()
        ]
        context["meetings"] = coming_up(MEETINGS)
        context["questions"] = list(
            visible_threads(request.user)
            .filter(kind="question")
            .select_related("category", "group")
            .order_by("-last_post_at")[:QUESTIONS]
        )
        context["support_needs"] = [
            (need, directory_url(support_need=need.slug))
            for need in SupportNeed.objects.all()
        ]
        context["latest_news"] = NewsPage.objects.live().public().latest_first()[:NEWS]
        context["latest_knowledge"] = (
            KnowledgeArticle.objects.live()
            .public()
            .prefetch_related("clusters")
            .order_by("-first_published_at")[:KNOWLEDGE]
        )
        return context


class HomeFeature(Orderable):
    """A page the editors put on the home page."""

    home = ParentalKey(
        HomePage, on_delete=models.CASCADE, related_name="featured_items"
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("page"),
    )
    label = models.CharField(
        _("label"),
        max_length=60,
        blank=True,
        help_text=_("A word above the title, such as “New” or “Read first”."),
    )

    panels = [FieldPanel("page"), FieldPanel("label")]

    def __str__(self) -> str:
        return str(self.page)
