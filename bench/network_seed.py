"""Scale data for the directory: schools and people in bulk.

realistic: 300 schools and 30,000 people (about the size of Dutch special
education's staff that would use such a directory); 10x: 3,000 and 300,000.
Rows are written with bulk_create in batches; passwords are unusable.
"""

import random

from django.contrib.auth import get_user_model
from django.db import transaction

from demo.network import FIRST, LAST, ROLES
from demo.network import TOPICS as DEMO_TOPICS
from network.models import (
    Affiliation,
    Board,
    Cluster,
    Profile,
    Province,
    School,
    SupportNeed,
    TaggedTopic,
    Topic,
)
from network.search_text import refresh_search_text

from .seed import compact

SCALES = {"realistic": (300, 30_000), "10x": (3_000, 300_000)}
# Support offers per school: two, as most special schools list a few.
OFFERS_PER_SCHOOL = 2
OFFER_KINDS = ["consultatie", "ambulant", "observatie", "scholing", "bezoek"]
BATCH = 2_000
# The demo's topics and a few more, so facets at scale have a long tail.
TOPICS = [
    *DEMO_TOPICS,
    "autisme",
    "hechting",
    "trauma",
    "dyslexie",
    "spraakcomputer",
    "gebaren",
]


def seed_people(scale: str, stdout) -> None:
    schools_wanted, people_wanted = SCALES[scale]
    rng = random.Random(30_000)
    with transaction.atomic():
        boards = _boards(schools_wanted // 5)
        schools = _schools(schools_wanted, boards, rng)
    existing = Profile.objects.count()
    if existing >= people_wanted:
        return
    needs = list(SupportNeed.objects.values_list("pk", flat=True))
    clusters = list(Cluster.objects.values_list("pk", flat=True))
    topics = [
        Topic.objects.get_or_create(name=name, defaults={"slug": _slug(name)})[0].pk
        for name in TOPICS
    ]
    User = get_user_model()
    for start in range(existing, people_wanted, BATCH):
        numbers = range(start, min(start + BATCH, people_wanted))
        with transaction.atomic():
            users = User.objects.bulk_create(
                User(
                    username=f"schaal-{n}",
                    email=f"schaal-{n}@example.invalid",
                    password="!",
                    first_name=rng.choice(FIRST),
                )
                for n in numbers
            )
            profiles = Profile.objects.bulk_create(
                Profile(
                    user=user,
                    slug=f"schaal-{n}",
                    name=f"{rng.choice(FIRST)} {rng.choice(LAST)} {n}",
                    job_title=rng.choice(ROLES),
                    bio=f"Ervaring met {rng.choice(TOPICS)} en {rng.choice(TOPICS)}.",
                    school_type=rng.choice(["so", "vso", "so-vso"]),
                    open_for_questions=rng.random() < 0.6,
                    open_for_visit=rng.random() < 0.3,
                    open_for_talk=rng.random() < 0.15,
                    visibility=rng.choices(["members", "public", "hidden"], [6, 3, 1])[
                        0
                    ],
                )
                for n, user in zip(numbers, users, strict=True)
            )
            Profile.support_needs.through.objects.bulk_create(
                Profile.support_needs.through(profile_id=p.pk, supportneed_id=need)
                for p in profiles
                for need in rng.sample(needs, rng.randint(1, 3))
            )
            Profile.clusters.through.objects.bulk_create(
                Profile.clusters.through(profile_id=p.pk, cluster_id=c)
                for p in profiles
                for c in rng.sample(clusters, rng.randint(1, 2))
            )
            TaggedTopic.objects.bulk_create(
                TaggedTopic(content_object_id=p.pk, tag_id=t)
                for p in profiles
                for t in rng.sample(topics, 2)
            )
            Affiliation.objects.bulk_create(
                Affiliation(profile_id=p.pk, school_id=rng.choice(schools))
                for p in profiles
            )
        refresh_search_text(p.pk for p in profiles)
        stdout.write(f"  seeding people: {numbers.stop}/{people_wanted}\n")
        stdout.flush()
    compact(Profile._meta.db_table, stdout)


def _boards(count: int) -> list[Board]:
    boards = list(Board.objects.filter(number__startswith="9"))
    for number in range(len(boards), count):
        boards.append(
            Board.objects.create(
                name=f"Stichting Schaal {number}",
                number=f"9{number:05d}",
                is_member=number % 10 != 0,
            )
        )
    return boards


def _schools(count: int, boards: list[Board], rng) -> list[int]:
    existing = list(
        School.objects.filter(name__startswith="Schaalschool").values_list(
            "pk", flat=True
        )
    )
    provinces = Province.values
    clusters = list(Cluster.objects.all())
    for number in range(len(existing), count):
        school = School(
            name=f"Schaalschool {number}",
            brin=_brin(number),
            board=rng.choice(boards),
            school_type=rng.choice(["so", "vso", "so-vso"]),
            province=rng.choice(provinces),
            city=f"Plaats {number % 120}",
        )
        school.clusters.set(rng.sample(clusters, rng.randint(1, 2)))
        school.save()
        existing.append(school.pk)
    return existing


def _brin(number: int) -> str:
    """00AA, 00AB, ...: unique for the first 67,600 numbers."""
    letters = chr(65 + number // 26 % 26) + chr(65 + number % 26)
    return f"{number // 676 % 100:02d}{letters}"


def _slug(name: str) -> str:
    from django.utils.text import slugify

    return slugify(name) or "onderwerp"


def seed_offers(scale: str, stdout) -> None:
    """Two published offers per scale school, each for one or two support
    needs and one to three provinces; idempotent."""
    from network.models import SupportOffer

    schools_wanted, _people = SCALES[scale]
    wanted = schools_wanted * OFFERS_PER_SCHOOL
    existing = SupportOffer.objects.filter(title__startswith="Schaalaanbod").count()
    if existing >= wanted:
        return
    rng = random.Random(600)
    needs = list(SupportNeed.objects.all())
    schools = list(
        School.objects.filter(name__startswith="Schaalschool").order_by("pk")
    )
    provinces = Province.values
    with transaction.atomic():
        offers = SupportOffer.objects.bulk_create(
            SupportOffer(
                school=schools[number // OFFERS_PER_SCHOOL % len(schools)],
                title=f"Schaalaanbod {number}: begeleiding bij "
                f"{rng.choice(needs).name.lower()}",
                slug=f"schaalaanbod-{number}",
                description="Een ambulant begeleider denkt mee met de leerkracht "
                "en kijkt in de klas hoe de leerling het best geholpen is.",
                kind=rng.choice(OFFER_KINDS),
                provinces=",".join(sorted(rng.sample(provinces, rng.randint(1, 3)))),
                at_your_school=True,
                online=rng.random() < 0.4,
                cost=rng.choice(["gratis", "arrangement", "offerte"]),
                is_published=True,
            )
            for number in range(existing, wanted)
        )
        SupportOffer.support_needs.through.objects.bulk_create(
            SupportOffer.support_needs.through(
                supportoffer_id=offer.pk, supportneed_id=need.pk
            )
            for offer in offers
            for need in rng.sample(needs, rng.randint(1, 2))
        )
    stdout.write(f"  offers: {wanted}\n")
