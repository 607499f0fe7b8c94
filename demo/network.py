"""Demo boards, schools and people for `seed_demo`: fictional, but shaped like the
real network (all four clusters, all twelve provinces, varied expertise)."""

import random

from django.contrib.auth import get_user_model
from django.db import transaction

from network.models import Affiliation, Board, Cluster, Profile, School, SupportNeed

from . import sector, sector_words

BOARDS = [
    ("Stichting Speciaal Verbonden", "41101", True),
    ("Stichting Onderwijs op Maat", "41102", True),
    ("Vereniging Kompas", "41103", True),
    ("Stichting De Brug", "41104", False),
]
# name, BRIN, board index, type, clusters, province, city, alliance
SCHOOLS = [
    ("De Burcht", "12AB", 0, "so-vso", [4], "UT", "Utrecht", "SWV Utrecht Stad"),
    ("Het Baken", "13CD", 0, "so", [2], "GR", "Groningen", "SWV Stad Groningen"),
    ("De Regenboog", "14EF", 1, "so-vso", [3], "NB", "Tilburg", "SWV Midden-Brabant"),
    (
        "Kentalis-school Het Anker",
        "15GH",
        1,
        "so-vso",
        [2],
        "GE",
        "Nijmegen",
        "SWV Rijk van Nijmegen",
    ),
    (
        "Visio-school De Ster",
        "16JK",
        2,
        "so-vso",
        [1],
        "ZH",
        "Rotterdam",
        "SWV Koers VO",
    ),
    ("De Kade", "17LM", 2, "vso", [3, 4], "NH", "Amsterdam", "SWV Amsterdam-Diemen"),
    ("Het Mozaïek", "18NP", 1, "so", [3], "LI", "Maastricht", "SWV Heuvelland"),
    ("De Wissel", "19QR", 2, "vso", [4], "FR", "Leeuwarden", "SWV Friesland"),
    ("Het Palet", "21ST", 0, "so-vso", [3], "DR", "Assen", "SWV Drenthe"),
    ("De Horizon", "22UV", 1, "so-vso", [4], "OV", "Zwolle", "SWV IJssel-Vecht"),
    ("Het Kompas", "23WX", 2, "so", [2, 4], "FL", "Almere", "SWV Almere"),
    ("De Schakel", "24YZ", 3, "vso", [3], "ZE", "Middelburg", "SWV Walcheren"),
]
FIRST = [
    "Anna",
    "Bram",
    "Cato",
    "Daan",
    "Eva",
    "Fleur",
    "Gijs",
    "Hanna",
    "Ilse",
    "Joost",
    "Karin",
    "Lars",
    "Maud",
    "Noor",
    "Olaf",
    "Pien",
    "Ruben",
    "Sanne",
    "Tim",
    "Vera",
]
LAST = [
    "de Vries",
    "Jansen",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Dijk",
    "Dekker",
]
ROLES = [
    "Leerkracht",
    "Intern begeleider",
    "Gedragsspecialist",
    "Logopedist",
    "Fysiotherapeut",
    "Orthopedagoog",
    "Ambulant begeleider",
    "Jobcoach",
    "Schoolleider",
    "Onderwijsassistent",
]
TOPICS = [
    "ondersteunde communicatie",
    "de-escalatie",
    "picto's",
    "NGT",
    "braille",
    "prikkelarme klas",
    "stage",
    "thuiszitters",
    "EMB",
    "ouderbetrokkenheid",
    "executieve functies",
    "rekenen",
    "zelfregulatie",
    "overgang SO-VSO",
]
# What the people of a school of each cluster typically know about: a demo
# logopedist is at a cluster 2 school, not at a school for the blind.
CLUSTER_NEEDS = {
    1: ["zien", "motoriek", "zelfredzaamheid"],
    2: ["horen", "taal-en-spraak", "communicatie"],
    3: ["motoriek", "medische-zorg", "zelfredzaamheid", "leren", "communicatie"],
    4: ["gedragsregulatie", "sociaal-emotioneel", "prikkelverwerking", "leren"],
}
CLUSTER_TOPICS = {
    1: ["braille", "stage", "ouderbetrokkenheid", "overgang SO-VSO"],
    2: ["NGT", "picto's", "ondersteunde communicatie", "ouderbetrokkenheid"],
    3: ["EMB", "picto's", "stage", "executieve functies", "rekenen"],
    4: ["de-escalatie", "prikkelarme klas", "thuiszitters", "zelfregulatie"],
}
# Who each cluster's schools are for, in the words schools use themselves.
CLUSTER_PUPILS = {
    1: "leerlingen die blind of slechtziend zijn",
    2: "leerlingen die doof of slechthorend zijn of een taalontwikkelingsstoornis "
    "(TOS) hebben",
    3: "leerlingen die zeer moeilijk lerend (ZML) zijn, langdurig ziek zijn of een "
    "lichamelijke of meervoudige beperking (EMB) hebben",
    4: "leerlingen met gedragsproblemen, autisme of psychiatrische problematiek",
}
BIO = (
    "Ik werk al {years} jaar in het speciaal onderwijs. Collega's vragen mij vaak "
    "mee te denken over **{topic}**. Neem gerust contact op: ik deel graag wat bij "
    "ons werkt."
)


