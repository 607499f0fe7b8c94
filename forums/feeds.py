"""RSS for categories that visitors may read. A feed reader is anonymous, so
members-only categories and closed groups have no feed: their titles would
leak to anyone with the address."""

from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from .models import Category, Post
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

        # The opening posts of all items in one query, not one per item.
        opening = Post.objects.filter(position=1, is_hidden=False).only(
            "thread_id", "body"
        )
        return (
            visible_threads(AnonymousUser())
            .filter(category=category)
            .order_by("-created_at")
            .prefetch_related(Prefetch("posts", opening, to_attr="opening_posts"))[
                :FEED_ITEMS
            ]
        )

    def item_title(self, thread):
        return thread.title

    def item_description(self, thread):
        # A hidden opening post leaves the item without a description.
        return thread.opening_posts[0].body[:500] if thread.opening_posts else ""

    def item_link(self, thread):
        return self.request.build_absolute_uri(thread.get_absolute_url())

    def item_pubdate(self, thread):
        return thread.created_at
