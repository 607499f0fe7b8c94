from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from lecso_site.blocks import BodyBlock


class HomePage(Page):
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
    ]
    max_count = 1

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from .knowledge import KnowledgeArticle
        from .news import NewsPage

        context = super().get_context(request, *args, **kwargs)
        context["latest_news"] = NewsPage.objects.live().public().latest_first()[:3]
        context["latest_knowledge"] = (
            KnowledgeArticle.objects.live().public().order_by("-first_published_at")[:3]
        )
        return context
