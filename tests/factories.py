"""One way to make the people, boards and schools tests need; every conftest
builds on these. Plain functions: a test reads what it gets from the call."""

import datetime
import itertools

from django.contrib.auth import get_user_model
from django.utils import timezone

from network.models import (
    Affiliation,
    Board,
    Cluster,
    Profile,
    School,
    SupportNeed,
    SupportOffer,
)

_numbers = itertools.count(1)


def make_board(name="Stichting Kans", number="41001", *, is_member=True) -> Board:
    board, _created = Board.objects.get_or_create(
        number=number, defaults={"name": name, "is_member": is_member}
    )
    return board


def make_school(
    name="De Burcht",
    brin="12AB",
    *,
    board=None,
    province="UT",
    city="Utrecht",
    school_type="so-vso",
    clusters=(),
    domains="",
) -> School:
    school = School.objects.create(
        name=name,
        brin=brin,
        board=board or make_board(),
        school_type=school_type,
        province=province,
        city=city,
        email_domains=domains,
    )
    if clusters:
        school.clusters.set(Cluster.objects.filter(number__in=clusters))
        school.save()  # a ParentalManyToManyField is stored on save
    return school


def make_user(username=None, *, email=None, password=None, days_old=30, **fields):
    """An account. No password unless asked for (tests sign in with
    force_login); `days_old` dates the account back, since new accounts have
    stricter posting limits."""
    number = next(_numbers)
    username = username or f"user{number}"
    return get_user_model().objects.create_user(
        username=username,
        email=email or f"{username}@example.org",
        password=password,
        date_joined=fields.pop(
            "date_joined", timezone.now() - datetime.timedelta(days=days_old)
        ),
        **fields,
    )


def make_person(
    name,
    *,
    school=None,
    user=None,
    needs=(),
    topics=(),
    clusters=(),
    coordinator=False,
    **profile_fields,
) -> Profile:
    """A profile (members only unless `visibility` says otherwise), with an
    account unless one is given, at `school` when given."""
    user = user or make_user()
    profile = Profile.objects.create(user=user, name=name, **profile_fields)
    if needs:
        profile.support_needs.set(SupportNeed.objects.filter(slug__in=needs))
    if clusters:
        profile.clusters.set(Cluster.objects.filter(number__in=clusters))
    if topics:
        profile.topics.set(list(topics))
    if school is not None:
        Affiliation.objects.create(
            profile=profile, school=school, is_coordinator=coordinator
        )
    return profile


def make_member(name="Marieke de Vries", *, school=None, **user_fields):
    """A member of the network: an account with a profile at a member school
    (De Burcht unless told). Returns the user."""
    school = school or School.objects.filter(brin="12AB").first() or make_school()
    user = make_user(**user_fields)
    make_person(name, school=school, user=user)
    return user


def make_offer(
    title,
    *,
    school,
    kind="consultatie",
    provinces="UT",
    needs=(),
    clusters=(),
    published=True,
    **fields,
) -> SupportOffer:
    """A support offer of `school`, published unless told, given at the
    asking school unless another format is set."""
    fields.setdefault("at_your_school", True)
    offer = SupportOffer.objects.create(
        school=school,
        title=title,
        description=fields.pop("description", f"Over {title.lower()}."),
        kind=kind,
        provinces=provinces,
        cost=fields.pop("cost", "gratis"),
        is_published=published,
        **fields,
    )
    if needs:
        offer.support_needs.set(SupportNeed.objects.filter(slug__in=needs))
    if clusters:
        offer.clusters.set(Cluster.objects.filter(number__in=clusters))
    return offer
