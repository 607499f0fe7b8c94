"""The home page shows the network alive: the next meetings with their seats,
questions colleagues ask (only those the reader may see), support needs that
lead into the directory, the editors' featured pages, news and knowledge, in
a number of queries that does not grow with what there is."""

from http import HTTPStatus

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from events.models.registrations import Registration, Status
from events.services import register
from forums import services as forum_services
from forums.models import Category, Group, GroupMembership, MembershipStatus, Thread
from lecso_site.models import HomeFeature
from network.models import SupportNeed
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def network(home, agenda):
    school = factories.make_school("De Burcht", "12AB")
    member = factories.make_member("Marieke de Vries", school=school)
    category = Category.objects.create(name="Gedrag", slug="gedrag")
    open_category = Category.objects.create(
        name="Open vragen", slug="open", visible_to_visitors=True
    )
    group = Group.objects.create(name="Werkgroep IB Noord", slug="ib-noord")
    GroupMembership.objects.create(
        group=group, user=member, status=MembershipStatus.ACTIVE
    )
    return {
        "home": home,
        "member": member,
        "agenda": agenda,
        "category": category,
        "open_category": open_category,
        "group": group,
    }


def test_the_next_meetings_come_first_with_their_seats(client, network, make_event):
    later = make_event(title="Studiedag", days=30, capacity=10)
    sooner = make_event(title="Regio-overleg", days=3, capacity=2)
    make_event(title="Over", days=-3, capacity=10)
    register(sooner, name="Anna", email="anna@school.nl")
    # Only seats held count: not a cancelled registration.
    register(later, name="Bram", email="bram@school.nl")
    cancelled = register(later, name="Cor", email="cor@school.nl")
    Registration.objects.filter(pk=cancelled.pk).update(status=Status.CANCELLED)

    page = client.get("/").text

    assert page.index("Regio-overleg") < page.index("Studiedag")
    assert "Over</a>" not in page
    assert "nog 1 plaats vrij" in page
    assert "nog 9 plaatsen vrij" in page
    assert later.url in page


def test_questions_shown_are_those_the_reader_may_see(client, network):
    member = network["member"]
    forum_services.start_thread(
        member, network["open_category"], title="Open vraag over TOS", body="?"
    )
    forum_services.start_thread(
        member, network["category"], title="Ledenvraag over EMB", body="?"
    )
    forum_services.start_thread(
        member, network["group"], title="Groepsvraag over roosters", body="?"
    )

    visitor = client.get("/").text
    assert "Open vraag over TOS" in visitor
    assert "Ledenvraag" not in visitor and "Groepsvraag" not in visitor

    client.force_login(member)
    as_member = client.get("/").text
    assert "Ledenvraag over EMB" in as_member and "Groepsvraag" in as_member


def test_support_needs_lead_into_the_directory(client, network):
    SupportNeed.objects.get_or_create(
        slug="taal-en-spraak", defaults={"name": "Taal en spraak"}
    )

    page = client.get("/").text

    assert 'href="/deskundigen/?behoefte=taal-en-spraak"' in page
    assert "Taal en spraak" in page


def test_editors_choose_featured_pages(client, network, standard_page):
    HomeFeature.objects.create(
        home=network["home"], page=standard_page, label="Lees eerst", sort_order=0
    )
    page = client.get("/").text
    assert "Lees eerst" in page and standard_page.url in page

    standard_page.unpublish()
    assert "Lees eerst" not in client.get("/").text, "a draft is not featured"


def test_the_query_count_does_not_grow_with_what_there_is(
    client, network, make_news, make_article, make_event
):
    member = network["member"]
    client.force_login(member)
    make_event(title="Eerste", days=2, capacity=10)
    forum_services.start_thread(member, network["category"], title="Eén", body="?")
    make_news("Nieuws 1")
    make_article("Artikel 1")
    client.get("/")  # warm the per-process caches
    with CaptureQueriesContext(connection) as few:
        assert client.get("/").status_code == HTTPStatus.OK

    for n in range(6):
        make_event(title=f"Meer {n}", days=3 + n, capacity=10)
        Thread.objects.create(
            category=network["category"],
            title=f"Vraag {n}",
            author=member,
            last_post_at=timezone.now(),
            post_count=1,
        )
        make_news(f"Nieuws extra {n}")
        make_article(f"Artikel extra {n}")
    client.get("/")  # new pages moved the header's cache on; warm it again
    with CaptureQueriesContext(connection) as many:
        response = client.get("/")
    assert response.status_code == HTTPStatus.OK
    assert "Vraag 5" in response.text
    assert len(many) == len(few)
