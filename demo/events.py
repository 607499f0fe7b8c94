"""Demo agenda for `seed_demo`: the meetings a network of special schools holds
in a year, with registrations made through the registration service, so
seats, waiting lists and check-ins are what the site itself would produce."""

import datetime
import random
from collections.abc import Sequence
from zoneinfo import ZoneInfo

from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone
from wagtail.models import Page
from wagtail.rich_text import RichText

from events.models import (
    Audience,
    EventIndexPage,
    EventOrganiser,
    EventPage,
    EventQuestion,
    EventSession,
    Format,
    QuestionKind,
)
from events.services import cancel, check_in, register
from network.models import Cluster, Profile

AMSTERDAM = ZoneInfo("Europe/Amsterdam")

INDEX_INTRO = (
    "Bijeenkomsten van het netwerk: regio-overleggen, studiedagen, werkbezoeken en "
    "webinars over onderwijs aan leerlingen met een extra ondersteuningsbehoefte. "
    "Leden melden zich aan met hun account; open bijeenkomsten staan ook open voor "
    "collega's uit het regulier onderwijs."
)

DIET = EventQuestion(
    label="Dieetwensen",
    help_text="Er is koffie, thee en iets te eten. Laat weten waar we rekening mee "
    "moeten houden.",
    kind=QuestionKind.CHOICE,
    choices="Geen\nVegetarisch\nVeganistisch\nGlutenvrij\nHalal",
    required=True,
)
ACCESS = EventQuestion(
    label="Heeft u iets nodig om goed mee te kunnen doen?",
    help_text="Bijvoorbeeld een rolstoeltoegankelijke zaal, een ringleiding of een "
    "prikkelarme plek om even bij te komen.",
    kind=QuestionKind.LONG_TEXT,
)
ACCESS_ANSWERS = [
    "Ik kom met de rolstoel; graag een plek aan het gangpad.",
    "Ik ben slechthorend: fijn als er een ringleiding is.",
    "Graag een rustige plek in de pauze.",
]
# Visitors from mainstream schools, for the open meetings; one reads English.
VISITORS = [
    ("Marieke Bosman", "m.bosman@obs-dewegwijzer.example.org", "nl"),
    ("Youssef El Amrani", "y.elamrani@kbs-sintjozef.example.org", "nl"),
    ("Linda Kuipers", "l.kuipers@vmbo-hetlyceum.example.org", "nl"),
    ("Sarah Mitchell", "s.mitchell@international-school.example.org", "en"),
    ("Petra Willems", "p.willems@samenwerkingsverband.example.org", "nl"),
]


def _item(starts: str, ends: str, title: str, speaker: str = "", text: str = ""):
    return (
        "item",
        {
            "starts": datetime.time.fromisoformat(starts),
            "ends": datetime.time.fromisoformat(ends) if ends else None,
            "title": title,
            "speaker": speaker,
            "description": RichText(f"<p>{text}</p>" if text else ""),
        },
    )


def _text(html: str):
    return ("text", RichText(html))


