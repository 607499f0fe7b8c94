"""What the site offers the other apps through Wagtail's hooks: its pages,
events and forum threads as search sources, the helpdesk thread's "draft
knowledge article" action, and the same for a private helpdesk case."""

from wagtail import hooks

from .forum_knowledge import offer_draft_article
from .helpdesk_knowledge import admin_urlpatterns as helpdesk_admin_urls
from .search_sources import SOURCES


@hooks.register("search_sources")
def offer_site_sources():
    return SOURCES


hooks.register("forums_thread_actions", offer_draft_article)


@hooks.register("register_admin_urls")
def helpdesk_to_knowledge_url():
    return helpdesk_admin_urls
