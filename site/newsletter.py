"""What an issue of the newsletter holds for its list, who receives it, and the
e-mail it becomes. An item the list's readers may not see (a members-only
meeting, a page in a private section, a thread in a members' category) is left
out of the public list's e-mail and web version alike."""

import re
from html import unescape

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from events.models import EventPage
from events.models.pages import Audience as EventAudience
from forums.models import Thread
from search.sources import public_pages, public_pages_of

from .models.newsletter import (
    MemberNewsletterChoice,
    NewsletterAudience,
    Subscriber,
)

UNSUBSCRIBE_SALT = "lecso.newsletter.unsubscribe"
CONFIRM_SALT = "lecso.newsletter.confirm"
CONFIRM_DAYS = 3
PAGE_LABELS = {
    "news": _("News"),
    "knowledge": _("Knowledge base"),
    "meeting": _("Meeting"),
}


def absolute(url: str) -> str:
    return url if url.startswith("http") else settings.WAGTAILADMIN_BASE_URL + url


def _visible_page(page, for_members: bool):
    """The page when the list's readers may see it, else None."""
    if page is None:
        return None
    pages = page.specific_class.objects.filter(pk=page.pk)
    page = public_pages(pages).first()
    if page is None:
        return None
    if isinstance(page, EventPage) and not for_members:
        return page if page.audience == EventAudience.OPEN else None
    return page


def _page_item(kind: str, page) -> dict:
    item = {
        "kind": "page",
        "label": str(PAGE_LABELS[kind]),
        "title": page.title,
        "summary": getattr(page, "intro", "") or page.search_description,
        "url": absolute(page.get_url()),
    }
    if isinstance(page, EventPage):
        item["when"] = page.start
    return item


def _upcoming_meetings(count: int, for_members: bool) -> list[dict]:
    events = public_pages_of(EventPage).filter(start__gte=timezone.now())
    if not for_members:
        events = events.filter(audience=EventAudience.OPEN)
    return [_page_item("meeting", event) for event in events.order_by("start")[:count]]


def _solved_questions(count: int, for_members: bool) -> list[dict]:
    threads = Thread.objects.filter(
        merged_into__isnull=True,
        is_hidden=False,
        group__isnull=True,
        category__is_helpdesk=True,
        accepted_post__isnull=False,
    )
    if not for_members:
        threads = threads.filter(category__visible_to_visitors=True)
    return [
        {
            "kind": "page",
            "label": str(_("Solved in the forum")),
            "title": thread.title,
            "summary": "",
            "url": absolute(thread.get_absolute_url()),
        }
        for thread in threads.order_by("-last_post_at")[:count]
    ]


def _plain(rich_text) -> str:
    """Rich text for the plain-text part: a blank line after each block, the
    tags gone, and (in the e-mail's autoescape-off template) the entities
    back to their characters."""
    html = re.sub(r"</(p|h2|h3|li|ol|ul)>", "\n\n", str(rich_text))
    html = re.sub(r"<li>", "- ", html)
    text = unescape(strip_tags(html))
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def items_for(issue, request=None) -> list[dict]:
    """The issue's blocks as items for its list, in the editor's order."""
    for_members = issue.audience == NewsletterAudience.MEMBERS
    items = []
    # An item's title is a level below the heading of the list it is in, or
    # a section of its own (h2) when no heading came before it.
    level = 2
    for block in issue.body:
        kind, value = block.block_type, block.value
        if kind == "text":
            items.append({"kind": "text", "html": str(value), "plain": _plain(value)})
            level = 2
        elif kind == "image":
            rendition = value.get_rendition("width-600")
            items.append(
                {
                    "kind": "image",
                    "url": absolute(rendition.url),
                    "alt": value.contextual_alt_text,
                    "width": rendition.width,
                    "height": rendition.height,
                }
            )
        elif kind in PAGE_LABELS:
            page = _visible_page(value, for_members)
            if page is not None:
                items.append({**_page_item(kind, page.specific), "level": level})
        elif kind in ("upcoming_meetings", "solved_questions"):
            found = (
                _upcoming_meetings(value["count"], for_members)
                if kind == "upcoming_meetings"
                else _solved_questions(value["count"], for_members)
            )
            if found:
                items.append({"kind": "heading", "text": value["heading"]})
                items.extend({**item, "level": 3} for item in found)
    return items


def render_issue(issue, *, unsubscribe_url: str, request=None, language="nl"):
    """The e-mail's HTML and plain text."""
    with translation.override(language):
        context = {
            "issue": issue,
            "items": items_for(issue, request=request),
            "web_url": absolute(issue.get_url()),
            "unsubscribe_url": unsubscribe_url,
            "site_name": settings.WAGTAIL_SITE_NAME,
        }
        html = render_to_string("lecso_site/email/newsletter.html", context)
        text = render_to_string("lecso_site/email/newsletter.txt", context)
    return html, text


# Lists -----------------------------------------------------------------------


def recipients(issue) -> list[tuple[str, int | None, str]]:
    """(address, account, language) of everyone on the issue's list today."""
    if issue.audience == NewsletterAudience.MEMBERS:
        opted_out = MemberNewsletterChoice.objects.filter(receives=False).values("user")
        members = (
            get_user_model()
            .objects.filter(is_active=True, profile__schools__board__is_member=True)
            .exclude(pk__in=opted_out)
            .distinct()
            .values_list("email", "pk", "preferred_language")
        )
        return list(members)
    return list(
        Subscriber.objects.filter(unsubscribed_at__isnull=True).values_list(
            "email", "pk", "language"
        )
    )


# Signed links ----------------------------------------------------------------


def unsubscribe_token(email: str, audience: str) -> str:
    return signing.dumps({"e": email.lower(), "l": audience}, salt=UNSUBSCRIBE_SALT)


def unsubscribe_url(email: str, audience: str) -> str:
    return absolute(
        reverse("newsletter_unsubscribe", args=[unsubscribe_token(email, audience)])
    )


def read_unsubscribe_token(token: str) -> dict | None:
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    if data.get("l") not in NewsletterAudience.values or not data.get("e"):
        return None
    return data


def confirm_token(email: str, language: str) -> str:
    return signing.dumps({"e": email.lower(), "t": language}, salt=CONFIRM_SALT)


def read_confirm_token(token: str) -> tuple[dict | None, str]:
    """The subscription the link confirms, or None and why not."""
    try:
        data = signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_DAYS * 24 * 3600)
    except signing.SignatureExpired:
        return None, "expired"
    except signing.BadSignature:
        return None, "invalid"
    return data, ""


def unsubscribe(email: str, audience: str) -> bool:
    """Take the address off the list now; False when it was not on it."""
    now = timezone.now()
    if audience == NewsletterAudience.PUBLIC:
        return bool(
            Subscriber.objects.filter(
                email__iexact=email, unsubscribed_at__isnull=True
            ).update(unsubscribed_at=now)
        )
    users = get_user_model().objects.filter(email__iexact=email)
    changed = False
    for user in users:
        choice, _created = MemberNewsletterChoice.objects.get_or_create(user=user)
        if choice.receives:
            choice.receives = False
            choice.save()
            changed = True
    return changed


def confirm_subscription(email: str, language: str) -> Subscriber:
    """The address is kept from this moment, with it as the consent's time."""
    subscriber, created = Subscriber.objects.get_or_create(
        email=email.lower(),
        defaults={"language": language, "confirmed_at": timezone.now()},
    )
    if not created and subscriber.unsubscribed_at is not None:
        subscriber.unsubscribed_at = None
        subscriber.confirmed_at = timezone.now()
        subscriber.save()
    return subscriber