# What each meeting is. `when` is (days from today, start, end); `organiser`
# names a demo account; `registrants` how many people sign up.
EVENTS = [
    {
        "title": "Regio-overleg cluster 4 Utrecht: de-escalatie in de klas",
        "slug": "regio-overleg-cluster-4-utrecht",
        "when": (19, "13:30", "16:30"),
        "intro": (
            "Gedragsspecialisten en leerkrachten uit cluster 4 in de regio Utrecht "
            "wisselen uit hoe zij escalaties voorkomen en wat er na een incident "
            "gebeurt. Met een casus van De Burcht en intervisie in kleine groepen."
        ),
        "programme": [
            _item("13:30", "13:45", "Ontvangst met koffie en thee"),
            _item(
                "13:45",
                "14:45",
                "Casus: van escalatie naar herstelgesprek",
                "Gedragsspecialisten van De Burcht",
                "Hoe het team een leerling na een fysiek incident terug in de groep "
                "bracht, en wat de klas daarvoor nodig had.",
            ),
            _item("14:45", "15:00", "Pauze"),
            _item(
                "15:00",
                "16:00",
                "Intervisie in kleine groepen",
                "",
                "Breng gerust een eigen situatie in; wat besproken wordt, blijft "
                "in de groep.",
            ),
            _item("16:00", "16:30", "Afsluiting en een hapje en een drankje"),
        ],
        "format": Format.ON_SITE,
        "venue": ("De Burcht", "Burchtlaan 12", "Utrecht", "UT"),
        "audience": Audience.MEMBERS,
        "clusters": [4],
        "topics": ["de-escalatie", "zelfregulatie"],
        "capacity": 30,
        "questions": [DIET, ACCESS],
        "organiser": ("demo-12ab-0", "Voorzitter"),
        "registrants": 9,
    },
    {
        "title": "Landelijke studiedag: onderwijs rond de ondersteuningsbehoefte",
        "slug": "landelijke-studiedag",
        "when": (62, "09:30", "16:30"),
        "intro": (
            "De jaarlijkse studiedag van het netwerk. Wat betekent het als je "
            "leerlingen niet groepeert naar hun label, maar naar wat zij nodig "
            "hebben? Met een keynote, twee workshoprondes en een informatiemarkt."
        ),
        "programme": [
            _item("09:30", "10:00", "Ontvangst en registratie"),
            _item("10:00", "10:15", "Opening door de dagvoorzitter"),
            _item(
                "10:15",
                "11:00",
                "Keynote: kijken naar wat een leerling nodig heeft",
                "Dr. Ellen Vermeulen, lector inclusief onderwijs",
            ),
            _item("11:00", "12:15", "Workshopronde 1"),
            _item("12:15", "13:30", "Lunch en informatiemarkt"),
            _item("13:30", "14:45", "Workshopronde 2"),
            _item(
                "15:00",
                "15:45",
                "Plenaire afsluiting: wat nemen we mee naar school?",
                "Panel van schoolleiders uit SO en VSO",
            ),
            _item("15:45", "16:30", "Netwerkborrel"),
            _text(
                "<p>U kiest de workshops bij uw aanmelding. Is een workshop vol, "
                "kies dan een andere: de plaatsen per workshop zijn beperkt.</p>"
            ),
        ],
        "format": Format.ON_SITE,
        "venue": (
            "Congrescentrum De Eenhoorn",
            "Databankweg 12",
            "Amersfoort",
            "UT",
        ),
        "audience": Audience.OPEN,
        "clusters": [1, 2, 3, 4],
        "topics": [
            "overgang SO-VSO",
            "ondersteunde communicatie",
            "ouderbetrokkenheid",
        ],
        "capacity": 200,
        "closes_days_before": 10,
        "questions": [
            DIET,
            EventQuestion(
                label="Waar werkt u?",
                kind=QuestionKind.CHOICE,
                choices=(
                    "SO\nVSO\nSO en VSO\nRegulier basisonderwijs\n"
                    "Regulier voortgezet onderwijs\nSamenwerkingsverband of jeugdhulp"
                ),
                required=True,
            ),
        ],
        "sessions": [
            (
                1,
                "Groeperen naar ondersteuningsbehoefte: drie scholen vertellen",
                "Drie scholen lieten de indeling naar cluster los. Wat veranderde er "
                "in het rooster, in het team en voor de leerlingen?",
                80,
            ),
            (
                1,
                "Ondersteunde communicatie in de hele school",
                "Van picto's op de deur tot een gebaar bij elke instructie: hoe "
                "maak je communicatie overal toegankelijk?",
                60,
            ),
            (
                1,
                "Van OPP naar een goed gesprek met ouders",
                "Het ontwikkelingsperspectiefplan als begin van het gesprek, niet "
                "als verplichting.",
                60,
            ),
            (
                2,
                "Zelfregulatie en executieve functies in het VSO",
                "Praktische werkvormen voor plannen, starten en volhouden.",
                70,
            ),
            (
                2,
                "De overstap van SO naar VSO soepel laten verlopen",
                "Warme overdracht, wenmomenten en wat ouders willen weten.",
                60,
            ),
            (
                2,
                "Samenwerken met jeugdhulp in de school",
                "Afspraken over rollen, privacy en het gezamenlijke plan.",
                70,
            ),
        ],
        "organiser": ("demo-17lm-0", "Dagvoorzitter"),
        "registrants": 24,
        "visitors": 4,
    },
    {
        "title": "Webinar: picto's en gebaren in de dagelijkse praktijk",
        "slug": "webinar-pictos-en-gebaren",
        "when": (9, "15:30", "16:30"),
        "intro": (
            "Een logopedist en een leerkracht laten zien hoe zij picto's en "
            "gebaren gebruiken bij instructie, in de kring en op het schoolplein. "
            "Vragen stelt u in de chat."
        ),
        "programme": [
            _item("15:30", "15:35", "Welkom"),
            _item(
                "15:35",
                "16:10",
                "Zo werken wij met picto's en gebaren",
                "Logopedist van Kentalis-school Het Anker",
            ),
            _item("16:10", "16:30", "Vragen uit de chat"),
        ],
        "format": Format.ONLINE,
        "online_url": "https://meet.example.org/lecso/webinar-pictos-en-gebaren",
        "audience": Audience.OPEN,
        "clusters": [2, 3],
        "topics": ["picto's", "ondersteunde communicatie", "NGT"],
        "capacity": None,
        "organiser": ("demo-15gh-1", "Spreker"),
        "registrants": 10,
        "visitors": 5,
    },
    {
        "title": "Intervisie intern begeleiders: thuiszitters terug naar school",
        "slug": "intervisie-ib-thuiszitters",
        "when": (26, "14:00", "16:30"),
        "intro": (
            "Intern begeleiders bespreken volgens een vaste intervisiemethode "
            "casussen van leerlingen die langdurig thuiszitten. Maximaal twaalf "
            "deelnemers, zodat iedereen aan bod komt."
        ),
        "format": Format.ON_SITE,
        "venue": ("Vergaderlocatie Het Huis", "Boorstraat 107", "Utrecht", "UT"),
        "audience": Audience.MEMBERS,
        "clusters": [3, 4],
        "topics": ["thuiszitters", "ouderbetrokkenheid"],
        "capacity": 12,
        "questions": [
            EventQuestion(
                label="Wilt u een eigen casus inbrengen?",
                help_text="Geanonimiseerd; we nemen per bijeenkomst drie casussen.",
                kind=QuestionKind.CHECKBOX,
            )
        ],
        "organiser": ("demo-12ab-0", "Begeleider intervisie"),
        "registrants": 15,
    },
    {
        "title": "Netwerkdag stage en arbeidstoeleiding VSO",
        "slug": "netwerkdag-stage-vso",
        "when": (75, "10:00", "15:30"),
        "intro": (
            "Jobcoaches, stagecoördinatoren en werkgevers ontmoeten elkaar. Hoe "
            "vind je stageplekken die passen, en hoe houd je een leerling na de "
            "stage in beeld? Aanmelden kan vanaf volgende week."
        ),
        "format": Format.ON_SITE,
        "venue": ("De Horizon", "Horizonweg 4", "Zwolle", "OV"),
        "audience": Audience.OPEN,
        "clusters": [3, 4],
        "topics": ["stage", "overgang SO-VSO"],
        "capacity": 80,
        "opens_in_days": 7,
        "questions": [DIET],
        "organiser": ("demo-22uv-0", "Gastheer"),
        "registrants": 0,
    },
    {
        "title": "Kennismiddag zintuiglijke ondersteuning: cluster 1 en 2",
        "slug": "kennismiddag-cluster-1-en-2",
        "when": (-41, "13:30", "16:30"),
        "intro": (
            "Scholen uit cluster 1 en cluster 2 lieten elkaar zien hoe zij "
            "leerlingen met een visuele of auditieve beperking ondersteunen, van "
            "braille-leesles tot NGT in de kring."
        ),
        "format": Format.ON_SITE,
        "venue": ("Kentalis-school Het Anker", "Ankerstraat 8", "Nijmegen", "GE"),
        "audience": Audience.MEMBERS,
        "clusters": [1, 2],
        "topics": ["braille", "NGT", "prikkelarme klas"],
        "capacity": 40,
        "organiser": ("demo-15gh-0", "Gastvrouw"),
        "registrants": 11,
        "attended": 9,
        "cancelled": 1,
    },
    {
        "title": "Werkbezoek De Regenboog: onderwijs aan leerlingen met EMB",
        "slug": "werkbezoek-de-regenboog-emb",
        "when": (-118, "10:00", "13:00"),
        "intro": (
            "Een ochtend meelopen in de groepen voor leerlingen met ernstige "
            "meervoudige beperkingen, met een nagesprek over dagritme, zorg en "
            "ontwikkeling."
        ),
        "format": Format.ON_SITE,
        "venue": ("De Regenboog", "Regenbooglaan 30", "Tilburg", "NB"),
        "audience": Audience.MEMBERS,
        "clusters": [3],
        "topics": ["EMB", "ouderbetrokkenheid"],
        "capacity": 20,
        "organiser": ("demo-14ef-0", "Gastheer"),
        "registrants": 8,
        "attended": 7,
    },
]


