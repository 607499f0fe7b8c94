"""A member school with a reporter and a colleague, a school outside the
association, and a policy adviser."""

import pytest
from django.contrib.auth.models import Group

from association.models import ADVISERS_GROUP, SignalTheme
from tests import factories
from tests.conftest import ensure_migration_rows


@pytest.fixture
def school(db):
    return factories.make_school(
        "De Burcht", "12AB", province="UT", city="Utrecht", clusters=(4,)
    )


@pytest.fixture
def reporter(school):
    return factories.make_member("Rianne Melder", school=school, email="r@burcht.nl")


@pytest.fixture
def colleague(school):
    return factories.make_member("Kees Collega", school=school, email="k@burcht.nl")


@pytest.fixture
def outsider(db):
    board = factories.make_board("Stichting Buiten", "41999", is_member=False)
    elsewhere = factories.make_school("Buitenschool", "99ZZ", board=board)
    return factories.make_member("Olga Buiten", school=elsewhere, email="o@buiten.nl")


@pytest.fixture
def adviser(django_user_model):
    ensure_migration_rows()  # a transactional test may have flushed the group
    user = factories.make_user("adviseur", email="a@vereniging.nl", is_staff=True)
    user.groups.add(Group.objects.get(name=ADVISERS_GROUP))
    return user


@pytest.fixture
def theme(db):
    ensure_migration_rows()
    return SignalTheme.objects.get(slug="leerlingenvervoer")


SIGNAL = {
    "what": "De busjes komen structureel een half uur te laat.",
    "since": "recent",
    "effect": "Leerlingen missen het begin van de dag.",
}
