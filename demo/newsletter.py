"""The demo newsletter for `seed_demo` (after the agenda and the forum): an
archive at /nieuwsbrief/ with a public issue and a members' issue that were
sent, an issue in draft, and a few public subscribers. The sent issues' deliveries
are written as rows marked sent; seeding sends no e-mail."""

import datetime

from django.utils import timezone
from wagtail.rich_text import RichText

from lecso_site.models import (
    KnowledgeArticle,
    NewsletterDelivery,
    NewsletterIndexPage,
    NewsletterIssue,
    NewsPage,
    Subscriber,
)
from lecso_site.newsletter import recipients

SUBSCRIBERS = [
    "ib.delinde@basisschool.example.nl",
    "directie@obs-het-anker.example.nl",
    "zorgcoordinator@vo-college.example.nl",
    "m.jansen@swv-utrecht.example.nl",
    "ouderpanel@example.nl",
    "k.bakker@pabo.example.nl",
]
LEFT = "oud-abonnee@example.nl"


def _issue(archive, *, title, slug, audience, intro, body, days_ago=None):
    issue = NewsletterIssue(
        title=title,
        slug=slug,
        audience=audience,
        intro=intro,
        body=body,
        live=days_ago is not None,
    )
    archive.add_child(instance=issue)
    revision = issue.save_revision()
    if days_ago is None:
        return issue
    revision.publish()
    issue.refresh_from_db()
    sent = timezone.now() - datetime.timedelta(days=days_ago)
    NewsletterDelivery.objects.bulk_create(
        NewsletterDelivery(
            issue=issue,
            email=email,
            user_id=user_id if audience == "leden" else None,
            language=language or "nl",
            status="verzonden",
            sent_at=sent,
        )
        for email, user_id, language in recipients(issue)
    )
    NewsletterIssue.objects.filter(pk=issue.pk).update(
        sending_started_at=sent,
        sending_finished_at=sent + datetime.timedelta(minutes=3),
    )
    return issue


def monthly_body(news, articles) -> list:
    """The blocks of a public monthly issue: a word to the reader, these news
    items and articles, the coming meetings and questions solved on the
    forum. The bench sends the same issue."""
    return [
        (
            "text",
            RichText(
                "<p>Beste lezer,</p><p>Deze maand staan de scholen stil bij "
                "leerlingen die thuis zitten. Wat werkt er, en wat kan uw "
                "school doen? Hieronder het nieuws en de kennis van de "
                "afgelopen weken.</p>"
            ),
        ),
        *(("news", page) for page in news),
        *(("knowledge", page) for page in articles),
        ("upcoming_meetings", {"heading": "Bijeenkomsten", "count": 3}),
        ("solved_questions", {"heading": "Opgelost op het forum", "count": 3}),
    ]


def seed_newsletter(home) -> int:
    if NewsletterIndexPage.objects.exists():
        return 0
    archive = NewsletterIndexPage(
        title="Nieuwsbrief",
        slug="nieuwsbrief",
        intro="Eens per maand het belangrijkste uit het netwerk: nieuws, kennis uit "
        "de scholen, bijeenkomsten en vragen die collega's al beantwoordden.",
        show_in_menus=False,
    )
    home.add_child(instance=archive)
    archive.save_revision().publish()
    now = timezone.now()
    Subscriber.objects.bulk_create(
        Subscriber(email=email, confirmed_at=now - datetime.timedelta(days=40 + n))
        for n, email in enumerate(SUBSCRIBERS)
    )
    Subscriber.objects.create(
        email=LEFT,
        confirmed_at=now - datetime.timedelta(days=200),
        unsubscribed_at=now - datetime.timedelta(days=20),
    )
    news = list(NewsPage.objects.live().order_by("-date")[:2])
    articles = list(KnowledgeArticle.objects.live().order_by("title")[:2])
    _issue(
        archive,
        title="Nieuwsbrief november 2026",
        slug="november-2026",
        audience="openbaar",
        intro="Over thuiszitters, een nieuwe kennisreeks over TOS, en de "
        "regiobijeenkomsten van deze winter.",
        body=monthly_body(news, articles[:1]),
        days_ago=30,
    )
    _issue(
        archive,
        title="Ledennieuwsbrief december 2026",
        slug="leden-december-2026",
        audience="leden",
        intro="De raadpleging over thuiszitters loopt, en het jaarthema 2027 is "
        "gekozen.",
        body=[
            (
                "text",
                RichText(
                    "<p>Beste collega's,</p><p>Dank aan de dertig scholen die "
                    "meededen aan de raadpleging over het jaarthema. De uitslag staat "
                    "bij de raadplegingen; personeelstekort staat voorop.</p>"
                ),
            ),
            *(("knowledge", page) for page in articles[1:]),
            ("upcoming_meetings", {"heading": "Voor leden", "count": 3}),
        ],
        days_ago=10,
    )
    _issue(
        archive,
        title="Nieuwsbrief januari 2027",
        slug="januari-2027",
        audience="openbaar",
        intro="Concept: de plannen voor het nieuwe jaar.",
        body=[("text", RichText("<p>Nog in te vullen door de redactie.</p>"))],
    )
    return 3