def seed_events(home: Page, people: Sequence[Profile] | None = None) -> int:
    """Create the agenda and its demo meetings once; returns events created.

    `people` are the demo profiles who sign up (by default the ones
    `seed_network` made); members-only meetings take only members.
    Does nothing when an agenda exists already."""
    if EventIndexPage.objects.exists():
        return 0
    if people is None:
        people = list(
            Profile.objects.filter(user__username__startswith="demo-")
            .select_related("user")
            .order_by("user__username")
        )
    # The registration service e-mails everyone it touches; a demo need not
    # print dozens of confirmations. The transaction is committed (and its
    # e-mail tasks run) inside the override.
    with (
        override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"),
        transaction.atomic(),
    ):
        index = home.add_child(
            instance=EventIndexPage(
                title="Agenda", slug="agenda", intro=INDEX_INTRO, show_in_menus=True
            )
        )
        index.save_revision().publish()
        about = Page.objects.child_of(home).filter(slug="over-ons").first()
        if about is not None:
            index.move(about, pos="left")  # menu order: ..., Agenda, Over ons
        members = _members(people)
        rng = random.Random(2026)
        for data in EVENTS:
            event = _event(index, data)
            _registrations(event, data, people, members, rng)
    return len(EVENTS)


def _members(people: Sequence[Profile]) -> list[Profile]:
    member_ids = set(
        Profile.objects.filter(
            pk__in=[p.pk for p in people], schools__board__is_member=True
        ).values_list("pk", flat=True)
    )
    return [p for p in people if p.pk in member_ids]


