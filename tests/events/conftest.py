import pytest

from tests import factories


@pytest.fixture
def member(db):
    """A teacher at a school whose board is a member of the association."""
    school = factories.make_school("De Burcht", "12AB", province="UT", city="Utrecht")
    return factories.make_member(
        "Marieke de Vries",
        school=school,
        username="marieke",
        email="marieke@deburcht.nl",
        password="wachtwoord-voor-test",
        first_name="Marieke",
        last_name="de Vries",
    )


@pytest.fixture
def outsider(db):
    """Signed in, but not at a member school."""
    return factories.make_user(
        "buiten", email="iemand@elders.nl", password="wachtwoord-voor-test"
    )


@pytest.fixture
def organiser(db):
    return factories.make_user(
        "organisator",
        email="organisator@lecso.nl",
        password="wachtwoord-voor-test",
        first_name="Olga",
        last_name="Organisator",
    )
