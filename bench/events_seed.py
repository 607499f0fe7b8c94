"""Scale data for the agenda: events over two past years and the next one, with
registrations written in bulk.

realistic: 500 events (about what a national network and its regions hold in
three years); 10x: 5,000. Each event has 20 to 200 seats (some online ones
none), filled for 60 to 110 %: the first comers hold the seats, the rest wait
when the event keeps a waiting list; about one in twenty cancelled. Past
events have most seats checked in. Some events ask questions, some have
workshop rounds. Registrations skip the service (it would take hours and send
an e-mail for each), but keep its invariants: never more seats taken than
there are, a gap-free arrival order per event, one active registration per
address.
"""

import datetime
import math
import random
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from events.models import (
    Audience,
    EventIndexPage,
    EventPage,
    EventQuestion,
    EventSession,
    EventTopic,
    Format,
    QuestionKind,
    Registration,
    SessionChoice,
    Status,
)
from network.models import Cluster, Profile, Topic

from .network_seed import TOPICS

SCALES = {"realistic": 500, "10x": 5_000}
BATCH = 50
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
SLUG_PREFIX = "schaal-"
# The event the benchmark opens: coming up, full, with a waiting list, questions
# and two workshop rounds.
BUSY_SLUG = "bench-landelijke-studiedag"
THROUGHPUT_SLUG = "bench-doorvoer"

CITIES = [
    ("Utrecht", "UT"),
    ("Amersfoort", "UT"),
    ("Zwolle", "OV"),
    ("Enschede", "OV"),
    ("Groningen", "GR"),
    ("Leeuwarden", "FR"),
    ("Assen", "DR"),
    ("Almere", "FL"),
    ("Nijmegen", "GE"),
    ("Arnhem", "GE"),
    ("Amsterdam", "NH"),
    ("Haarlem", "NH"),
    ("Rotterdam", "ZH"),
    ("Den Haag", "ZH"),
    ("Leiden", "ZH"),
    ("Middelburg", "ZE"),
    ("Tilburg", "NB"),
    ("Eindhoven", "NB"),
    ("'s-Hertogenbosch", "NB"),
    ("Maastricht", "LI"),
    ("Venlo", "LI"),
]
VENUES = [
    ("Wijkcentrum De Ontmoeting", "Marktplein 4"),
    ("Vergaderlocatie Het Trefpunt", "Stationsweg 21"),
    ("Congrescentrum Het Forum", "Europalaan 100"),
    ("Bibliotheek, zaal 2", "Oude Gracht 8"),
    ("Schoolgebouw De Horizon", "Schoolstraat 15"),
]
# (title pattern, format, typical hours)
KINDS = [
    ("Regio-overleg {city}: {topic}", Format.ON_SITE, [(13, 30, 180)]),
    ("Studiemiddag {topic}", Format.ON_SITE, [(13, 0, 240)]),
    ("Werkbezoek {city}: {topic} in de klas", Format.ON_SITE, [(9, 30, 180)]),
    ("Intervisie {topic}", Format.ON_SITE, [(14, 0, 150)]),
    ("Webinar: {topic}", Format.ONLINE, [(15, 30, 60), (19, 30, 75)]),
    ("Netwerkbijeenkomst {topic}", Format.HYBRID, [(10, 0, 330)]),
]
INTRO = (
    "Collega's uit het SO en VSO delen hoe zij werken aan {topic}: wat werkte, wat "
    "niet, en wat je morgen in je eigen school kunt proberen. Met tijd om elkaar te "
    "spreken."
)
QUESTIONS = [
    ("Dieetwensen", QuestionKind.CHOICE, "Geen\nVegetarisch\nVeganistisch\nGlutenvrij"),
    ("Heb je iets nodig om goed mee te kunnen doen?", QuestionKind.LONG_TEXT, ""),
    ("Wil je een eigen casus inbrengen?", QuestionKind.CHECKBOX, ""),
    ("Waar werk je?", QuestionKind.CHOICE, "SO\nVSO\nSO en VSO\nRegulier onderwijs"),
]
SESSION_TITLES = [
    "Groeperen naar ondersteuningsbehoefte",
    "Ondersteunde communicatie in de hele school",
    "Van OPP naar een goed gesprek met ouders",
    "Zelfregulatie en executieve functies",
    "De overstap van SO naar VSO",
    "Samenwerken met jeugdhulp",
]


