from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from lecso_site.blocks import BodyBlock

# An article is for SO, VSO or both, exactly as a school or a person is.
from network.models import Cluster
from network.models import SchoolType as Audience
from network.pagination import paginate
from network.query_params import int_param, slug_param

RELATED_ARTICLES_SHOWN = 3


class KnowledgeArticleTag(TaggedItemBase):
    content_object = ParentalKey(
        "lecso_site.KnowledgeArticle",
        on_delete=models.CASCADE,
        related_name="tagged_items",
    )


class KnowledgeIndexPage(Page):
    intro = models.TextField(_("introduction"), blank=True)

    parent_page_types = ["lecso_site.HomePage"]
    subpage_types = ["lecso_site.KnowledgeArticle", "lecso_site.KnowledgeQuestion"]
    max_count = 1

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = _("knowledge base")
        verbose_name_plural = _("knowledge bases")

    def articles(self):
        return (
            KnowledgeArticle.objects.child_of(self)
            .live()
            .public()
            .order_by("title")
            .prefetch_related("clusters")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = self.articles()
        filters = {}
        audience = request.GET.get("audience", "")
        if audience in (Audience.SO, Audience.VSO):
            articles = articles.filter(audience__in=Audience.matching(audience))
            filters["audience"] = audience
        cluster = int_param(request.GET, "cluster")
        if cluster is not None:
            in_cluster = KnowledgeArticle.objects.filter(clusters__number=cluster)
            articles = articles.filter(pk__in=in_cluster.values("pk"))
            filters["cluster"] = cluster
        tag = slug_param(request.GET, "tag")
        if tag:
            tagged = KnowledgeArticle.objects.filter(tags__slug=tag)
            articles = articles.filter(pk__in=tagged.values("pk"))
            filters["tag"] = tag
            context["tag"] = Tag.objects.filter(slug=tag).first()
        context.update(
            # The filters ask by key, so no article comes twice and the list
            # needs no DISTINCT: over every column, the body's too, that took
            # 70 ms of the page at ten times today's 500 articles.
            articles=paginate(request, articles),
            filters=filters,
            audiences=[
                (Audience.SO, Audience.SO.label),
                (Audience.VSO, Audience.VSO.label),
            ],
            clusters=Cluster.objects.all(),
        )
        return context


class KnowledgeArticle(Page):
    intro = models.TextField(
        _("introduction"),
        max_length=400,
        help_text=_("A short summary, shown in lists and search results."),
    )
    audience = models.CharField(
        _("audience"), max_length=10, choices=Audience.choices, default=Audience.BOTH
    )
    clusters = ParentalManyToManyField(
        Cluster,
        blank=True,
        related_name="knowledge_articles",
        verbose_name=_("clusters"),
        help_text=_("Leave empty when the article applies to every cluster."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"))
    tags = ClusterTaggableManager(
        through=KnowledgeArticleTag, blank=True, verbose_name=_("tags")
    )

    parent_page_types = ["lecso_site.KnowledgeIndexPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("audience"),
                FieldPanel("clusters", widget=forms.CheckboxSelectMultiple),
                FieldPanel("tags"),
            ],
            heading=_("Who is it for"),
        ),
        FieldPanel("body"),
        InlinePanel("related_links", heading=_("Related articles"), label=_("Article")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("audience"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]

    class Meta:
        verbose_name = _("knowledge article")
        verbose_name_plural = _("knowledge articles")

    def related_articles(self) -> list["KnowledgeArticle"]:
        """Articles the editor chose, topped up with live articles sharing a tag."""
        chosen = [
            link.article
            for link in self.related_links.select_related("article")
            if link.article.live
        ]
        missing = RELATED_ARTICLES_SHOWN - len(chosen)
        if missing > 0:
            by_tag = (
                KnowledgeArticle.objects.live()
                .public()
                .filter(tags__in=self.tags.all())
                .exclude(pk__in=[self.pk, *(a.pk for a in chosen)])
                .distinct()
                .order_by("-first_published_at")[:missing]
            )
            chosen.extend(by_tag)
        return chosen


class KnowledgeQuestion(KnowledgeArticle):
    """A question members asked, in the forum's helpdesk or privately of the
    association, and its answer: made from a solved thread or an answered
    helpdesk case (lecso_site.forum_knowledge, lecso_site.helpdesk_knowledge)
    with the asker anonymised. The answer is the article's body, so lists,
    search and related articles treat it as any knowledge article."""

    question = models.TextField(
        _("the question"),
        max_length=6000,
        help_text=_(
            "As a member asked it, without their name, school or anything that "
            "points to a pupil."
        ),
    )
    theme = models.ForeignKey(
        "association.SignalTheme",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("theme"),
    )

    parent_page_types = ["lecso_site.KnowledgeIndexPage"]
    subpage_types = []
    template = "lecso_site/knowledge_question.html"

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("question"),
        FieldPanel("body", heading=_("The answer")),
        MultiFieldPanel(
            [
                FieldPanel("theme"),
                FieldPanel("audience"),
                FieldPanel("clusters", widget=forms.CheckboxSelectMultiple),
                FieldPanel("tags"),
            ],
            heading=_("Who is it for"),
        ),
        InlinePanel("related_links", heading=_("Related articles"), label=_("Article")),
    ]
    search_fields = KnowledgeArticle.search_fields + [
        index.SearchField("question", boost=2)
    ]

    class Meta:
        verbose_name = _("question and answer")
        verbose_name_plural = _("questions and answers")


class RelatedKnowledgeArticle(Orderable):
    source = ParentalKey(
        KnowledgeArticle, on_delete=models.CASCADE, related_name="related_links"
    )
    article = models.ForeignKey(
        KnowledgeArticle,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("article"),
    )

    panels = [FieldPanel("article")]

    class Meta(Orderable.Meta):
        verbose_name = _("related article")
        verbose_name_plural = _("related articles")
