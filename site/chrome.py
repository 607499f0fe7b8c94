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


def cache_key(host: str, language: str, version=None) -> str:
    if version is None:
        version = cache.get(VERSION_KEY) or 0
    return f"chrome:{version}:{host}:{language}"


def versions(request) -> tuple[int, int]:
    """The chrome's version and the admin access's, read together once per
    request (each page's header and user bar asked for them apart). A version
    the cache no longer holds (a cache emptied) starts again from the clock,
    so what a process kept under an earlier one (read) is never read again;
    0 where the cache gave none (unreachable): then nothing is kept."""
    known = getattr(request, "_lecso_chrome_versions", None)
    if known is None:
        got = cache.get_many([VERSION_KEY, ADMIN_VERSION_KEY])
        known = tuple(
            got.get(key) or _started(key) for key in (VERSION_KEY, ADMIN_VERSION_KEY)
        )
        request._lecso_chrome_versions = known
    return known


def _started(key: str) -> int:
    version = time.time_ns()
    # Not added: another process started it a moment ago, or the cache is
    # down; this request asks the shared cache only.
    return version if cache.add(key, version, None) else 0


# What this process read of the chrome, by key. A key names a version, and
# what a version holds does not change (a change moves the version on), so
# the process keeps it rather than ask the shared cache on every page.
_KEPT: dict = {}
_KEPT_MAX = 512


def read(key: str, version: int):
    value = _KEPT.get(key) if version else None
    if value is None:
        value = cache.get(key)
        if value is not None and version:
            _keep(key, value)
    return value


def write(key: str, value, version: int) -> None:
    cache.set(key, value, CACHE_SECONDS)
    if version:
        _keep(key, value)


def _keep(key: str, value) -> None:
    if len(_KEPT) >= _KEPT_MAX:
        _KEPT.clear()
    _KEPT[key] = value


def forget(**_kwargs) -> None:
    cache.set(VERSION_KEY, time.time_ns(), None)


def _saved_or_deleted(sender, instance, **_kwargs) -> None:
    from wagtail.models import Page, PageViewRestriction, Site

    # Any kind of page (a save signal names the concrete class, not Page).
    if isinstance(instance, (Page, PageViewRestriction, Site)):
        forget()


ADMIN_VERSION_KEY = "chrome:admin-version"


def may_use_admin(user, request) -> bool:
    """Whether the user may open Wagtail's admin (and so sees its user bar),
    remembered per user until a user, group or permission changes."""
    if not user.is_authenticated:
        return False
    _version, admin_version = versions(request)
    key = f"chrome:admin:{admin_version}:{user.pk}"
    allowed = read(key, admin_version)
    if allowed is None:
        allowed = user.has_perm("wagtailadmin.access_admin")
        write(key, allowed, admin_version)
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
