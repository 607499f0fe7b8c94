"""People and schools for the network tests, made with tests/factories.py."""

import pytest

from network.models import Visibility
from tests import factories


@pytest.fixture
def member_board(db):
    return factories.make_board()


@pytest.fixture
def other_board(db):
    return factories.make_board("Stichting Buiten", "41002", is_member=False)


@pytest.fixture
def make_school(member_board):
    def make(name, brin, *, board=None, clusters=(4,), **fields):
        return factories.make_school(
            name, brin, board=board or member_board, clusters=clusters, **fields
        )

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
def make_person(db):
    """A profile with an account (password "wachtwoord-voor-test"); the
    availability flags by short names."""

    def make(
        name,
        *,
        school=None,
        visibility=Visibility.MEMBERS,
        questions=False,
        visit=False,
        talk=False,
        active=True,
        **fields,
    ):
        user = factories.make_user(password="wachtwoord-voor-test", is_active=active)
        return factories.make_person(
            name,
            school=school,
            user=user,
            visibility=visibility,
            open_for_questions=questions,
            open_for_visit=visit,
            open_for_talk=talk,
            **fields,
        )

    return make