def seed_events(scale: str, stdout) -> None:
    """Bring the agenda up to the count of `scale`; idempotent. Needs the demo
    site (for the agenda page) and the scale people (who register)."""
    wanted = SCALES[scale]
    index = EventIndexPage.objects.get()
    rng = random.Random(500)
    people = list(
        Profile.objects.filter(slug__startswith="schaal-").values_list(
            "user_id", "user__email", "name"
        )
    )
    context = {
        "clusters": list(Cluster.objects.values_list("pk", flat=True)),
        "topics": list(Topic.objects.filter(name__in=TOPICS).values_list("pk", "name")),
        "people": people,
        "now": timezone.now(),
    }
    if not EventPage.objects.filter(slug=BUSY_SLUG).exists():
        with transaction.atomic():
            _busy_event(index, context, rng)
    existing = EventPage.objects.filter(slug__startswith=SLUG_PREFIX).count()
    for start in range(existing, wanted, BATCH):
        numbers = range(start, min(start + BATCH, wanted))
        with transaction.atomic():
            for number in numbers:
                _event(index, number, context, rng)
        stdout.write(f"  seeding events: {numbers.stop}/{wanted}\n")
        stdout.flush()


def bench_urls() -> list[tuple]:
    """The agenda's rows for the benchmark table, in the format of URLS."""
    index = EventIndexPage.objects.get()
    busy = EventPage.objects.get(slug=BUSY_SLUG)
    return [
        ("agenda", index.url),
        ("agenda, 2 filters", f"{index.url}?cluster=4&vorm=ter-plaatse"),
        ("agenda, page 5", f"{index.url}?page=5"),
        ("busy event", busy.url, "member"),
        ("busy event, visitor", busy.url, "anonymous"),
        ("event .ics", busy.url + busy.reverse_subpage("ics")),
        ("agenda feed", index.url + index.reverse_subpage("feed")),
    ]


def counts() -> tuple[int, int]:
    """Events and registrations, without the registration benchmark's own."""
    return (
        EventPage.objects.exclude(slug=THROUGHPUT_SLUG).count(),
        Registration.objects.exclude(event__slug=THROUGHPUT_SLUG).count(),
    )


def fresh_event(capacity: int) -> EventPage:
    """An empty, open event for the registration benchmark, replacing the one
    of an earlier run. Not published, so the agenda's pages stay the same."""
    EventPage.objects.filter(slug=THROUGHPUT_SLUG).delete()
    index = EventIndexPage.objects.get()
    start = _at(timezone.localdate() + datetime.timedelta(days=30), 13, 30)
    event = EventPage(
        title="Doorvoertest: aanmelden met velen tegelijk",
        slug=THROUGHPUT_SLUG,
        live=False,
        start=start,
        end=start + datetime.timedelta(hours=3),
        venue_name="Congrescentrum Het Forum",
        venue_city="Utrecht",
        province="UT",
        audience=Audience.OPEN,
        capacity=capacity,
        waiting_list=True,
    )
    index.add_child(instance=event)
    return EventPage.objects.get(pk=event.pk)


# --- one event -------------------------------------------------------------------


def _at(day: datetime.date, hour: int, minute: int) -> datetime.datetime:
    if day.weekday() >= 5:
        day += datetime.timedelta(days=7 - day.weekday())
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=AMSTERDAM)


def _event(index, number: int, context: dict, rng: random.Random) -> EventPage:
    now = context["now"]
    pattern, format_, hours = rng.choice(KINDS)
    hour, minute, minutes = rng.choice(hours)
    day = timezone.localdate(now) + datetime.timedelta(days=rng.randint(-730, 365))
    start = _at(day, hour, minute)
    city, province = rng.choice(CITIES)
    venue_name, venue_address = rng.choice(VENUES)
    topics = rng.sample(context["topics"], rng.randint(1, 3))
    online = format_ != Format.ON_SITE
    capacity = None if online and rng.random() < 0.5 else rng.randint(20, 200)
    opens = None
    if start > now + datetime.timedelta(days=60) and rng.random() < 0.2:
        opens = start - datetime.timedelta(days=45)  # opens later on
    event = EventPage(
        title=pattern.format(city=city, topic=topics[0][1]),
        slug=f"{SLUG_PREFIX}{number}",
        start=start,
        end=start + datetime.timedelta(minutes=minutes),
        intro=INTRO.format(topic=topics[0][1]),
        format=format_,
        venue_name="" if format_ == Format.ONLINE else venue_name,
        venue_address="" if format_ == Format.ONLINE else venue_address,
        venue_city="" if format_ == Format.ONLINE else city,
        province="" if format_ == Format.ONLINE else province,
        online_url=f"https://meet.example.org/lecso/{number}" if online else "",
        audience=rng.choices([Audience.MEMBERS, Audience.OPEN], [3, 2])[0],
        capacity=capacity,
        waiting_list=rng.random() < 0.8,
        registration_opens=opens,
    )
    index.add_child(instance=event)
    _details(
        event,
        topics=[pk for pk, _ in topics],
        clusters=rng.sample(context["clusters"], rng.randint(0, 2)),
        questions=rng.sample(QUESTIONS, rng.choice([0, 0, 1, 2])),
        rounds=2 if rng.random() < 0.1 else 0,
    )
    if opens is None or opens < now:
        fill = rng.uniform(0.6, 1.1)
        wanted = round(fill * capacity) if capacity else rng.randint(20, 150)
        _registrations(event, wanted, context, rng)
    return event


