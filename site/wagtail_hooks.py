"""What the site offers the other apps through Wagtail's hooks: its pages,
events and forum threads as search sources, and the helpdesk thread's
"draft knowledge article" action."""

from wagtail import hooks

from .forum_knowledge import offer_draft_article
from .search_sources import SOURCES


@hooks.register("search_sources")
def offer_site_sources():
    return SOURCES


hooks.register("forums_thread_actions", offer_draft_article)
