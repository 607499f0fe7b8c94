"""People and places for the forum tests: a visitor, an outsider (account, no
member school), members, a closed group with one member, and a moderator."""

import pytest
from django.contrib.auth.models import Permission

from forums import services
from forums.models import Category, Group, GroupMembership, MembershipStatus
from tests import factories

PASSWORD = "Een-lang-wachtwoord-42"


@pytest.fixture
def school(db):
    return factories.make_school("De Burcht", "12AB")


@pytest.fixture
def make_member(school):
    counter = {"n": 0}

    def make(name="Marieke de Vries", *, days_old=30, **fields):
        counter["n"] += 1
        return factories.make_member(
            name,
            school=school,
            username=f"lid{counter['n']}",
            email=f"lid{counter['n']}@deburcht.nl",
            password=PASSWORD,
            days_old=days_old,
            **fields,
        )

    return make


@pytest.fixture
def member(make_member):
    return make_member("Marieke de Vries")


@pytest.fixture
def other_member(make_member):
    return make_member("Bram Jansen")


@pytest.fixture
def outsider(db):
    return factories.make_user("buiten", email="iemand@elders.nl", password=PASSWORD)


@pytest.fixture
def moderator(make_member):
    user = make_member("Mo Moderator")
    user.user_permissions.add(Permission.objects.get(codename="moderate"))
    return user.__class__.objects.get(pk=user.pk)  # fresh permission cache


@pytest.fixture
def category(db):
    return Category.objects.create(
        name="Gedrag en welbevinden", slug="gedrag", description="Cluster 4-vragen"
    )


@pytest.fixture
def public_category(db):
    return Category.objects.create(
        name="Open vragen", slug="open", visible_to_visitors=True
    )


@pytest.fixture
def group(db):
    return Group.objects.create(name="Werkgroep IB Noord", slug="ib-noord")


@pytest.fixture
def group_member(make_member, group):
    user = make_member("Greet Groepslid")
    GroupMembership.objects.create(
        group=group, user=user, status=MembershipStatus.ACTIVE, is_manager=True
    )
    return user


@pytest.fixture
def make_thread(member):
    def make(
        place,
        *,
        author=None,
        title="Hoe gaan jullie om met time-outs?",
        body="Wij zoeken ervaringen.",
        replies=0,
        kind="question",
    ):
        thread = services.start_thread(
            author or member, place, title=title, body=body, kind=kind
        )
        for n in range(replies):
            services._add_post(thread, author or member, f"Reactie {n + 1}")
        thread.refresh_from_db()
        return thread

    return make
