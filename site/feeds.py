"""The RSS feed of news at /nieuws/feed/."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.translation import gettext as _

FEED_ITEMS = 20


class NewsFeed(Feed):
    def get_object(self, request, news_index):
        self.request = request
        return news_index

    def title(self, news_index):
        return _("%(site)s news") % {"site": news_index.get_site().site_name or "LECSO"}

    # Absolute links are built from the request, so they carry the host the reader
    # actually used rather than whatever the Site record says.
    def link(self, news_index):
        return self.request.build_absolute_uri(news_index.get_url(self.request))

    def description(self, news_index):
        return news_index.intro

    def items(self, news_index):
        return news_index.news()[:FEED_ITEMS]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro

    def item_link(self, item):
        return self.request.build_absolute_uri(item.get_url(self.request))

    def item_guid(self, item):
        # Stable across renames, moves and host changes, unlike the URL.
        return f"urn:uuid:{item.translation_key}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return timezone.make_aware(
            datetime.datetime.combine(item.date, datetime.time())
        )

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]
