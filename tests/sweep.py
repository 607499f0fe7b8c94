"""The leak sweep's machinery: every URL pattern in the resolver, filled with
the items of tests/leak_world.py, and the check of what comes back.

Nobody lists the surfaces: the patterns come from Django's resolver and
Wagtail's page tree (routable pages' sub-routes included). Each named pattern
with arguments needs a filler below; a pattern without one makes the sweep
fail with its name, so a new URL cannot be added without being swept.
"""

import io
import uuid
import zipfile
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.resolvers import RegexPattern, RoutePattern
from wagtail.models import Page

from tests.leak_world import NEEDLE, World


@dataclass(frozen=True)
class Route:
    display: str  # the pattern as written, e.g. "forum/draad/<int:pk>/"
    name: str | None  # "forums:thread", or None
    params: tuple[str, ...]  # argument names; positional regex groups as "0", "1"
    kinds: tuple[str, ...] = ()  # each argument's converter: "int", "str", "uuid"...

    @property
    def is_admin(self) -> bool:
        return self.display.startswith("admin/")


def all_routes() -> list[Route]:
    return list(_walk(get_resolver().url_patterns, "", ()))


def _walk(patterns, prefix: str, namespaces: tuple[str, ...]):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            spaces = namespaces + ((entry.namespace,) if entry.namespace else ())
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern), spaces)
        elif isinstance(entry, URLPattern):
            name = ":".join(namespaces + (entry.name,)) if entry.name else None
            params = _params(entry.pattern)
            converters = getattr(entry.pattern, "converters", {})
            kinds = tuple(
                type(converters[p]).__name__.lower().replace("converter", "")
                if p in converters
                else "str"
                for p in params
            )
            yield Route(prefix + str(entry.pattern), name, params, kinds)


def _params(pattern) -> tuple[str, ...]:
    if isinstance(pattern, RoutePattern):
        return tuple(pattern.converters)
    if isinstance(pattern, RegexPattern):
        groups = pattern.regex.groupindex
        if groups:
            return tuple(groups)
        return tuple(str(n) for n in range(pattern.regex.groups))
    return ()


# Fillers: route name -> function(world, role) -> list of kwargs (or of args
# tuples for positional regex groups). A token is the bearer's own secret, so
# only its owner gets the real one; everyone gets a tampered one.


def _tampered(token: str) -> list[str]:
    flipped = token[:-1] + ("A" if token[-1] != "A" else "B")
    return [flipped, "onzin"]


def _own(token: str, role: str, owner: str = "owner") -> list[str]:
    return _tampered(token) + ([token] if role == owner else [])


def _threads(w, role):
    return [{"pk": t.pk} for t in w.threads]


def _posts(w, role):
    return [{"pk": p.pk} for p in w.posts]


def _events(w, role):
    return [{"event_id": e.pk} for e in w.events]


def _registrations(w, role):
    return [
        {"event_id": r.event_id, "registration_id": r.pk}
        for r in (w.registration, w.visitor_registration, w.owner_open_registration)
    ]


def _profiles(w, role):
    return [{"slug": u.profile.slug} for u in (w.owner, w.hidden_owner, w.expert)]


def _groups(w, role):
    return [{"slug": w.group.slug}]


def _categories(w, role):
    return [{"slug": c.slug} for c in (w.public_category, w.members_category)]


def _registration_tokens(w, role):
    from events.links import registration_token

    tokens = []
    for registration in (w.registration, w.visitor_registration):
        token = registration_token(registration)
        mine = registration.user is not None and registration.user == w.users[role]
        tokens += _tampered(token) + ([token] if mine else [])
    return [{"token": t} for t in tokens]


def _visitor_tokens(w, role):
    from events.links import visitor_token

    token = visitor_token(
        {"event": w.open_event.pk, "name": "Bezoeker", "email": "iemand@elders.nl"}
    )
    return [{"token": t} for t in _tampered(token)]


def _newsletter_confirm_token(w) -> str:
    from lecso_site.newsletter import confirm_token

    return confirm_token(w.owner.email, "nl")


def _unsubscribe_token(w) -> str:
    from lecso_site.newsletter import unsubscribe_token

    return unsubscribe_token(w.owner.email, "leden")


