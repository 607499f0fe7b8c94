"""An answered helpdesk case becomes a draft Q&A article without the member
in it, and the member hears when it is published."""

from http import HTTPStatus

import pytest
from django.contrib.auth.models import Group

from association import helpdesk
from association.models import ADVISERS_GROUP, Case, SignalTheme
from lecso_site.models import KnowledgeArticle, KnowledgeQuestion
from network.anonymise import anonymise
from network.models import Notification
from tests import factories

pytestmark = pytest.mark.django_db
BSN = "111222333"  # passes the eleven-test


@pytest.fixture
def school(db):
    return factories.make_school("De Burcht", "12AB", province="UT", clusters=(2,))


@pytest.fixture
def member(school):
    return factories.make_member("Rianne Melder", school=school, email="r@burcht.nl")


@pytest.fixture
def adviser(db):
    user = factories.make_user(
        "adviseur",
        email="a@vereniging.nl",
        is_staff=True,
        first_name="Ada",
        last_name="Adviseur",
    )
    user.groups.add(Group.objects.get(name=ADVISERS_GROUP))
    return user


@pytest.fixture
def answered(member, adviser):
    theme = SignalTheme.objects.get(slug="samenwerkingsverband-toelating")
    case = helpdesk.ask(
        member,
        theme=theme,
        subject="TLV geweigerd voor leerling van De Burcht",
        question=(
            "Ik ben Rianne Melder, IB'er op De Burcht (12AB). Het SWV weigert de "
            f"TLV voor leerling {BSN}. Bel me op 06-12345678 of mail "
            "r@burcht.nl. Rianne heeft het al twee keer gevraagd."
        ),
    )
    helpdesk.adviser_writes(
        case,
        adviser,
        "antwoord",
        "Beste Rianne, dien binnen zes weken bezwaar in bij het SWV. Groet, Ada",
    )
    return case


def test_the_anonymiser_takes_out_names_schools_addresses_and_numbers():
    text = anonymise(
        f"Anna de Vries (anna@school.nl, 030 123 4567) van De Burcht: BSN {BSN}. "
        "Anna belt. De leerling is 12 jaar.",
        names=["Anna de Vries"],
        schools=["De Burcht"],
    )
    for gone in ("Anna", "Vries", "anna@school.nl", "030 123 4567", "Burcht", BSN):
        assert gone not in text
    assert "De leerling is 12 jaar." in text, "ordinary words and numbers stay"
    assert "[naam]" in text and "[school]" in text and "[e-mailadres]" in text


def test_an_adviser_makes_an_anonymised_draft_and_the_member_hears_of_it(
    client, knowledge_index, answered, member, adviser
):
    client.force_login(adviser)
    case_page = client.get(f"/admin/helpdesk/{answered.pk}/").text
    assert "Maak een concept-kennisartikel" in case_page
    response = client.post(f"/admin/helpdesk/{answered.pk}/kennisbank/")
    assert response.status_code == HTTPStatus.FOUND
    article = KnowledgeQuestion.objects.get()
    answered.refresh_from_db()
    assert answered.article_id == article.pk and not article.live
    words = " ".join(
        [article.title, article.intro, article.question, str(article.body)]
    )
    for gone in (
        "Rianne",
        "Melder",
        "Burcht",
        "12AB",
        BSN,
        "06-12345678",
        "r@burcht.nl",
        "Ada",
    ):
        assert gone not in words, f"{gone} reached the editor's draft"
    assert "bezwaar" in words and "TLV" in words
    assert article.theme == answered.theme
    assert not Notification.objects.filter(
        recipient=member, kind="helpdesk_article"
    ).exists(), "not before it is published"
    # A second draft of the same case is not made.
    client.post(f"/admin/helpdesk/{answered.pk}/kennisbank/")
    assert KnowledgeQuestion.objects.count() == 1

    article.get_latest_revision().publish()
    note = Notification.objects.get(recipient=member, kind="helpdesk_article")
    assert note.url == article.url
    article.get_latest_revision().publish()
    assert Notification.objects.filter(kind="helpdesk_article").count() == 1
    # Found among the knowledge base's articles, with its question shown.
    assert KnowledgeArticle.objects.live().filter(pk=article.pk).exists()
    client.logout()
    page = client.get(article.url)
    assert page.status_code == HTTPStatus.OK and "De vraag" in page.text
    assert client.get(answered.get_absolute_url()).status_code != HTTPStatus.OK


def test_members_and_editors_without_the_adviser_role_cannot_make_one(
    client, knowledge_index, answered, member
):
    client.force_login(member)
    response = client.post(f"/admin/helpdesk/{answered.pk}/kennisbank/")
    assert response.status_code in (HTTPStatus.FOUND, HTTPStatus.FORBIDDEN)
    assert not KnowledgeQuestion.objects.exists()
    assert Case.objects.get().article_id is None
