from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from lecso_site.blocks import BodyBlock
from network.pagination import paginate
from network.query_params import slug_param


class Theme(models.TextChoices):
    """The association's three focus areas."""

    GOOD_EDUCATION = "goed-onderwijs", _("Good education (SO/VSO)")
    QUALITY = "kwaliteitszorg", _("Quality assurance")
    CHAINS = "ketens-partners", _("Chains & partners")


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "lecso_site.NewsPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class NewsPageQuerySet(PageQuerySet):
    def latest_first(self):
        return self.order_by("-date", "-first_published_at", "-pk")


class NewsIndexPage(RoutablePageMixin, Page):
    intro = models.TextField(_("introduction"), blank=True)

    parent_page_types = ["lecso_site.HomePage"]
    subpage_types = ["lecso_site.NewsPage"]
    max_count = 1

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = _("news index")
        verbose_name_plural = _("news indexes")

    def news(self):
        return (
            NewsPage.objects.child_of(self)
            .live()
            .public()
            .latest_first()
            .prefetch_related("tags")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        news = self.news()
        tag = slug_param(request.GET, "tag")
        theme = request.GET.get("theme", "").strip()
        if tag:
            news = news.filter(tags__slug=tag)
            context["tag"] = Tag.objects.filter(slug=tag).first()
            context["tag_slug"] = tag
        if theme in Theme.values:
            news = news.filter(theme=theme)
            context["theme"] = Theme(theme)
        context["news_pages"] = paginate(request, news)
        context["themes"] = Theme.choices
        return context

    @path("")
    def index_route(self, request):
        return self.render(request)

    @path("feed/")
    def feed(self, request):
        from lecso_site.feeds import NewsFeed

        return NewsFeed()(request, news_index=self)


class NewsPage(Page):
    date = models.DateField(_("date"), default=timezone.localdate)
    intro = models.TextField(
        _("introduction"),
        max_length=400,
        help_text=_("A short summary, shown in lists and in the news feed."),
    )
    theme = models.CharField(
        _("theme"), max_length=30, choices=Theme.choices, blank=True
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"))
    tags = ClusterTaggableManager(
        through=NewsPageTag, blank=True, verbose_name=_("tags")
    )

    objects = PageManager.from_queryset(NewsPageQuerySet)()

    parent_page_types = ["lecso_site.NewsIndexPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("date"), FieldPanel("theme"), FieldPanel("tags")],
            heading=_("About this item"),
        ),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("date"),
        index.FilterField("theme"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")
        # Latest first (latest_first) picks a few items in date order from here:
        # without it the home page sorted all 10,000 items at ten times today's
        # news (11 ms, against 0.3 ms with it).
        indexes = [models.Index(fields=["-date"], name="newspage_latest_first")]

    def more_news(self, count: int = 3):
        """The latest other items, shown beside this one."""
        return (
            NewsPage.objects.live().public().exclude(pk=self.pk).latest_first()[:count]
        )