FILLERS = {
    # Only with DEBUG on: uploaded images. Documents (a restricted one among
    # them) and forum attachments must not be reachable there.
    "^media/images/(?P<path>.*)$": lambda w, role: [
        f"/media/images/{name}"
        for name in (w.private_document.file.name, w.attachment.file.name)
    ],
    "^media/original_images/(?P<path>.*)$": lambda w, role: [
        f"/media/original_images/{w.private_document.file.name}"
    ],
    "wagtaildocs_serve": lambda w, role: [(d.pk, d.filename) for d in w.documents],
    "wagtaildocs_authenticate_with_password": lambda w, role: [
        {"restriction_id": w.collection_restriction.pk}
    ],
    "forum_to_knowledge": lambda w, role: [{"thread_id": t.pk} for t in w.threads],
    "network:profile": _profiles,
    "network:ask": _profiles,
    "network:confirm_question": lambda w, role: [
        {"token": t} for t in _tampered(w.visitor_question.confirmation_token)
    ],
    "network:contact_request": lambda w, role: [
        {"pk": q.pk} for q in (w.question, w.visitor_question)
    ],
    "network:notification": lambda w, role: [{"pk": w.notification.pk}],
    "network:offer": lambda w, role: [
        {"pk": o.pk, "slug": o.slug} for o in (w.offer, w.draft_offer)
    ],
    "network:offer_edit": lambda w, role: [
        {"pk": o.pk} for o in (w.offer, w.draft_offer)
    ],
    "network:offer_delete": lambda w, role: [
        {"pk": o.pk} for o in (w.offer, w.draft_offer)
    ],
    "network:offer_request": lambda w, role: [
        {"pk": o.pk, "slug": o.slug} for o in (w.offer, w.draft_offer)
    ],
    "network:confirm_support_request": lambda w, role: [
        {"token": t} for t in _tampered(w.visitor_support_request.confirmation_token)
    ],
    "network:support_request": lambda w, role: [
        {"pk": r.pk} for r in (w.support_request, w.visitor_support_request)
    ],
    "association:signal": lambda w, role: [{"pk": w.signal.pk}],
    "newsletter_confirm": lambda w, role: [
        {"token": t} for t in _tampered(_newsletter_confirm_token(w))
    ],
    "newsletter_unsubscribe": lambda w, role: [
        {"token": t} for t in _own(_unsubscribe_token(w), role)
    ],
    "association:case": lambda w, role: [{"pk": c.pk} for c in w.cases],
    "association:case_attachment": lambda w, role: [{"pk": w.case_attachment.pk}],
    "association:consultation": lambda w, role: [
        {"slug": c.slug} for c in (w.open_consultation, w.closed_consultation)
    ],
    "association:consultation_results": lambda w, role: [
        {"slug": c.slug} for c in (w.open_consultation, w.closed_consultation)
    ],
    "association:dossier": lambda w, role: [
        {"slug": d.slug} for d in (w.dossier, w.draft_dossier)
    ],
    "network:school": lambda w, role: [
        {"brin": s.brin} for s in (w.school_a, w.school_b)
    ],
    "network:accept_invitation": lambda w, role: [
        {"token": t} for t in _own(w.invitation.token, role)
    ],
    "events:registration": _registration_tokens,
    "events:registration_ics": _registration_tokens,
    "events:confirm_visitor": _visitor_tokens,
    "events:organiser": _events,
    "events:add": _events,
    "events:message": _events,
    "events:check_in": _events,
    "events:move": _registrations,
    "events:check_in_person": _registrations,
    "events:export": lambda w, role: [
        {"event_id": e.pk, "file_format": f} for e in w.events for f in ("csv", "xlsx")
    ],
    "forums:thread_short": _threads,
    "forums:thread": lambda w, role: [{"pk": t.pk, "slug": t.slug} for t in w.threads],
    "forums:reply": _threads,
    "forums:catch_up": _threads,
    "forums:edit": _posts,
    "forums:history": _posts,
    "forums:helpful": _posts,
    "forums:accept": _posts,
    "forums:attachment": lambda w, role: [{"pk": w.attachment.pk}],
    "forums:new_thread": lambda w, role: [
        {"kind": "g", "slug": w.group.slug},
        {"kind": "c", "slug": w.members_category.slug},
        {"kind": "c", "slug": w.public_category.slug},
    ],
    "forums:group": _groups,
    "forums:join": _groups,
    "forums:group_members": _groups,
    "forums:group_invite": _groups,
    "forums:group_decide": lambda w, role: [
        {"slug": w.group.slug, "membership_id": m.pk}
        for m in (w.join_request, w.group_membership)
    ],
    "forums:report": _posts,
    "forums:moderate_post": _posts,
    "forums:moderate_thread": _threads,
    "forums:suspend_member": lambda w, role: [
        {"pk": u.pk} for u in (w.owner, w.hidden_owner)
    ],
    "forums:resolve_report": lambda w, role: [{"pk": w.report.pk}],
    "forums:category": _categories,
    "forums:category_feed": _categories,
    "account_confirm_email": lambda w, role: [{"key": "onzin-sleutel"}],
    "account_reset_password_from_key": lambda w, role: [
        {"uidb36": "4", "key": "onzin-sleutel"}
    ],
    "wagtailcore_authenticate_with_password": lambda w, role: [
        {
            "page_view_restriction_id": w.page_restriction.pk,
            "page_id": w.restricted_page.pk,
        }
    ],
}

