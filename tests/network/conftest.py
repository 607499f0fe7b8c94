"""People and schools for the network tests."""

import pytest

from network.models import (
    Affiliation,
    Board,
    Cluster,
    Profile,
    School,
    SupportNeed,
    Visibility,
)


@pytest.fixture
def member_board(db):
    return Board.objects.create(name="Stichting Kans", number="41001", is_member=True)


@pytest.fixture
def other_board(db):
    return Board.objects.create(
        name="Stichting Buiten", number="41002", is_member=False
    )


@pytest.fixture
def make_school(member_board):
    def make(
        name,
        brin,
        *,
        board=None,
        province="UT",
        city="Utrecht",
        school_type="so-vso",
        clusters=(4,),
        domains="",
    ):
        school = School.objects.create(
            name=name,
            brin=brin,
            board=board or member_board,
            school_type=school_type,
            province=province,
            city=city,
            email_domains=domains,
        )
        school.clusters.set(Cluster.objects.filter(number__in=clusters))
        school.save()  # a ParentalManyToManyField is stored on save
        return school

    return make


@pytest.fixture
def school_a(make_school):
    return make_school(
        "De Burcht", "12AB", province="UT", city="Utrecht", domains="deburcht.nl"
    )


@pytest.fixture
def school_b(make_school):
    return make_school(
        "Het Baken", "34CD", province="GR", city="Groningen", clusters=(2,)
    )


@pytest.fixture
def make_person(django_user_model):
    counter = {"n": 0}

    def make(
        name,
        *,
        school=None,
        visibility=Visibility.MEMBERS,
        needs=(),
        topics=(),
        clusters=(),
        school_type="",
        questions=False,
        visit=False,
        talk=False,
        bio="",
        active=True,
        job_title="",
    ):
        counter["n"] += 1
        user = django_user_model.objects.create_user(
            username=f"user{counter['n']}",
            email=f"user{counter['n']}@example.org",
            password="wachtwoord-voor-test",
            is_active=active,
        )
        profile = Profile.objects.create(
            user=user,
            name=name,
            job_title=job_title,
            visibility=visibility,
            school_type=school_type,
            open_for_questions=questions,
            open_for_visit=visit,
            open_for_talk=talk,
            bio=bio,
        )
        profile.support_needs.set(SupportNeed.objects.filter(slug__in=needs))
        profile.clusters.set(Cluster.objects.filter(number__in=clusters))
        profile.topics.set(list(topics))
        if school is not None:
            Affiliation.objects.create(profile=profile, school=school)
        return profile

    return make
