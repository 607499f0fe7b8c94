"""A fixed Dutch corpus for the search tests: knowledge articles, news, a page,
events, expert profiles and forum threads, with every visibility the search must
respect (public, members-only and hidden profiles, a visitor-readable and a
members' category, a closed group, a hidden thread, a draft page)."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone
from wagtail.rich_text import RichText

from events.models import EventIndexPage, EventPage
from forums import services as forum_services
from forums.models import Category, Group, GroupMembership, MembershipStatus
from lecso_site.models import KnowledgeArticle, NewsPage, StandardPage
from network.models import Cluster, SupportNeed
from tests import factories


def _body(*paragraphs):
    return [("paragraph", RichText(f"<p>{text}</p>")) for text in paragraphs]


def _publish(parent, page, *, live=True):
    page.live = live
    parent.add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
    page.refresh_from_db()
    return page


class Corpus:
    """Named handles on everything the corpus holds."""


@pytest.fixture
def people(db):
    school = factories.make_school(
        "De Burcht", "12AB", city="Zwolle", province="OV", clusters=()
    )
    made = {}

    def person(key, name, *, member=True, visibility="members", **profile_fields):
        user = factories.make_user(key, email=f"{key}@deburcht.nl", days_old=60)
        factories.make_person(
            name,
            user=user,
            school=school if member else None,
            visibility=visibility,
            **profile_fields,
        )
        made[key] = user
        return user

    made["school"] = school
    made["person"] = person
    return made


@pytest.fixture
def corpus(
    home,
    news_index,
    knowledge_index,
    people,
    django_user_model,
    django_capture_on_commit_callbacks,
):
    c = Corpus()
    now = timezone.now()
    need_slug = SupportNeed.objects.order_by("sort_order").first().slug
    c.need_slug = need_slug

    # Members and visitors ---------------------------------------------------
    person = people["person"]
    c.member = person("lid", "Marieke Lid", visibility="members")
    c.group_member = person("groep", "Greet Groepslid")
    c.moderator = person("mod", "Mo Moderator")
    c.moderator.user_permissions.add(Permission.objects.get(codename="moderate"))
    c.moderator = django_user_model.objects.get(pk=c.moderator.pk)
    c.outsider = django_user_model.objects.create_user(
        username="buiten", email="iemand@elders.nl", password=None
    )

    # Experts ----------------------------------------------------------------
    c.anna = person(
        "anna",
        "Anna de Vries",
        visibility="public",
        job_title="Gedragsspecialist",
        bio="Ik help scholen bij gedragsproblemen en een time-out zonder straf.",
        school_type="so",
        clusters=[4],
        needs=[need_slug],
        topics=["gedrag", "time-out"],
    ).profile
    c.kees = person(
        "kees",
        "Kees Jansen",
        visibility="members",
        job_title="Logopedist",
        bio="Spraak en taal bij dove en slechthorende leerlingen, gebarentaal (NGT).",
        school_type="vso",
        clusters=[2],
        topics=["logopedie"],
    ).profile
    c.verborgen = person(
        "verborgen",
        "Vera Verborgen",
        visibility="hidden",
        job_title="Geheimschrijver",
        bio="Zij deelt haar profiel met niemand: zeldzaamwoord.",
    ).profile
    c.ledenprofiel = person(
        "ledenprofiel",
        "Lotte Ledenprofiel",
        visibility="members",
        job_title="Ambulant begeleider",
        bio="Alleen voor leden: ledenwoord over ambulante begeleiding.",
        topics=["ledentopic"],
    ).profile
    # A public profile whose account was closed: still in the index, never found.
    slaper = person(
        "slaper",
        "Sam Slaper",
        visibility="public",
        bio="Mijn account is gesloten: slaapwoord.",
    )
    slaper.is_active = False
    slaper.save()

    # Knowledge, news and pages ----------------------------------------------
    def article(title, intro, text, *, clusters=(), live=True, **fields):
        page = KnowledgeArticle(title=title, intro=intro, body=_body(text), **fields)
        page.clusters.set(Cluster.objects.filter(number__in=clusters))
        return _publish(knowledge_index, page, live=live)

    c.prikkels = article(
        "Prikkelverwerking in de klas",
        "Hoe u een rustige leeromgeving maakt voor leerlingen met autisme.",
        "Leerlingen met autisme raken snel overprikkeld. "
        "Een koptelefoon en een vaste plek helpen.",
        audience="so-vso",
        clusters=[4],
    )
    c.dyslexie = article(
        "Dyslexie en voorleessoftware",
        "Voorlezen met software in de bovenbouw.",
        "Met voorleessoftware lezen leerlingen met dyslexie zelfstandig teksten.",
        audience="vso",
    )
    c.overgang = article(
        "Van SO naar VSO: de overstap",
        "De overgang naar het voortgezet speciaal onderwijs voorbereiden.",
        "Een warme overdracht tussen de scholen helpt de leerling bij de overstap.",
        audience="so",
    )
    c.timeout = article(
        "Time-out zonder straf",
        "Een time-out als rustmoment, niet als straf.",
        "Spreek vooraf af wanneer een leerling een time-out neemt en waar.",
        clusters=[4],
    )
    c.gebarentaal = article(
        "Gebarentaal in de klas",
        "NGT en ondersteunende gebaren voor dove leerlingen.",
        "Met Nederlandse Gebarentaal volgen dove leerlingen de les.",
        clusters=[2],
    )
    c.concept = article(
        "Conceptartikel over geheimwoord",
        "Nog niet gepubliceerd: geheimwoord.",
        "Dit concept mag niemand vinden: geheimwoord.",
        live=False,
    )
    for n, title in enumerate(
        [
            "Rekenen met concreet materiaal",
            "Ouders betrekken bij het IOP",
            "Bewegingsonderwijs aangepast",
            "Digitale geletterdheid",
            "Stage in het VSO",
        ]
    ):
        article(
            title,
            f"Praktische tips over {title.lower()}.",
            f"Tekst {n} over {title.lower()}.",
        )

    def news(title, intro, text, days_ago=0):
        page = NewsPage(
            title=title,
            intro=intro,
            body=_body(text),
            date=datetime.date.today() - datetime.timedelta(days=days_ago),
        )
        return _publish(news_index, page)

    c.nieuwe_school = news(
        "Nieuwe school in Zwolle sluit aan",
        "Een school voor zeer moeilijk lerende kinderen is lid geworden.",
        "Het netwerk groeit met een school uit Overijssel.",
    )
    c.studiedag = news(
        "Studiedag passend onderwijs",
        "Terugblik op de landelijke studiedag.",
        "Samenwerkingsverbanden en besturen spraken over thuiszitters.",
        days_ago=200,
    )
    news(
        "Jaarverslag gepubliceerd",
        "Het jaarverslag staat online.",
        "Cijfers en verhalen.",
    )
    c.over = _publish(
        home,
        StandardPage(
            title="Over het netwerk",
            slug="over-het-netwerk",
            intro="Wie wij zijn en wat wij doen.",
            body=_body("Het netwerk verbindt speciale scholen en deelt expertise."),
        ),
    )

    # Events -----------------------------------------------------------------
    agenda = EventIndexPage(title="Agenda", slug="agenda")
    home.add_child(instance=agenda)

    def event(title, intro, days_ahead, **fields):
        start = now + datetime.timedelta(days=days_ahead)
        page = EventPage(
            title=title,
            intro=intro,
            start=start,
            end=start + datetime.timedelta(hours=3),
            capacity=30,
            venue_name="De Brug",
            venue_city="Utrecht",
            **fields,
        )
        agenda.add_child(instance=page)
        return page

    c.bijeenkomst = event(
        "Netwerkbijeenkomst cluster 4",
        "Over gedrag en time-out in de praktijk.",
        14,
    )
    c.bijeenkomst.clusters.set(Cluster.objects.filter(number=4))
    c.bijeenkomst.save()
    c.oud_event = event("Regiodag gebarentaal", "Terugblik op NGT in de regio.", -60)

    # Forum ------------------------------------------------------------------
    c.open_category = Category.objects.create(
        name="Open vragen", slug="open", visible_to_visitors=True
    )
    c.leden_category = Category.objects.create(
        name="Gedrag", slug="gedrag", cluster=Cluster.objects.get(number=4)
    )
    c.group = Group.objects.create(name="Werkgroep IB Noord", slug="ib-noord")
    GroupMembership.objects.create(
        group=c.group, user=c.group_member, status=MembershipStatus.ACTIVE
    )

    def thread(place, title, text, author=None, kind="question"):
        # A thread's text reaches the index once its transaction commits.
        with django_capture_on_commit_callbacks(execute=True):
            return forum_services.start_thread(
                author or c.member, place, title=title, body=text, kind=kind
            )

    c.koptelefoon = thread(
        c.open_category,
        "Ervaringen met een koptelefoon tegen geluid?",
        "Een leerling raakt overprikkeld door geluid in de klas. Wie heeft tips?",
    )
    c.vervoer = thread(
        c.leden_category,
        "Leerlingenvervoer regelen voor het VSO",
        "Hoe regelen jullie het vervoer met de gemeente? Ledenthreadwoord.",
    )
    c.groepsdraad = thread(
        c.group,
        "Vertrouwelijk overleg over groepswoord",
        "Dit lezen alleen leden van de werkgroep: groepswoord.",
        author=c.group_member,
    )
    c.verborgen_draad = thread(
        c.open_category,
        "Verborgen draad met verborgenwoord",
        "Een moderator verborg dit: verborgenwoord.",
    )
    c.verborgen_draad.is_hidden = True
    c.verborgen_draad.save()
    return c