def _busy_event(index, context: dict, rng: random.Random) -> EventPage:
    start = _at(timezone.localdate() + datetime.timedelta(days=21), 9, 30)
    event = EventPage(
        title="Landelijke studiedag: onderwijs rond de ondersteuningsbehoefte",
        slug=BUSY_SLUG,
        start=start,
        end=start + datetime.timedelta(hours=7),
        intro=INTRO.format(topic="onderwijs rond de ondersteuningsbehoefte"),
        programme=[
            (
                "item",
                {
                    "starts": datetime.time(h, m),
                    "ends": None,
                    "title": title,
                    "speaker": speaker,
                    "description": "",
                },
            )
            for h, m, title, speaker in [
                (9, 30, "Ontvangst en registratie", ""),
                (10, 0, "Keynote: kijken naar wat een leerling nodig heeft", "Lector"),
                (11, 0, "Workshopronde 1", ""),
                (12, 15, "Lunch en informatiemarkt", ""),
                (13, 30, "Workshopronde 2", ""),
                (15, 0, "Plenaire afsluiting", "Panel van schoolleiders"),
            ]
        ],
        format=Format.HYBRID,
        venue_name="Congrescentrum Het Forum",
        venue_address="Europalaan 100",
        venue_city="Utrecht",
        province="UT",
        online_url="https://meet.example.org/lecso/studiedag",
        audience=Audience.OPEN,
        capacity=200,
        waiting_list=True,
    )
    index.add_child(instance=event)
    _details(
        event,
        topics=[pk for pk, _ in context["topics"][:3]],
        clusters=context["clusters"],
        questions=QUESTIONS[:3],
        rounds=2,
    )
    _registrations(event, 240, context, rng)
    return event


def _details(event, *, topics, clusters, questions, rounds: int) -> None:
    EventTopic.objects.bulk_create(
        EventTopic(content_object_id=event.pk, tag_id=pk) for pk in topics
    )
    EventPage.clusters.through.objects.bulk_create(
        EventPage.clusters.through(eventpage_id=event.pk, cluster_id=pk)
        for pk in clusters
    )
    EventQuestion.objects.bulk_create(
        EventQuestion(
            event=event, sort_order=n, label=label, kind=kind, choices=choices
        )
        for n, (label, kind, choices) in enumerate(questions)
    )
    # Each session takes a third of the seats and some room, so round-robin
    # choices never overfill one.
    seats = math.ceil(event.capacity / 3) + 10 if event.capacity else None
    EventSession.objects.bulk_create(
        EventSession(
            event=event,
            sort_order=n,
            round=round_,
            title=SESSION_TITLES[(round_ - 1) * 3 + n],
            capacity=seats,
        )
        for round_ in range(1, rounds + 1)
        for n in range(3)
    )


def _answer(question: EventQuestion, rng: random.Random):
    if question.kind == QuestionKind.CHOICE:
        return rng.choice(question.options)
    if question.kind == QuestionKind.CHECKBOX:
        return rng.random() < 0.3
    return "Graag een plek dicht bij de uitgang." if rng.random() < 0.1 else None


def _registrations(event, wanted: int, context: dict, rng: random.Random) -> None:
    """`wanted` people sign up in arrival order; the statuses are what the
    service would have left behind."""
    people = context["people"]
    past = event.end < context["now"]
    questions = list(event.questions.all())
    sessions = list(event.sessions.all())
    rounds = [[s for s in sessions if s.round == r] for r in (1, 2)]
    rounds = [r for r in rounds if r]
    members = rng.sample(range(len(people)), min(wanted, len(people)))
    seated = 0
    rows = []
    for n in range(wanted):
        if event.audience == Audience.OPEN and rng.random() < 0.2:
            user_id, email = None, f"bezoeker-{event.pk}-{n}@example.invalid"
            name = f"Bezoeker {n}"
        elif n < len(members):
            user_id, email, name = people[members[n]]
        else:
            break
        if rng.random() < 0.05:
            status = Status.CANCELLED
        elif event.capacity is None or seated < event.capacity:
            seated += 1
            status = Status.CONFIRMED
            if past and rng.random() < 0.85:
                status = Status.ATTENDED
        elif event.waiting_list:
            status = Status.WAITING
        else:
            break  # full, and no waiting list: the rest were turned away
        answers = {}
        for question in questions:
            answer = _answer(question, rng)
            if answer is not None:
                answers[str(question.pk)] = answer
        rows.append(
            Registration(
                event=event,
                user_id=user_id,
                name=name,
                email=email,
                status=status,
                language="en" if rng.random() < 0.05 else "nl",
                answers=answers,
                sequence=len(rows) + 1,
                attended_at=event.start if status == Status.ATTENDED else None,
            )
        )
    registrations = Registration.objects.bulk_create(rows)
    SessionChoice.objects.bulk_create(
        SessionChoice(registration=r, session=choices[n % len(choices)])
        for n, r in enumerate(registrations)
        for choices in rounds
    )