def _when(days: int, start: str, end: str) -> tuple[datetime.datetime, ...]:
    day = timezone.localdate() + datetime.timedelta(days=days)
    if day.weekday() >= 5:  # meetings happen on school days
        day += datetime.timedelta(days=7 - day.weekday())
    return tuple(
        datetime.datetime.combine(
            day, datetime.time.fromisoformat(clock), tzinfo=AMSTERDAM
        )
        for clock in (start, end)
    )


def _event(index: EventIndexPage, data: dict) -> EventPage:
    from django.contrib.auth import get_user_model

    start, end = _when(*data["when"])
    venue_name, venue_address, venue_city, province = data.get("venue", ("",) * 4)
    username, role = data["organiser"]
    organiser = get_user_model().objects.get(username=username)
    opens = closes = None
    if "opens_in_days" in data:
        opens = datetime.datetime.combine(
            timezone.localdate() + datetime.timedelta(days=data["opens_in_days"]),
            datetime.time(9, 0),
            tzinfo=AMSTERDAM,
        )
    if "closes_days_before" in data:
        closes = start - datetime.timedelta(days=data["closes_days_before"])
    event = EventPage(
        title=data["title"],
        slug=data["slug"],
        start=start,
        end=end,
        intro=data["intro"],
        programme=data.get("programme", []),
        format=data["format"],
        venue_name=venue_name,
        venue_address=venue_address,
        venue_city=venue_city,
        province=province,
        online_url=data.get("online_url", ""),
        audience=data["audience"],
        capacity=data["capacity"],
        registration_opens=opens,
        registration_closes=closes,
        questions=[
            EventQuestion(
                label=q.label,
                help_text=q.help_text,
                kind=q.kind,
                choices=q.choices,
                required=q.required,
            )
            for q in data.get("questions", [])
        ],
        sessions=[
            EventSession(round=round_, title=title, description=text, capacity=seats)
            for round_, title, text, seats in data.get("sessions", [])
        ],
        organisers=[EventOrganiser(user=organiser, role=role)],
    )
    event.clusters.set(Cluster.objects.filter(number__in=data["clusters"]))
    event.topics.set(data["topics"])
    index.add_child(instance=event)
    event.save_revision().publish()
    return EventPage.objects.get(pk=event.pk)


def _answers(event: EventPage, rng: random.Random) -> dict:
    answers = {}
    for question in event.questions.all():
        if question.kind == QuestionKind.CHOICE:
            options = question.options
            # Most people pick the first option ("Geen", "SO", ...).
            answer = rng.choices(options, [6] + [1] * (len(options) - 1))[0]
        elif question.kind == QuestionKind.CHECKBOX:
            answer = rng.random() < 0.3
        elif rng.random() < 0.2:
            answer = rng.choice(ACCESS_ANSWERS)
        else:
            continue
        answers[str(question.pk)] = answer
    return answers


def _registrations(event, data, people, members, rng: random.Random) -> None:
    organiser = event.organisers.get().user
    pool = members if event.audience == Audience.MEMBERS else list(people)
    pool = [p for p in pool if p.user_id != organiser.pk]
    rounds = event.rounds
    past = event.has_ended
    registrations = []
    for profile in rng.sample(pool, min(data["registrants"], len(pool))):
        registrations.append(
            register(
                event,
                name=profile.name,
                email=profile.user.email,
                user=profile.user,
                answers=_answers(event, rng),
                sessions=[rng.choice(sessions) for _, sessions in rounds],
                # The window is over for past meetings: the organiser adds them.
                added_by=organiser if past else None,
            )
        )
    for name, email, language in VISITORS[: data.get("visitors", 0)]:
        register(
            event,
            name=name,
            email=email,
            answers=_answers(event, rng),
            sessions=[rng.choice(sessions) for _, sessions in rounds],
            language=language,
        )
    for registration in registrations[: data.get("attended", 0)]:
        check_in(registration, by=organiser)
    for registration in registrations[len(registrations) - data.get("cancelled", 0) :]:
        cancel(registration)