@transaction.atomic
def seed_network(people_per_school: int = 4, seed: int = 2026) -> int:
    """Create the demo boards, schools and people once; returns people created."""
    if School.objects.filter(brin="12AB").exists():
        return 0
    rng = random.Random(seed)
    boards = [
        Board.objects.create(name=name, number=number, is_member=member)
        for name, number, member in BOARDS
    ]
    clusters = {c.number: c for c in Cluster.objects.all()}
    needs = {need.slug: need for need in SupportNeed.objects.all()}
    User = get_user_model()
    created = 0
    for name, brin, board, kind, school_clusters, province, city, alliance in SCHOOLS:
        school = School.objects.create(
            name=name,
            brin=brin,
            board=boards[board],
            school_type=kind,
            province=province,
            city=city,
            alliance=alliance,
            email_domains=f"{brin.lower()}.example.nl",
            offers_vervolgonderwijs=kind != "so",
            offers_arbeidsmarkt=kind != "so" and 3 in school_clusters,
            offers_dagbesteding=kind != "so" and 3 in school_clusters,
            description=(
                f"School voor {'voortgezet ' if kind == 'vso' else ''}speciaal "
                f"onderwijs in {city}, voor "
                + " en ".join(CLUSTER_PUPILS[n] for n in school_clusters)
                + "."
            ),
        )
        school.clusters.set(clusters[n] for n in school_clusters)
        school.save()  # commits the ParentalManyToManyField
        for index in range(people_per_school):
            person = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            user = User.objects.create_user(
                username=f"demo-{brin.lower()}-{index}",
                email=f"demo{index}@{brin.lower()}.example.nl",
                password=None,
            )
            fitting_needs = sorted(
                {slug for n in school_clusters for slug in CLUSTER_NEEDS[n]}
            )
            fitting_topics = sorted(
                {topic for n in school_clusters for topic in CLUSTER_TOPICS[n]}
            )
            topic = rng.choice(fitting_topics)
            profile = Profile.objects.create(
                user=user,
                name=person,
                job_title=rng.choice(ROLES),
                bio=BIO.format(years=rng.randint(3, 25), topic=topic),
                school_type=kind,
                open_for_questions=rng.random() < 0.7,
                open_for_visit=rng.random() < 0.4,
                open_for_talk=rng.random() < 0.2,
                visibility=rng.choice(["public", "members", "members", "hidden"]),
            )
            profile.support_needs.set(
                needs[slug]
                for slug in rng.sample(fitting_needs, rng.randint(1, 3))
                if slug in needs
            )
            profile.clusters.set(clusters[n] for n in school_clusters)
            profile.topics.set([topic, *rng.sample(fitting_topics, 1)])
            Affiliation.objects.create(
                profile=profile, school=school, is_coordinator=index == 0
            )
            created += 1
    created += _sector_experts(clusters, needs)
    _demo_questions(rng)
    return created


def _sector_experts(clusters, needs) -> int:
    """The named experts on the sector's subjects (demo.sector and
    demo.sector_words), public so that a visitor's first search finds them."""
    User = get_user_model()
    experts = [*sector.EXPERTS, *sector_words.EXPERTS]
    for username, name, brin, role, need_slugs, topics, bio in experts:
        school = School.objects.get(brin=brin)
        user = User.objects.create_user(
            username=username,
            email=f"{username.removeprefix('demo-')}@{brin.lower()}.example.nl",
            password=None,
        )
        profile = Profile.objects.create(
            user=user,
            name=name,
            job_title=role,
            bio=bio,
            school_type=school.school_type,
            open_for_questions=True,
            open_for_visit=True,
            visibility="public",
        )
        profile.support_needs.set(needs[slug] for slug in need_slugs if slug in needs)
        profile.clusters.set(school.clusters.all())
        profile.topics.set(topics)
        Affiliation.objects.create(profile=profile, school=school)
    return len(experts)


QUESTIONS = [
    (
        "Prikkelarme hoek",
        "Hoe hebben jullie de prikkelarme hoek ingericht? Wat werkte niet?",
    ),
    (
        "Picto's in de onderbouw",
        "Met welke picto-set zijn jullie begonnen, en hoe houd je die bij?",
    ),
    (
        "Stage bij een supermarkt",
        "Hebben jullie ervaring met groepsstages in de detailhandel?",
    ),
]


def _demo_questions(rng) -> None:
    """A few questions between demo people, one of them answered."""
    from network.models import ContactRequest, ContactStatus

    people = list(
        Profile.objects.filter(open_for_questions=True).select_related("user")[:6]
    )
    for (subject, message), (asker, expert) in zip(
        QUESTIONS, zip(people[::2], people[1::2], strict=False), strict=False
    ):
        ContactRequest.objects.create(
            expert=expert,
            sender=asker.user,
            sender_name=asker.name,
            subject=subject,
            message=message,
            status=ContactStatus.OPEN,
        )
    first = ContactRequest.objects.order_by("pk").first()
    if first is not None:
        first.status = ContactStatus.ANSWERED
        first.answer = (
            "Wij werken met een vaste hoek met een scherm en een koptelefoon."
        )
        first.save()
