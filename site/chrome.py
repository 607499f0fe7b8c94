"""The cache of the site's chrome (home page, menu sections, news feed; see
templatetags/lecso_tags.py): a version in its key, moved on whenever the page
tree may have changed what everyone sees in the header. And who may use the
admin, so Wagtail's user bar asks the database only for editors: every other
signed-in page would read all of the person's permissions (two queries) to
learn that they get no user bar."""

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


ADMIN_VERSION_KEY = "chrome:admin-version"


def may_use_admin(user) -> bool:
    """Whether the user may open Wagtail's admin (and so sees its user bar),
    remembered per user until a user, group or permission changes."""
    if not user.is_authenticated:
        return False
    version = cache.get(ADMIN_VERSION_KEY) or 0
    key = f"chrome:admin:{version}:{user.pk}"
    allowed = cache.get(key)
    if allowed is None:
        allowed = user.has_perm("wagtailadmin.access_admin")
        cache.set(key, allowed, CACHE_SECONDS)
    return allowed


def forget_admin_access(**_kwargs) -> None:
    cache.set(ADMIN_VERSION_KEY, time.time_ns(), None)


def connect() -> None:
    """Forget the chrome when a page is saved, published, unpublished, moved or
    deleted, when a section is restricted, or when a site changes."""
    from django.db.models.signals import post_delete, post_save
    from wagtail.signals import page_published, page_unpublished, post_page_move

    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(forget, dispatch_uid="chrome")
    for signal in (post_save, post_delete):
        signal.connect(_saved_or_deleted, dispatch_uid="chrome")
    _connect_admin_access()


def _connect_admin_access() -> None:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.db.models.signals import m2m_changed, post_delete, post_save

    user_model = get_user_model()
    for through in (
        user_model.groups.through,
        user_model.user_permissions.through,
        Group.permissions.through,
    ):
        m2m_changed.connect(forget_admin_access, sender=through, dispatch_uid="admin")
    for model in (user_model, Group):
        for signal in (post_save, post_delete):
            signal.connect(forget_admin_access, sender=model, dispatch_uid="admin")
