"""The cache of the site's chrome (home page, menu sections, news feed; see
templatetags/lecso_tags.py): a version in its key, moved on whenever the page
tree may have changed what everyone sees in the header."""

import time

from django.core.cache import cache

CACHE_SECONDS = 60 * 60
VERSION_KEY = "chrome:version"


def cache_key(host: str, language: str) -> str:
    version = cache.get(VERSION_KEY) or 0
    return f"chrome:{version}:{host}:{language}"


def forget(**_kwargs) -> None:
    cache.set(VERSION_KEY, time.time_ns(), None)


def _saved_or_deleted(sender, instance, **_kwargs) -> None:
    from wagtail.models import Page, PageViewRestriction, Site

    # Any kind of page (a save signal names the concrete class, not Page).
    if isinstance(instance, (Page, PageViewRestriction, Site)):
        forget()


def connect() -> None:
    """Forget the chrome when a page is saved, published, unpublished, moved or
    deleted, when a section is restricted, or when a site changes."""
    from django.db.models.signals import post_delete, post_save
    from wagtail.signals import page_published, page_unpublished, post_page_move

    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(forget, dispatch_uid="chrome")
    for signal in (post_save, post_delete):
        signal.connect(_saved_or_deleted, dispatch_uid="chrome")
