"""Post text: Markdown with @mentions, rendered and cleaned with nh3 (through
network.text), and quoting."""

import re

from django.urls import reverse

from network.models import Profile
from network.text import render_markdown

MENTION = re.compile(r"(?<![\w@/])@([a-z0-9]+(?:-[a-z0-9]+)*)")


def mentioned_profiles(body: str):
    slugs = set(MENTION.findall(body or ""))
    if not slugs:
        return Profile.objects.none()
    return Profile.objects.filter(slug__in=slugs).select_related("user")


def render_post(body: str) -> str:
    """HTML for a post. A mention of an existing profile becomes a link to it;
    anything else stays as typed. nh3 cleans the result either way."""
    known = {p.slug: p for p in mentioned_profiles(body)}

    def link(match):
        profile = known.get(match.group(1))
        if profile is None:
            return match.group(0)
        url = reverse("network:profile", args=[profile.slug])
        name = profile.name.replace("[", "(").replace("]", ")")
        return f"[@{name}]({url})"

    return render_markdown(MENTION.sub(link, body or ""))


def quote(post) -> str:
    """The start of a reply quoting `post`, as Markdown."""
    lines = (post.body or "").strip().splitlines()[:12]
    quoted = "\n".join(f"> {line}" if line else ">" for line in lines)
    return f"> **{post.author_name}** (#{post.position}):\n{quoted}\n\n"
