"""How a person looks on a page: their photo, or their initials on a colour
that stays theirs."""

import zlib

from django import template
from django.utils.html import format_html
from wagtail.images.shortcuts import get_rendition_or_not_found

register = template.Library()

# The number of .avatar--c<n> colours in components.css.
AVATAR_COLOURS = 8


def initials(name: str) -> str:
    """ "Marieke de Vries" gives "MV": the first letters of the first and the
    last word, so Dutch particles (de, van, ter) are skipped."""
    words = [w for w in (name or "").split() if w[:1].isalpha()]
    if not words:
        return "?"
    if len(words) == 1:
        return words[0][:2].upper() if len(words[0]) > 1 else words[0].upper()
    return (words[0][0] + words[-1][0]).upper()


def colour_for(name: str) -> int:
    """A stable colour number for a name (crc32: the same in every process)."""
    return zlib.crc32((name or "").encode()) % AVATAR_COLOURS


# The photo's rendition for each size of avatar (components.css draws them).
PHOTO_SIZES = {"small": "fill-64x64", "medium": "fill-96x96", "large": "fill-192x192"}


@register.simple_tag
def avatar(profile, size: str = "medium", viewer=None):
    """The avatar of `profile` (a network Profile, or None for someone without
    one: a deleted account, a visitor). Decorative: the name beside it says
    who it is, so the image has an empty alt text.

    Pass `viewer` where the name is shown whatever the profile's visibility
    (a forum post, a notification): the photo is part of the profile, so it
    shows only to whom the profile does, and initials otherwise. An empty
    viewer (a page rendered once for every reader) is anyone.

    Written out here rather than as an inclusion tag's template: a directory
    page shows twenty, and each template took longer than the card around it
    (a millisecond of the page, 7 December 2026)."""
    name = getattr(profile, "name", "") or ""
    photo = getattr(profile, "photo", None)
    if photo and viewer is not None and not visible_to(profile, viewer):
        photo = None
    if photo:
        spec = PHOTO_SIZES.get(size, PHOTO_SIZES["medium"])
        inner = get_rendition_or_not_found(photo, spec).img_tag({"alt": ""})
    else:
        inner = initials(name)
    return format_html(
        '<span class="avatar avatar--{} avatar--c{}" aria-hidden="true">{}</span>',
        size,
        str(colour_for(name)),
        inner,
    )


@register.filter
def visible_to(profile, user) -> bool:
    """{% if profile|visible_to:user %}: the profile page's own rule
    (network.permissions.can_view_profile), for showing more than a name.
    False for no profile at all, and for no user (a page rendered once for
    every reader, such as a live forum post, shows only what anyone may see)."""
    from network.permissions import can_view_profile

    if not profile:
        return False
    if user is None or user == "":
        from django.contrib.auth.models import AnonymousUser

        user = AnonymousUser()
    return can_view_profile(user, profile)


@register.simple_tag
def first_school(profile) -> str:
    """The name of the first school a profile works at (Profile.first_school_name:
    no query when its list set it or prefetched the affiliations)."""
    return profile.first_school_name if profile else ""