# Query strings worth asking besides the bare address: searches for the word
# every private text holds and for the canaries' common start.
QUERIES = {
    "search:search": [
        f"?q={NEEDLE}",
        "?q=zq",
        *(f"?q={NEEDLE}&type={key}" for key in ("kennisbank", "nieuws", "mensen")),
        *(f"?q={NEEDLE}&type={key}" for key in ("agenda", "paginas", "forum")),
        f"?q={NEEDLE}&type=aanbod",
        f"?q={NEEDLE}&type=dossiers",
        f"?q={NEEDLE}&type=raadplegingen",
    ],
    "search:suggest": [f"?q={NEEDLE[:5]}", "?q=zq"],
    "helpdesk_suggestions": [f"?q={NEEDLE}", "?q=zqcase", "?q=Vraag"],
    "network:directory": [f"?q={NEEDLE}", "?q=zq", "?beschikbaar=questions"],
    "network:schools": [f"?q={NEEDLE}"],
    "network:offers": [f"?q={NEEDLE}", "?q=zq", "?soort=materialen"],
    "forums:category": ["?toon=onbeantwoord"],
    # What an open page fetches after a gap: every post of the thread.
    "forums:catch_up": ["?versie=0"],
}


class Unfillable(Exception):
    """A pattern with arguments that no filler knows."""


def urls_for(route: Route, w: World, role: str) -> list[str]:
    """The concrete addresses to ask for this pattern as `role`."""
    if route.name == "wagtail_serve":
        return page_urls()
    if not route.params:
        base = _reverse_plain(route)
        return [base] + [base + q for q in QUERIES.get(route.name, [])]
    if route.is_admin:
        return _admin_urls(route, w)
    if (route.name or route.display) not in FILLERS:
        raise Unfillable(route.display)
    urls = []
    for fill in FILLERS[route.name or route.display](w, role):
        if route.name is None:  # an unnamed pattern's filler gives the address
            url = fill
        elif isinstance(fill, tuple):
            url = reverse(route.name, args=fill)
        else:
            url = reverse(route.name, kwargs=fill)
        urls.append(url)
        urls.extend(url + q for q in QUERIES.get(route.name, []))
    return urls


def _reverse_plain(route: Route) -> str:
    if route.name:
        return reverse(route.name)
    # Unnamed patterns (robots.txt) are plain text.
    return "/" + route.display.lstrip("^").rstrip("$")


def _admin_urls(route: Route, w: World) -> list[str]:
    """Every admin address sits behind Wagtail's access check, which none of
    the swept roles passes; one id of a private item per argument is enough to
    see that the check holds whatever the id."""
    if route.name is None:
        raise Unfillable(route.display)
    values = [
        uuid.uuid4() if kind == "uuid" else str(w.draft_page.pk) for kind in route.kinds
    ]
    try:
        if route.params[0].isdigit():
            return [reverse(route.name, args=values)]
        return [
            reverse(route.name, kwargs=dict(zip(route.params, values, strict=True)))
        ]
    except Exception as error:  # a converter the generic fill cannot satisfy
        raise Unfillable(f"{route.display} ({error})") from error


def page_urls() -> list[str]:
    """Every page of the site, live or not, and the sub-routes of routable
    pages (a feed, an .ics)."""
    urls = []
    for page in Page.objects.filter(depth__gt=1).specific():
        url = page.get_url()
        if not url:
            continue
        urls.append(url)
        for pattern in getattr(page, "get_subpage_urls", lambda: [])():
            if _params(pattern.pattern):
                raise Unfillable(f"{type(page).__name__}: {pattern.pattern}")
            if str(pattern.pattern):
                urls.append(url + str(pattern.pattern))
    return urls


# What came back --------------------------------------------------------------


def response_text(response) -> str:
    """Body and headers as text. A zip (an Excel export) is opened, so a
    canary inside a worksheet is found too."""
    if getattr(response, "streaming", False):
        content = b"".join(response.streaming_content)
    else:
        content = response.content
    parts = [content.decode("utf-8", "replace")]
    if content[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            parts += [
                archive.read(n).decode("utf-8", "replace") for n in archive.namelist()
            ]
    parts += [f"{key}: {value}" for key, value in response.items()]
    return "\n".join(parts)


def leaks(text: str, forbidden: set[str], asked: str) -> set[str]:
    """Forbidden canaries in `text`, except those the request itself carried
    (a slug typed into the address comes back in a link to sign in)."""
    return {word for word in forbidden if word in text and word not in asked}
