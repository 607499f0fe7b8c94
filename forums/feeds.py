"""RSS for categories that visitors may read. A feed reader is anonymous, so
members-only categories and closed groups have no feed: their titles would
leak to anyone with the address."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from .models import Category
from .permissions import visible_threads

FEED_ITEMS = 30


class CategoryFeed(Feed):
    def get_object(self, request, slug):
        category = get_object_or_404(Category, slug=slug)
        if not category.visible_to_visitors:
            raise Http404
        self.request = request
        return category

    def title(self, category):
        return _("Forum: %(name)s") % {"name": category.name}

    def link(self, category):
        return self.request.build_absolute_uri(category.get_absolute_url())

    def description(self, category):
        return category.description

    def items(self, category):
        from django.contrib.auth.models import AnonymousUser

        return (
            visible_threads(AnonymousUser())
            .filter(category=category)
            .order_by("-created_at")[:FEED_ITEMS]
        )

    def item_title(self, thread):
        return thread.title

    def item_description(self, thread):
        first = thread.posts.filter(position=1, is_hidden=False).first()
        return first.body[:500] if first else ""

    def item_link(self, thread):
        return self.request.build_absolute_uri(thread.get_absolute_url())

    def item_pubdate(self, thread):
        return thread.created_at
